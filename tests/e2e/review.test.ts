import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionAnalysis } from '../../core/analysis/analyze.js';
import { ReviewSchema, type Review, type Verdict } from '../../core/review/schema.js';
import { launchChromium, type LaunchedBrowser, type Page } from '../../scripts/rehearse/chromium.js';
import { rehearse, type RehearsalResult } from '../../scripts/rehearse/rehearsal.js';
import { startShellProcess, type ShellProcess } from '../../scripts/rehearse/shell-process.js';
import { speech } from '../../scripts/rehearse/speech.js';
import { loadVoice } from '../../scripts/rehearse/voices.js';

/** The impatient interview of findings.test.ts: "calm down" fails no-red-flags (a dismissal), with evidence. */
const ANSWERS = [
  'I want to work in customer service because I enjoy helping people solve their problems.',
  'As I already said, helping people.',
  'Like I said. People.',
  'Calm down, I already told you.',
];
const COACH = 'Grace Hopper';
const REASON = 'The caller laughed: it was banter, not a put-down.';
const NOTE = 'Sighs before answering';
/** Set SCREENSHOTS=docs/screenshots to refresh the README's library and review screenshots. */
const SHOTS = process.env.SCREENSHOTS;

/** Copies of the rehearsed session under other candidates, reviewed by two other coaches, so the library has rows to sort and calibrate. */
const CLONES = [
  { id: '20261120-091500-ada001', candidate: 'Ada Lovelace', day: '2026-11-20T09:15:00.000Z', verdicts: ['advance', 'advance'] },
  { id: '20261120-101500-ada002', candidate: 'Ada Lovelace', day: '2026-11-20T10:15:00.000Z', verdicts: ['hold', 'advance'] },
  { id: '20261121-141000-bob001', candidate: 'Bob Marley', day: '2026-11-21T14:10:00.000Z', verdicts: ['not-a-fit', 'not-a-fit'] },
  { id: '20261122-083000-cleo01', candidate: 'Cleo Park', day: '2026-11-22T08:30:00.000Z', verdicts: [null, null] },
] as const;
const OTHER_COACHES = [
  { id: 'ines-alvarez', name: 'Inés Álvarez' },
  { id: 'tom-reyes', name: 'Tom Reyes' },
] as const;

function seedLibrary(run: RehearsalResult): void {
  const sourceId = run.summary.sessionId;
  const analysis = JSON.parse(readFileSync(join(run.sessionDir, 'analysis.json'), 'utf8')) as SessionAnalysis;
  for (const clone of CLONES) {
    const dir = join(run.dataDir, 'sessions', clone.id);
    cpSync(run.sessionDir, dir, { recursive: true });
    for (const file of ['manifest.json', 'analysis.json', 'peaks.json']) {
      const path = join(dir, file);
      if (!existsSync(path)) continue;
      const json = JSON.parse(readFileSync(path, 'utf8').replaceAll(sourceId, clone.id)) as Record<string, unknown>;
      if (file === 'manifest.json') Object.assign(json, { candidate: { name: clone.candidate }, createdAt: clone.day, endedAt: clone.day });
      writeFileSync(path, JSON.stringify(json, null, 2));
    }
    mkdirSync(join(dir, 'reviews'), { recursive: true });
    OTHER_COACHES.forEach((coach, i) => {
      const verdict: Verdict | null = clone.verdicts[i] ?? null;
      // Tom fails the voice item Inés lets pass, on every session: a disagreement to list.
      const decisions = Object.fromEntries(
        analysis.findings
          // Not-applicable items have nothing to confirm (a coach call is pass or fail), as needs-review ones.
          .filter((f) => f.kind === 'auto' && f.status !== 'needs-review' && f.status !== 'not-applicable')
          .map((f) => {
            const flip = i === 1 && f.item === 'voice-steady';
            const status = flip ? (f.status === 'pass' ? 'fail' : 'pass') : f.status;
            return [`${f.checklist}/${f.item}`, { automaticStatus: f.status, status, reason: flip ? 'I hear the voice differently.' : '', decidedAt: clone.day }];
          }),
      );
      const review: Review = ReviewSchema.parse({
        formatVersion: 1,
        sessionId: clone.id,
        coach,
        startedAt: clone.day,
        updatedAt: clone.day,
        decisions,
        scores: {},
        annotations: [],
        summary: `${coach.name.split(' ')[0]}'s notes on ${clone.candidate}.`,
        verdict,
      });
      writeFileSync(join(dir, 'reviews', `${coach.id}.json`), JSON.stringify(review, null, 2));
    });
  }
}

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-app-state="ready"]');
}

