import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../scripts/rehearse/shell-process.js';
import { appUnderTest } from '../support/app-under-test.js';
import { finding, PRACTICE_ITEMS, writePracticeSession, writeThreeAttempts } from '../support/practice-sessions.js';

const NEW_HIRE = 'Nia Patel';
/** Set SCREENSHOTS=docs/screenshots to refresh the README's progress screenshot (progress.png, 1280x800). */
const SHOTS = process.env.SCREENSHOTS;

describe('a new hire sees their practice progress', () => {
  let ids: string[] = [];
  const app = appUnderTest('practice', {
    // Three finished, analysed attempts at one scenario, plus someone else's that must not show.
    prepare: (dir) => {
      ids = writeThreeAttempts(dir, NEW_HIRE, 'not-listening', 'The interviewer who is not listening');
      writePracticeSession(dir, { id: '20261122-120000-other1', scenarioId: 'not-listening', candidate: { name: 'Bob Marley' } }, [finding(PRACTICE_ITEMS[0], 'pass')]);
    },
    viewport: { width: 1200, height: 1000 },
  });
  // The name used for the last call is the default on the progress screen.
  beforeAll(() => callApi(app.shell, 'updateSettings', { patch: { lastCandidateName: NEW_HIRE } }));

  it('three attempts show one chart per checklist, the personal bests and the items that improved or slipped', async () => {
    const { page } = app.browser;
    await page.goto(app.shell.url);
    await page.waitForSelector('body[data-app-state="ready"]');
    await page.click('[data-testid="nav-progress"]');
    expect(await page.inputValue('[data-testid="progress-name"]')).toBe(NEW_HIRE);
    // The filter is reached with the keyboard and offers the scenarios this name practised.
    await page.focus('[data-testid="progress-name"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('progress-scenario');
    const select = page.locator('[data-testid="progress-scenario"]');
    await expect.poll(() => select.locator('option').allTextContents()).toEqual(['All scenarios (3 calls)', 'The interviewer who is not listening (3 calls)']);
    await page.selectOption('[data-testid="progress-scenario"]', 'not-listening');

    // One card per checklist, each with its own chart and table.
    const cards = page.locator('[data-testid="checklist-progress"]');
    await expect.poll(() => cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-checklist')))).toEqual(['respect', 'patience']);
    expect(await cards.locator('h4').allTextContents()).toEqual(['Respect', 'Patience']);
    expect(await page.locator('[data-testid="checklist-chart"]').count()).toBe(2);
    const scores = (checklist: string) => page.locator(`[data-testid="checklist-progress"][data-checklist="${checklist}"] [data-testid="checklist-attempt"] td:last-child`).allTextContents();
    expect(await scores('respect')).toEqual(['0% (0 of 1)', '0% (0 of 1)', '100% (1 of 1) · best']);
    expect(await scores('patience')).toEqual(['100% (2 of 2) · best', '100% (1 of 1)', '50% (1 of 2)']);
    const rowIds = await page.locator('[data-checklist="respect"] [data-testid="checklist-attempt"]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-session-id')));
    expect(rowIds).toEqual(ids);

    // The personal best, said in words: the highest score, the first time it was reached.
    const best = (checklist: string) => page.locator(`[data-testid="checklist-progress"][data-checklist="${checklist}"] [data-testid="personal-best"]`);
    expect(await best('respect').textContent()).toMatch(/^★ Personal best: 100% on (22 Nov|Nov 22)$/);
    expect(await best('respect').getAttribute('data-session-id')).toBe(ids[2]);
    expect(await best('patience').textContent()).toMatch(/Personal best: 100% on (20 Nov|Nov 20)/);
    expect(await best('patience').getAttribute('data-session-id')).toBe(ids[0]);
    // The charts' text alternative names the best too.
    expect(await page.locator('[data-testid="checklist-chart"][data-checklist="respect"]').getAttribute('aria-label')).toContain('Personal best: 100%');

    // Improved and slipped since the previous call at this scenario, by the items' own titles.
    expect(await page.locator('[data-testid="progress-improved"] .change-title').allTextContents()).toEqual(['No blame, dismissal, sarcasm, talking down or refusal']);
    expect(await page.locator('[data-testid="progress-slipped"] .change-title').allTextContents()).toEqual(['No long dead air']);
    expect(await page.locator('[data-testid="progress-slipped"] li').textContent()).toMatch(/Patience: passed on (21 Nov|Nov 21), failed now/);

    // Each chart is drawn: its line in blue and the personal best's star in vermillion.
    for (const checklist of ['respect', 'patience']) {
      const drawn = await page.locator(`[data-testid="checklist-chart"][data-checklist="${checklist}"]`).evaluate((canvas: HTMLCanvasElement) => {
        const ctx = canvas.getContext('2d');
        if (!ctx) return { line: 0, best: 0 };
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let line = 0;
        let best = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r = 0, g = 0, b = 0, a = 0] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
          if (a < 200) continue;
          if (b > 150 && r < 60 && g > 80 && g < 150) line++; // #0072B2
          if (r > 190 && g > 60 && g < 120 && b < 40) best++; // #D55E00
        }
        return { line, best };
      });
      expect(drawn.line).toBeGreaterThan(100);
      expect(drawn.best).toBeGreaterThan(30);
    }

    // Readable at 1280x800, as a new hire's laptop shows it.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const shotDir = SHOTS ?? join(app.dataDir, 'shots');
    mkdirSync(shotDir, { recursive: true });
    await page.screenshot({ path: join(shotDir, 'progress.png') });
  });

  it('"Try again" on the end screen starts a fresh call of the same scenario, and both show on the progress screen', async () => {
    const { page } = app.browser;
    await page.click('nav[aria-label="Main"] button:has-text("Scenarios")');
    await page.fill('[data-testid="candidate-name"]', NEW_HIRE);
    await page.click('[data-testid="scenario-long-hold"]');
    await page.click('[data-testid="continue"]');
    await page.click('[data-testid="start-call"]');
    const screen = page.locator('[data-testid="call-screen"]');
    await expect.poll(() => screen.getAttribute('data-session-id'), { timeout: 30_000 }).not.toBe('');
    const first = await screen.getAttribute('data-session-id');
    await page.click('[data-testid="hang-up"]');
    await page.waitForSelector('[data-testid="call-screen"][data-call-phase="ended"]', { timeout: 30_000 });

    await page.click('[data-testid="try-again"]');
    await expect.poll(() => screen.getAttribute('data-session-id'), { timeout: 30_000 }).not.toMatch(new RegExp(`^(${first ?? ''})?$`));
    await page.click('[data-testid="hang-up"]');
    await page.waitForSelector('[data-testid="call-screen"][data-call-phase="ended"]', { timeout: 30_000 });

    await page.click('[data-testid="open-progress"]');
    await page.selectOption('[data-testid="progress-scenario"]', 'long-hold');
    await expect.poll(() => page.locator('[data-testid="progress-summary"]').textContent()).toMatch(/^2 calls\./);
    expect(await page.locator('[data-testid="progress-scenario"] option:checked').textContent()).toMatch(/\(2 calls\)$/);
  });
});
