import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../scripts/rehearse/shell-process.js';
import { appUnderTest } from '../support/app-under-test.js';
import { expectAccessible } from '../support/axe.js';
import { tryoutOf, writeTryoutDay } from '../support/tryout-day-sessions.js';
import { anaReview, bjornReview } from '../unit/services/report-fixtures.js';

/**
 * The tryout lead's results board in Chromium: a day with two candidates (written as the kiosk
 * leaves them: analysed calls, coaches' reviews), sorted by a checklist with the mouse and the
 * keyboard, a cell opened into the review at its first failing item, a review saved elsewhere
 * showing up without a reload, and the CSV exported and read back from disk.
 */

/** Set SCREENSHOTS=docs/screenshots to refresh the README's screenshot. */
const SHOTS = process.env.SCREENSHOTS;
const AT = '2026-11-24T09:00:00.000Z';
const TRYOUT = tryoutOf('t-20261124-nov001', 'Support tryout, November', '2026-11-24', ['angry-caller', 'obvious-question']);
const AMARA_2 = '20261124-091500-amara2';
const LARS = '20261124-100000-lars01';
const sel = (id: string) => `[data-testid="${id}"]`;

describe('the tryout day’s results board', () => {
  const app = appUnderTest('board', {
    viewport: { width: 1280, height: 800 },
    prepare: (dataDir) =>
      writeTryoutDay(dataDir, TRYOUT, [
        // Amara: call 1 reviewed (talk-over overridden to a pass, advance); call 2 not reviewed, its talk-over failed.
        { id: '20261124-090000-amara1', candidate: 'Amara Okafor', candidateId: 'C-101', scenarioId: 'angry-caller', scenarioTitle: 'The angry caller', createdAt: AT, reviews: [{ coach: 'Ana Ruiz', content: anaReview(AT) }] },
        { id: AMARA_2, candidate: 'Amara Okafor', candidateId: 'C-101', scenarioId: 'obvious-question', scenarioTitle: 'The obvious question', createdAt: '2026-11-24T09:15:00.000Z' },
        // Lars: one call, two coaches who differ on the talk-over and on the verdict.
        { id: LARS, candidate: 'Lars Johansson', scenarioId: 'angry-caller', scenarioTitle: 'The angry caller', createdAt: '2026-11-24T10:00:00.000Z', reviews: [{ coach: 'Ana Ruiz', content: anaReview(AT) }, { coach: 'Björn Larsen', content: bjornReview(AT) }] },
      ]),
  });

  const rowNames = () => app.browser.page.locator(sel('board-row')).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-candidate')));
  const respectHeader = () => app.browser.page.locator('th', { has: app.browser.page.locator(sel('board-sort-checklist-respect')) });

  it('shows one row per candidate with a score per checklist, fails, the verdict, reviewers and calls', async () => {
    const { page } = app.browser;
    await page.goto(app.shell.url);
    await page.waitForSelector('body[data-app-state="ready"]');
    await page.click(sel('nav-results-board'));
    await page.waitForSelector(sel('board-row'));
    expect(await page.textContent('#results-board-title')).toBe('Results board: Support tryout, November');
    expect(await rowNames()).toEqual(['Amara Okafor', 'Lars Johansson']);

    const amara = page.locator(`${sel('board-row')}[data-candidate="Amara Okafor"]`);
    expect(await amara.locator(sel('board-cell-respect')).innerText()).toMatch(/^80% 4 of 5\s+1 fail · 1 to review\s*: Amara Okafor, Respect: open the first fail, Lets the customer finish$/);
    expect(await amara.locator(sel('board-cell-patience')).innerText()).toMatch(/^100% 2 of 2\s*: Amara Okafor, Patience: open the first call$/);
    expect(await amara.locator(sel('board-fails')).innerText()).toBe('1');
    expect(await amara.locator(sel('board-verdict')).getAttribute('data-verdict')).toBe('advance');
    expect(await amara.locator(sel('board-reviewed-by')).innerText()).toBe('Ana Ruiz');
    expect(await amara.locator(sel('board-calls')).innerText()).toBe('2 of 2');
    const lars = page.locator(`${sel('board-row')}[data-candidate="Lars Johansson"]`);
    expect(await lars.locator(sel('board-verdict')).getAttribute('data-verdict')).toBe('split');
    expect(await lars.locator(sel('board-reviewed-by')).innerText()).toBe('Ana Ruiz, Björn Larsen');
    expect(await lars.locator(sel('board-calls')).innerText()).toBe('1 of 2');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'results-board.png') });
    await expectAccessible(page, 'results board');
  });

  it('sorts by a checklist with a click, turns round with the keyboard, and says so in aria-sort', async () => {
    const { page } = app.browser;
    expect(await respectHeader().getAttribute('aria-sort')).toBe('none');
    await page.click(sel('board-sort-checklist-respect'));
    // Highest score first: Lars 100%, Amara 80%.
    expect(await respectHeader().getAttribute('aria-sort')).toBe('descending');
    expect(await rowNames()).toEqual(['Lars Johansson', 'Amara Okafor']);
    await page.focus(sel('board-sort-checklist-respect'));
    await page.keyboard.press('Enter');
    expect(await respectHeader().getAttribute('aria-sort')).toBe('ascending');
    expect(await rowNames()).toEqual(['Amara Okafor', 'Lars Johansson']);
    await page.keyboard.press('Space');
    expect(await rowNames()).toEqual(['Lars Johansson', 'Amara Okafor']);
    await page.click(sel('board-sort-fails'));
    expect(await rowNames()).toEqual(['Amara Okafor', 'Lars Johansson']);
  });

  it('shows a review saved meanwhile without a reload', async () => {
    const { page } = app.browser;
    // Björn changes his mind on Lars: both coaches now advance him (saved from another screen).
    await callApi(app.shell, 'saveReview', { sessionId: LARS, coachName: 'Björn Larsen', content: { ...bjornReview(AT), verdict: 'advance' } });
    const verdict = page.locator(`${sel('board-row')}[data-candidate="Lars Johansson"] ${sel('board-verdict')}`);
    await expect.poll(() => verdict.getAttribute('data-verdict'), { timeout: 15_000 }).toBe('advance');
  });

  it('exports the board as CSV in the order on screen and says where it is', async () => {
    const { page } = app.browser;
    await page.click(sel('board-export-csv'));
    const result = page.locator(sel('board-export-result'));
    await result.waitFor();
    const path = (await result.getAttribute('data-path')) ?? '';
    expect(path.startsWith(join(app.dataDir, 'exports', 'results-t-20261124-nov001-'))).toBe(true);
    expect(await result.innerText()).toContain(`CSV saved to ${path}`);
    expect(readFileSync(path, 'utf8').split('\r\n')).toEqual([
      '\uFEFFCandidate,Candidate number,Respect score (%),Respect fails,Respect needs review,Patience score (%),Patience fails,Patience needs review,Fails,Needs review,Verdict,Calls with a verdict,Reviewed by,Calls done',
      // Sorted by fails, most first (the order on screen).
      'Amara Okafor,C-101,80,1,1,100,0,0,1,1,Advance,1,Ana Ruiz,2 of 2',
      'Lars Johansson,,100,0,1,100,0,0,0,1,Advance,1,"Ana Ruiz, Björn Larsen",1 of 2',
      '',
    ]);
    // The link downloads the same file.
    const href = (await page.getAttribute(sel('board-export-link'), 'href')) ?? '';
    const served = await page.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())), href);
    expect(Buffer.from(served).equals(readFileSync(path))).toBe(true);

    // The PDF for the hiring meeting, the same way.
    await page.click(sel('board-export-pdf'));
    await page.waitForSelector(`${sel('board-export-result')}[data-path$=".pdf"]`);
    const pdfPath = (await result.getAttribute('data-path')) ?? '';
    expect(await result.innerText()).toContain(`PDF saved (1 page) to ${pdfPath}`);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('opens a cell into that call’s review, at its first failing item', async () => {
    const { page } = app.browser;
    const cell = page.locator(`${sel('board-row')}[data-candidate="Amara Okafor"] ${sel('board-cell-respect')} button`);
    expect(await cell.getAttribute('data-session-id')).toBe(AMARA_2);
    expect(await cell.getAttribute('data-item')).toBe('respect/lets-them-finish');
    expect(await cell.textContent()).toContain('Amara Okafor, Respect: open the first fail, Lets the customer finish');
    await cell.click();
    // First time on this laptop the review asks for the coach's name.
    await page.waitForSelector(`${sel('coach-name-input')}, ${sel('review-screen')}`);
    if (await page.locator(sel('coach-name-input')).isVisible()) {
      await page.fill(sel('coach-name-input'), 'Ana Ruiz');
      await page.click(sel('coach-name-save'));
    }
    await page.waitForSelector(`${sel('review-screen')}[data-session-id="${AMARA_2}"]`);
    const item = page.locator('[data-testid="review-checklist"][data-checklist="respect"] [data-item="lets-them-finish"]');
    await expect.poll(() => item.getAttribute('data-start-item'), { timeout: 30_000 }).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-item'))).toBe('lets-them-finish');
    // Scrolled into view at 1280x800.
    const box = await item.boundingBox();
    expect(box && box.y >= 0 && box.y + Math.min(box.height, 100) <= 800).toBe(true);
  });

  it('says why an export failed', async () => {
    const { page } = app.browser;
    await page.click(sel('nav-results-board'));
    await page.waitForSelector(sel('board-row'));
    // The tryout's file is gone (deleted on another screen): the board and its export say so.
    rmSync(join(app.dataDir, 'tryouts', `${TRYOUT.id}.json`));
    await page.click(sel('board-export-csv'));
    const error = page.locator(sel('board-export-error'));
    await error.waitFor();
    expect(await error.innerText()).toBe(`The CSV could not be made: There is no tryout "${TRYOUT.id}".`);
    expect(await page.locator(sel('board-export-result')).count()).toBe(0);
  });
});
