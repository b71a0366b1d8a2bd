import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../scripts/rehearse/shell-process.js';
import { appUnderTest } from '../support/app-under-test.js';
import { finding, PRACTICE_ITEMS, writePracticeSession, writeThreeAttempts } from '../support/practice-sessions.js';

const NEW_HIRE = 'Nia Patel';
/** Set SCREENSHOTS=docs/screenshots to refresh the README's progress screenshot. */
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

  it('three attempts at one scenario show on the progress chart and in its table', async () => {
    const { page } = app.browser;
    await page.goto(app.shell.url);
    await page.waitForSelector('body[data-app-state="ready"]');
    await page.click('[data-testid="nav-progress"]');
    expect(await page.inputValue('[data-testid="progress-name"]')).toBe(NEW_HIRE);
    await page.selectOption('[data-testid="progress-scenario"]', 'not-listening');

    const rows = page.locator('[data-testid="progress-attempt"]');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-session-id')))).toEqual(ids);
    const statuses = (key: string) => rows.locator(`td[data-item="${key}"]`).allTextContents();
    expect(await statuses('respect/no-red-flags')).toEqual(['Fail', 'Fail', 'Pass']);
    expect(await statuses('patience/answers-promptly')).toEqual(['Pass', 'Needs review', 'Pass']);
    expect(await page.locator('[data-testid="progress-pass-rate"]').allTextContents()).toEqual(['33% (1 of 3)', '100% (2 of 2)']);

    // The chart is drawn: the canvas holds coloured (line) pixels, not only blank or grey axes.
    const drawn = await page.locator('[data-testid="progress-chart"]').evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext('2d');
      if (!ctx) return { painted: 0, coloured: 0 };
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      let coloured = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r = 0, g = 0, b = 0, a = 0] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        if (a === 0) continue;
        painted++;
        if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
      }
      return { painted, coloured };
    });
    expect(drawn.painted).toBeGreaterThan(1000);
    expect(drawn.coloured).toBeGreaterThan(200);

    const shotDir = SHOTS ?? join(app.dataDir, 'shots');
    mkdirSync(shotDir, { recursive: true });
    await page.locator('[data-testid="progress-screen"]').screenshot({ path: join(shotDir, 'practice-progress.png') });
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
    await expect.poll(() => page.locator('[data-testid="progress-attempt"]').count()).toBe(2);
  });
});
