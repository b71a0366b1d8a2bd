import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionAnalysis } from '../../core/analysis/analyze.js';
import { launchChromium, type LaunchedBrowser } from '../../scripts/rehearse/chromium.js';
import { rehearse, type RehearsalResult } from '../../scripts/rehearse/rehearsal.js';
import { startShellProcess, type ShellProcess } from '../../scripts/rehearse/shell-process.js';
import { speech } from '../../scripts/rehearse/speech.js';
import { loadVoice } from '../../scripts/rehearse/voices.js';
import { pdfText } from '../unit/services/pdf-tools.js';

/**
 * The session's result on the coach's screens (core/result/session-result.ts): a not-applicable
 * item is folded away in the review with its own label, never scored; overriding it counts in
 * the checklist's score at once, and the PDF prints the final result with the automatic one and
 * the reason beside it.
 */

const ANSWERS = ['I want to work in customer service because I enjoy helping people.', 'As I already said, helping people.', 'Like I said. People.', 'Calm down, I already told you.'];
const COACH = 'Grace Hopper';
const REASON = 'There was a hold at 0:40 and she never asked first.';

describe('the session result on the review screen and in the PDF', () => {
  let run: RehearsalResult;
  let shell: ShellProcess;
  let browser: LaunchedBrowser;
  /** The auto item made not-applicable for the test ("no hold in this call"). */
  let target = { checklist: '', item: '' };
  /** Not-applicable items of the target's checklist (the checks may give others of their own). */
  let notApplicable = 0;

  beforeAll(async () => {
    run = await rehearse({ scenarioId: 'not-listening', voices: ANSWERS.map((t) => loadVoice(speech(t, 'us-slt'))), typed: [] });
    // Whatever the checks found, one automatic item had nothing to judge in this call.
    const path = join(run.sessionDir, 'analysis.json');
    const analysis = JSON.parse(readFileSync(path, 'utf8')) as SessionAnalysis;
    const index = analysis.findings.findIndex((f) => f.kind === 'auto');
    const chosen = analysis.findings[index];
    if (!chosen) throw new Error('the rehearsed session has no automatic finding');
    target = { checklist: chosen.checklist, item: chosen.item };
    const findings = analysis.findings.map((f, i) => (i === index ? { ...chosen, status: 'not-applicable' as const, summary: 'no hold in this call', evidence: [] } : f));
    Object.assign(analysis, { findings });
    notApplicable = findings.filter((f) => f.checklist === chosen.checklist && f.status === 'not-applicable').length;
    writeFileSync(path, `${JSON.stringify(analysis, null, 2)}\n`);
    shell = await startShellProcess({ dataDir: run.dataDir });
    browser = await launchChromium();
    await browser.page.setViewportSize({ width: 1280, height: 800 });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
  });

  it('folds the not-applicable item away, scores without it, and prints the override with the automatic result beside it', async () => {
    const { page } = browser;
    const sessionId = run.summary.sessionId;
    await page.goto(shell.url);
    await page.waitForSelector('body[data-app-state="ready"]');
    await page.click('[data-testid="nav-sessions"]');
    await page.click(`[data-testid="session-row-${sessionId}"] [data-testid="review-session"]`);
    await page.fill('[data-testid="coach-name-input"]', COACH);
    await page.click('[data-testid="coach-name-save"]');
    await page.waitForSelector('[data-testid="review-panel"]');

    const checklist = page.locator(`[data-testid="review-checklist"][data-checklist="${target.checklist}"]`);
    const folded = checklist.locator('[data-testid="not-applicable-items"]');
    const plural = (n: number) => `${n} ${n === 1 ? 'item' : 'items'} not applicable`;
    await expect.poll(() => folded.locator('summary').textContent()).toBe(plural(notApplicable));
    expect(await folded.getAttribute('open')).toBeNull();
    const row = folded.locator(`[data-testid="review-finding"][data-item="${target.item}"]`);
    expect(await row.isVisible()).toBe(false);
    const before = await checklist.locator('[data-testid="checklist-score"]').textContent();
    expect(await checklist.locator('h4').textContent()).toContain(`${notApplicable} not applicable`);

    // Unfolded, it says what it is; overriding it to a fail takes it out of the fold.
    await folded.locator('summary').click();
    expect(await row.locator('[data-testid="automatic-status"]').textContent()).toBe('Check: Not applicable');
    // click, not check: the row leaves the fold as soon as it is decided, so Playwright cannot re-read it.
    await row.locator('[data-testid="call-fail"]').click();
    const moved = checklist.locator(`:scope > ul > [data-testid="review-finding"][data-item="${target.item}"]`);
    await moved.locator('[data-testid="override-reason"]').fill(REASON);
    await moved.locator('[data-testid="override-reason"]').blur();
    await page.waitForSelector('[data-testid="save-status"][data-state="saved"]');
    expect(await moved.getAttribute('data-final')).toBe('fail');
    expect(await moved.locator('[data-testid="final-result"]').textContent()).toBe('Result: Fail (overridden by a coach)');
    const after = await checklist.locator('[data-testid="checklist-score"]').textContent();
    expect(after).not.toBe(before);
    if (notApplicable > 1) expect(await folded.locator('summary').textContent()).toBe(plural(notApplicable - 1));
    else expect(await checklist.locator('[data-testid="not-applicable-items"]').count()).toBe(0);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: join(process.env.SCREENSHOTS, 'review-result.png'), fullPage: true });

    await page.click('[data-testid="session-report"]');
    await page.waitForSelector('[data-testid="report-link"]');
    const pdfPath = (await page.textContent('[data-testid="report-result"] code')) ?? '';
    const text = pdfText(pdfPath);
    expect(text).toContain(`Automatic: Not applicable · overridden by ${COACH} — ${REASON}`);
    expect(text).toContain('Final verdict');
  }, 120_000);
});