describe('a coach reviews a rehearsed session from the library', () => {
  let run: RehearsalResult;
  let shell: ShellProcess;
  let browser: LaunchedBrowser;
  let sessionId: string;
  beforeAll(async () => {
    run = await rehearse({ scenarioId: 'not-listening', voices: ANSWERS.map((t) => loadVoice(speech(t, 'us-slt'))), typed: [] });
    sessionId = run.summary.sessionId;
    seedLibrary(run);
    shell = await startShellProcess({ dataDir: run.dataDir });
    browser = await launchChromium();
    await browser.page.setViewportSize({ width: 1360, height: 1000 });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
  });

  it('jumps to a finding, overrides it with a reason, marks a moment, sets a verdict, and after a reload all is there (and on disk)', async () => {
    const { page } = browser;
    await openApp(page, shell.url);
    await page.click('[data-testid="nav-sessions"]');
    await page.click(`[data-testid="session-row-${sessionId}"] [data-testid="review-session"]`);
    // Asked once for the name the review is saved under.
    await page.fill('[data-testid="coach-name-input"]', COACH);
    await page.click('[data-testid="coach-name-save"]');
    await page.waitForSelector('[data-testid="review-panel"]');

    const row = page.locator('[data-testid="review-finding"][data-item="no-red-flags"]');
    await expect.poll(() => row.locator('[data-testid="automatic-status"]').textContent()).toContain('Fail');
    // Jump to the "calm down" evidence: the replay plays from there.
    const calm = run.summary.findings.find((f) => f.item === 'no-red-flags')?.evidence.find((e) => e.note?.startsWith('dismissal') && e.quote?.includes('calm down'));
    expect(calm).toBeDefined();
    await row.locator('[data-testid="jump-to-evidence"]', { hasText: 'calm down' }).click();
    const audio = page.locator('[data-testid="replay"] audio');
    await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThanOrEqual((calm?.startFrame ?? 0) / 16_000 - 0.05);
    expect(await audio.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeLessThan((calm?.startFrame ?? 0) / 16_000 + 3);
    await audio.evaluate((a: HTMLAudioElement) => a.pause());

    // Override: pass, with the required reason.
    await row.locator('[data-testid="call-pass"]').check();
    expect(await row.locator('[data-testid="override-reason"]').getAttribute('aria-invalid')).toBe('true');
    await row.locator('[data-testid="override-reason"]').fill(REASON);

    // Mark this moment on the replay, with a note and a tag.
    await page.click('[data-testid="replay-mark"]');
    await page.fill('[data-testid="annotation-form"] [data-testid="annotation-note"]', NOTE);
    await page.check('[data-testid="annotation-tag-sigh"]');
    await page.click('[data-testid="annotation-save"]');
    await expect.poll(() => page.locator('[data-testid="annotation-list"]').textContent()).toContain(NOTE);

    // The verdict by keyboard: arrows move between the radios (the replay's arrow keys stay out of it).
    await page.focus('[data-testid="verdict-advance"]');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    expect(await page.isChecked('[data-testid="verdict-hold"]')).toBe(true);
    await page.fill('[data-testid="review-summary"]', 'Impatient on the repeats; recovers well.');

    // Saved as the coach goes: the file on disk has it all.
    const file = join(run.dataDir, 'sessions', sessionId, 'reviews', 'grace-hopper.json');
    await expect.poll(() => (existsSync(file) ? ReviewSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).summary : ''), { timeout: 10_000 }).toContain('recovers well');
    await page.waitForSelector('[data-testid="save-status"][data-state="saved"]');
    const saved = ReviewSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(saved.coach).toEqual({ id: 'grace-hopper', name: COACH });
    expect(saved.decisions['respect/no-red-flags']).toMatchObject({ automaticStatus: 'fail', status: 'pass', reason: REASON });
    expect(saved.annotations).toHaveLength(1);
    expect(saved.annotations[0]).toMatchObject({ note: NOTE, tags: ['sigh'], endFrame: null });
    expect(saved.verdict).toBe('hold');
    if (SHOTS) {
      await page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        window.scrollTo(0, 0);
      });
      await page.screenshot({ path: join(SHOTS, 'review.png') });
    }

    // Reload: the same review comes back with everything in it.
    await page.reload();
    await page.waitForSelector('body[data-app-state="ready"]');
    await page.waitForSelector('[data-testid="review-panel"]');
    const again = page.locator('[data-testid="review-finding"][data-item="no-red-flags"]');
    expect(await again.getAttribute('data-decision')).toBe('pass');
    expect(await again.locator('[data-testid="override-reason"]').inputValue()).toBe(REASON);
    expect(await again.locator('[data-testid="automatic-status"]').textContent()).toContain('Fail');
    expect(await page.locator('[data-testid="annotation-list"]').textContent()).toContain(NOTE);
    expect(await page.isChecked('[data-testid="verdict-hold"]')).toBe(true);
    expect(await page.inputValue('[data-testid="review-summary"]')).toBe('Impatient on the repeats; recovers well.');
    expect(await page.textContent('[data-testid="coach-name"]')).toBe(COACH);

    // And a PDF of the finished review.
    await page.click('[data-testid="session-report"]');
    await page.waitForSelector('[data-testid="report-link"]');
    const pdfPath = (await page.textContent('[data-testid="report-result"] code')) ?? '';
    expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('lists the review state and verdicts, filters and sorts, compares side by side, and shows where coaches disagree', async () => {
    const { page } = browser;
    await openApp(page, shell.url);
    await page.click('[data-testid="nav-sessions"]');
    const mine = page.locator(`[data-testid="session-row-${sessionId}"]`);
    await expect.poll(() => mine.getAttribute('data-review')).toBe('reviewed');
    expect(await mine.locator('[data-testid="verdicts"]').textContent()).toContain('Hold');
    expect(await page.locator('[data-testid^="session-row-"]').count()).toBe(1 + CLONES.length);

    // Sort by candidate: Ada first, Rehearsal (the rehearsed call) last; search narrows to one candidate.
    await page.click('[data-testid="sort-candidate"]');
    await expect.poll(() => page.locator('[data-testid^="session-row-"]').first().textContent()).toContain('Ada Lovelace');
    expect(await page.locator('[data-testid^="session-row-"]').last().getAttribute('data-testid')).toBe(`session-row-${sessionId}`);
    await page.fill('[data-testid="library-search"]', 'lovelace');
    await expect.poll(() => page.locator('[data-testid^="session-row-"]').count()).toBe(2);
    await page.selectOption('[data-testid="filter-verdict"]', 'hold');
    await expect.poll(() => page.locator('[data-testid^="session-row-"]').count()).toBe(1);
    await page.selectOption('[data-testid="filter-verdict"]', '');

    // Both of Ada's sessions side by side.
    for (const clone of CLONES.slice(0, 2)) await page.check(`[data-testid="session-row-${clone.id}"] [data-testid="select-session"]`);
    await page.click('[data-testid="compare-sessions"]');
    await page.waitForSelector('[data-testid="compare-view"]');
    expect(await page.locator('[data-testid="compare-item"]').count()).toBeGreaterThan(5);
    const verdicts = await page.locator('[data-testid="compare-verdicts"]').allTextContents();
    expect(verdicts[0]).toContain('Advance');
    expect(verdicts[1]).toContain('Hold');
    expect(await page.isEnabled('[data-testid="candidate-report"]')).toBe(true);
    await page.fill('[data-testid="library-search"]', '');
    await expect.poll(() => page.locator('[data-testid^="session-row-"]').count()).toBe(1 + CLONES.length);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'library.png'), fullPage: true });

    // Calibration: Inés and Tom disagree on the voice item everywhere; a click opens that review.
    await page.click('[data-testid="tab-calibration"]');
    await page.waitForSelector('[data-testid="calibration-view"]');
    const voice = page.locator('[data-testid="calibration-item"][data-key="respect/voice-steady"]');
    expect(await voice.locator('td').nth(1).textContent()).toBe('0%');
    expect(await voice.locator('td').nth(3).textContent()).toBe('3');
    expect(await page.locator('[data-testid="disagreement"]').count()).toBeGreaterThanOrEqual(3);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'calibration.png'), fullPage: true });
    await page.locator('[data-testid="open-disagreement"]').first().click();
    await page.waitForSelector('[data-testid="review-panel"]');
    expect(await page.getAttribute('[data-testid="review-screen"]', 'data-session-id')).toMatch(/^20261/);
  });

  it('goes from the library to a review and its PDF by keyboard, with the focus visible', async () => {
    const { page } = browser;
    await openApp(page, shell.url);
    await page.click('[data-testid="nav-sessions"]');
    await page.focus(`[data-testid="session-row-${CLONES[2].id}"] [data-testid="select-session"]`);
    await page.keyboard.press('Tab'); // Open
    await page.keyboard.press('Tab'); // Review
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('review-session');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="review-panel"]');
    // Focus lands on the session's title; the next stop is the PDF button.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('review-session-title');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('session-report');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="report-link"]');
    expect(await page.textContent('[data-testid="report-result"]')).toMatch(/\d+ pages?, saved to/);
  });
});
