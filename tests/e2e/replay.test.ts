import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evidence } from '../../core/analysis/findings.js';
import { evidenceMoments, stepMoment } from '../../renderer/features/replay/replay-transcript.js';
import { launchChromium, type LaunchedBrowser, type Page } from '../../scripts/rehearse/chromium.js';
import { rehearse, type RehearsalResult } from '../../scripts/rehearse/rehearsal.js';
import { startShellProcess, type ShellProcess } from '../../scripts/rehearse/shell-process.js';
import { speech } from '../../scripts/rehearse/speech.js';
import { loadVoice } from '../../scripts/rehearse/voices.js';

const SR = 16_000;
const IMPATIENT = [
  'I want to work in customer service because I enjoy helping people solve their problems.',
  'As I already said, helping people.',
  'Like I said. People.',
  'Calm down, I already told you.',
];
/** Where the replay screenshot goes: docs/screenshots with TRYOUT_SCREENSHOT_DIR=docs/screenshots, else .tmp. */
const SHOT_DIR = resolve(process.env.TRYOUT_SCREENSHOT_DIR ?? '.tmp/screenshots');

const currentTime = (page: Page) => page.evaluate(() => document.querySelector<HTMLAudioElement>('[data-testid="session-audio"]')?.currentTime ?? -1);
const paused = (page: Page) => page.evaluate(() => document.querySelector<HTMLAudioElement>('[data-testid="session-audio"]')?.paused ?? true);

/** Per lane (the channel containers wavesurfer draws into its shadow root): how many pixels are painted. */
function paintedPixelsPerLane(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-testid="replay-lanes"] .lane-waves')?.firstElementChild;
    const lanes = Array.from(host?.shadowRoot?.querySelectorAll('.canvases > div') ?? []);
    return lanes.map((lane) =>
      Array.from(lane.querySelectorAll('canvas')).reduce((sum, canvas) => {
        const ctx = canvas.getContext('2d');
        if (!ctx || canvas.width === 0 || canvas.height === 0) return sum;
        const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
        return sum + painted;
      }, 0),
    );
  });
}

/** The region parts drawn on the lanes (evidence highlight, annotations). */
function regionParts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-testid="replay-lanes"] .lane-waves')?.firstElementChild;
    return Array.from(host?.shadowRoot?.querySelectorAll('[part~="region"], [part~="marker"]') ?? []).map((e) => e.getAttribute('part') ?? '');
  });
}

