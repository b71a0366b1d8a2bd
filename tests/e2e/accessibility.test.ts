import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../scripts/rehearse/chromium.js';
import { callApi } from '../../scripts/rehearse/shell-process.js';
import { appUnderTest } from '../support/app-under-test.js';
import { expectAccessible, type AxeCheckOptions } from '../support/axe.js';
import { contrastRatio, focusedLook } from '../support/contrast.js';
import { writeThreeAttempts } from '../support/practice-sessions.js';

const TRAINEE = 'Nia Patel';
/** Set A11Y_SHOTS=<folder> to keep a screenshot of every screen checked. */
const SHOTS = process.env.A11Y_SHOTS;

/** Every WCAG 2.1 A/AA rule axe knows must pass on the page as it is now. */
async function checkScreen(page: Page, screen: string, opts?: AxeCheckOptions): Promise<void> {
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${screen}.png`), fullPage: true });
  }
  await expectAccessible(page, screen, opts);
}

describe('the screens a trainee uses pass axe-core WCAG 2.1 A/AA checks', () => {
  // Past attempts, so the Progress screen shows its charts and tables rather than an empty note.
  const app = appUnderTest('a11y', { prepare: (dir) => writeThreeAttempts(dir, TRAINEE, 'not-listening', 'The interviewer who is not listening') });
  beforeAll(() => callApi(app.shell, 'updateSettings', { patch: { lastCandidateName: TRAINEE } }));

  it('Scenarios (home)', async () => {
    const { page } = app.browser;
    await page.goto(app.shell.url);
    await page.waitForSelector('body[data-app-state="ready"]');
    await page.fill('[data-testid="candidate-name"]', TRAINEE);
    await page.click('[data-testid="scenario-long-hold"]');
    await checkScreen(page, 'home');
  });

  it('the keyboard focus ring and a text field\'s edge stand out at 3:1 (WCAG 1.4.11, which axe does not measure)', async () => {
    const { page } = app.browser;
    await page.focus('[data-testid="candidate-name"]');
    const field = await focusedLook(page);
    expect(field.outlineStyle).not.toBe('none');
    expect(contrastRatio(field.outlineColor, field.page)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(field.borderColor, field.fill)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(field.borderColor, field.page)).toBeGreaterThanOrEqual(3);
    // A button reached with Tab (focus-visible): the first scenario radio, then the next control.
    await page.focus('[data-testid="continue"]');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('continue');
    const button = await focusedLook(page);
    expect(button.outlineStyle).not.toBe('none');
    expect(contrastRatio(button.outlineColor, button.page)).toBeGreaterThanOrEqual(3);
  });

  it('microphone check', async () => {
    const { page } = app.browser;
    await page.click('[data-testid="continue"]');
    // Chromium's fake microphone opens: the device list and the level meter are on screen.
    await page.waitForSelector('[data-testid="level-meter"]');
    await checkScreen(page, 'mic-check');
  });

  it('the call screen during a call', async () => {
    const { page } = app.browser;
    await page.click('[data-testid="start-call"]');
    const screen = page.locator('[data-testid="call-screen"]');
    await expect.poll(() => screen.getAttribute('data-session-id'), { timeout: 30_000 }).not.toBe('');
    await page.waitForSelector('[data-testid="hang-up"]');
    await checkScreen(page, 'call-live');
    // The customer's first line ends and it is the trainee's turn: the listen panel is shown.
    await page.waitForSelector('[data-testid="call-screen"][data-call-phase="listening"]', { timeout: 30_000 });
    await checkScreen(page, 'call-listening');
  });

  it("the call's end screen, with its debrief", async () => {
    const { page } = app.browser;
    await page.click('[data-testid="hang-up"]');
    await page.waitForSelector('[data-testid="call-screen"][data-call-phase="ended"]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="debrief"][data-state="done"]', { timeout: 90_000 });
    await checkScreen(page, 'call-ended');
  });

  it('Progress, with a chart per checklist and its table', async () => {
    const { page } = app.browser;
    await page.click('[data-testid="open-progress"]');
    await page.selectOption('[data-testid="progress-scenario"]', 'not-listening');
    await page.waitForSelector('[data-testid="checklist-chart"]');
    await page.click('[data-testid="checklist-progress"] summary');
    await checkScreen(page, 'progress');
  });
});

describe('without a microphone: the microphone error and a typed answer pass the same checks', () => {
  const app = appUnderTest('a11y-nomic', { launch: { denyMic: true } });

  it('the refused microphone, then the written reply', async () => {
    const { page } = app.browser;
    await page.goto(app.shell.url);
    await page.waitForSelector('body[data-app-state="ready"]');
    await page.fill('[data-testid="candidate-name"]', TRAINEE);
    await page.click('[data-testid="scenario-written-reply"]');
    await page.click('[data-testid="continue"]');
    await page.waitForSelector('[data-testid="mic-error"]');
    await checkScreen(page, 'mic-refused');

    await page.click('[data-testid="start-without-mic"]');
    await page.waitForSelector('[data-testid="call-screen"][data-call-phase="typing"]', { timeout: 30_000 });
    await page.fill('[data-testid="typed-answer"]', 'I am so sorry, Daniel.');
    await checkScreen(page, 'call-typing');
  });
});