describe('replay of a rehearsed session', () => {
  let run: RehearsalResult;
  let shell: ShellProcess;
  let chromium: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    run = await rehearse({ scenarioId: 'not-listening', voices: IMPATIENT.map((t) => loadVoice(speech(t, 'us-slt'))), typed: [] });
    shell = await startShellProcess({ dataDir: run.dataDir });
    chromium = await launchChromium();
    page = chromium.page;
    await page.goto(shell.url);
    await page.waitForSelector('body[data-app-state="ready"]');
    await page.click('[data-testid="nav-sessions"]');
    await page.click(`[data-testid="session-row-${run.summary.sessionId}"] button`);
    await page.waitForSelector('[data-testid="replay-lanes"][data-state="ready"]');
  }, 600_000);
  afterAll(async () => {
    await chromium?.close();
    await shell?.stop();
  });

  it('draws the customer and trainee lanes from the precomputed peaks', async () => {
    const painted = await paintedPixelsPerLane(page);
    expect(painted).toHaveLength(2);
    for (const pixels of painted) expect(pixels).toBeGreaterThan(500);
    // The customer lines from the scenario and the trainee's recognised words are in the transcript.
    expect(await page.locator('[data-testid="replay-line-customer"]').count()).toBeGreaterThanOrEqual(4);
    expect(await page.textContent('[data-testid="replay-transcript"]')).toContain('calm down');
  });

  it('jumps to a finding’s evidence, highlights its region, and N moves on to the next finding', async () => {
    const finding = run.summary.findings.find((f) => f.item === 'no-red-flags');
    const calm = finding?.evidence.find((e) => e.note?.startsWith('dismissal') && e.quote?.includes('calm down'));
    if (!finding || !calm) throw new Error('the impatient run has no "calm down" evidence');
    const row = page.locator('[data-testid="finding"][data-item="no-red-flags"]');
    await row.locator('[data-testid="evidence-time"]').nth(finding.evidence.indexOf(calm)).click();
    await page.waitForFunction(() => (document.querySelector<HTMLAudioElement>('[data-testid="session-audio"]')?.currentTime ?? 0) > 0);
    await page.keyboard.press('k');
    await expect.poll(() => paused(page)).toBe(true);
    const at = await currentTime(page);
    expect(at).toBeGreaterThanOrEqual(calm.startFrame / SR - 0.01);
    expect(at).toBeLessThan(calm.startFrame / SR + 2);
    expect(await regionParts(page)).toEqual(expect.arrayContaining([expect.stringContaining('mark:evidence')]));
    expect(await row.locator('[data-testid="evidence"].selected').count()).toBe(1);

    // N: the next piece of evidence of a finding that did not pass.
    const moments = evidenceMoments(run.summary.findings);
    const selected = moments.findIndex((m) => m.evidence.startFrame === calm.startFrame && m.findingKey === 'respect/no-red-flags');
    const next = stepMoment(moments, selected, Math.round(at * SR), 1, SR);
    await page.keyboard.press('n');
    if (next === null) {
      await expect.poll(() => page.textContent('[data-testid="replay-status"]')).toContain('No more findings');
      return;
    }
    const target: Evidence | undefined = moments[next]?.evidence;
    await expect.poll(() => page.textContent('[data-testid="replay-status"]')).toContain(`Finding ${next + 1} of ${moments.length}`);
    await expect.poll(() => currentTime(page)).toBeCloseTo((target?.startFrame ?? 0) / SR, 1);
  });

  it('plays and pauses with space, and follows playback in the transcript', async () => {
    await page.locator('[data-testid="replay-word"]').first().click();
    const from = await currentTime(page);
    await page.keyboard.press(' ');
    await expect.poll(() => paused(page)).toBe(false);
    await expect.poll(() => currentTime(page), { timeout: 5000 }).toBeGreaterThan(from + 0.5);
    // The word being said is marked while it plays.
    await expect.poll(() => page.locator('[data-testid="replay-word"].current').count(), { timeout: 5000 }).toBe(1);
    await page.keyboard.press(' ');
    await expect.poll(() => paused(page)).toBe(true);
  });

  it('sets each lane’s volume separately: a muted trainee lane is silent while the answer plays', async () => {
    const answer = run.drive.answers[0];
    if (!answer) throw new Error('no answer recorded');
    const level = (lane: string) => page.evaluate((l) => Number(document.querySelector<HTMLElement>(`[data-testid="level-${l}"]`)?.dataset.level ?? 0), lane);
    const listen = async () => {
      await page.evaluate((s) => {
        const a = document.querySelector<HTMLAudioElement>('[data-testid="session-audio"]');
        if (a) a.currentTime = s;
      }, (answer.startFrame + answer.frames / 3) / SR);
      await page.click('[data-testid="replay-play"]');
      let loudest = 0;
      for (let i = 0; i < 8; i++) {
        await page.waitForTimeout(100);
        loudest = Math.max(loudest, await level('trainee'));
      }
      await page.click('[data-testid="replay-play"]');
      return loudest;
    };
    expect(await listen()).toBeGreaterThan(0.005);
    await page.locator('[data-testid="volume-trainee"]').fill('0');
    expect(await listen()).toBeLessThan(0.0005);
    await page.locator('[data-testid="volume-trainee"]').fill('1');
  });

  it('adds a point annotation with M, with a note and a tag, drawn on the trainee lane', async () => {
    await page.locator('[data-testid="replay-play"]').focus();
    await page.keyboard.press('m');
    await page.waitForSelector('[data-testid="annotation-form"]');
    await page.fill('[data-testid="annotation-note"]', 'Sighs before answering');
    await page.check('[data-testid="annotation-tag-sigh"]');
    await page.click('[data-testid="annotation-save"]');
    await expect.poll(() => page.textContent('[data-testid="annotation-list"]')).toContain('Sighs before answering');
    expect(await page.textContent('[data-testid="annotation-list"]')).toContain('sigh');
    await expect.poll(() => regionParts(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^marker mark:a-/)]));
  });

  it('marks a region by dragging on the trainee lane, and changes the speed', async () => {
    // Jumping to evidence in the findings list below may have scrolled the lanes out of view; a coach scrolls back up to drag.
    const lanes = page.locator('[data-testid="replay-lanes"] .lane-waves');
    await lanes.scrollIntoViewIfNeeded();
    const box = await lanes.boundingBox();
    if (!box) throw new Error('no lanes');
    const y = box.y + box.height * 0.6; // the trainee lane (the lower half, above the timeline)
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.4, y, { steps: 8 });
    await page.mouse.up();
    await page.waitForSelector('[data-testid="annotation-form"]');
    expect(await page.textContent('[data-testid="annotation-form"]')).toContain('Region');
    await page.check('[data-testid="annotation-tag-interruption"]');
    await page.click('[data-testid="annotation-save"]');
    await expect.poll(() => page.locator('[data-testid="annotation"]').count()).toBe(2);
    await expect.poll(() => regionParts(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^region mark:a-/)]));

    await page.selectOption('[data-testid="replay-speed"]', '1.5');
    expect(await page.evaluate(() => document.querySelector<HTMLAudioElement>('[data-testid="session-audio"]')?.playbackRate)).toBe(1.5);
    await page.selectOption('[data-testid="replay-speed"]', '1');
  });

  it('leaves a screenshot of the replay screen', async () => {
    mkdirSync(SHOT_DIR, { recursive: true });
    await page.locator('[data-testid="evidence-time"]').first().click();
    await page.keyboard.press('k');
    await page.locator('[data-testid="replay"]').scrollIntoViewIfNeeded();
    await page.locator('[data-testid="replay"]').screenshot({ path: join(SHOT_DIR, 'replay.png') });
  });
});
