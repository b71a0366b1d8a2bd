import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SessionAnalysis } from '../../core/analysis/analyze.js';
import { parseChecklist } from '../../core/analysis/checklist-load.js';
import { driveCall } from '../../scripts/rehearse/call-driver.js';
import { speech } from '../../scripts/rehearse/speech.js';
import { loadVoice } from '../../scripts/rehearse/voices.js';
import { appUnderTest } from '../support/app-under-test.js';
import { expectAccessible } from '../support/axe.js';

/** Blame and "calm down", then a refusal (pocketsphinx hears them on festival us-slt; see tryout-rude-call). */
const RUDE_ANSWERS = [
  "Calm down. It's not my fault, you must have clicked it twice.",
  "Look, that's just how it is. There is nothing I can do about it, so you will have to wait.",
];
const SHOT = resolve(import.meta.dirname, '../../docs/screenshots/debrief.png');
const FIRST_ITEM = 'respect/no-red-flags';

function respectTip(itemId: string): string {
  const file = 'scenarios/checklists/respect.yaml';
  const item = parseChecklist(file, readFileSync(file, 'utf8')).checklist?.items.find((i) => i.id === itemId);
  if (!item?.tip) throw new Error(`no tip for respect/${itemId}`);
  return item.tip;
}

function modelAnswer(stepId: string): string {
  const scenario = parse(readFileSync('scenarios/angry-caller.yaml', 'utf8')) as { steps: { id: string; goals?: { modelAnswer?: string } }[] };
  const text = scenario.steps.find((s) => s.id === stepId)?.goals?.modelAnswer;
  if (!text) throw new Error(`no model answer for ${stepId}`);
  return text.replace(/\s+/g, ' ').trim();
}

describe('the trainee\'s debrief after a rude practice call', () => {
  const app = appUnderTest('debrief', { launch: { virtualMic: true }, viewport: { width: 1280, height: 800 } });

  it('shows the red flag first with its tip and a replay of the moment, the model answers, and nothing meant for the coach', async () => {
    const { page } = app.browser;
    await page.goto(app.shell.url);
    const drive = await driveCall(page, { scenarioId: 'angry-caller', candidate: 'Nia Patel', voices: RUDE_ANSWERS.map((t) => loadVoice(speech(t, 'us-slt'))), typed: [] });
    expect(drive.finalPhase).toBe('ended');
    const ended = Date.now();
    const debrief = page.locator('[data-testid="debrief"]');
    await page.waitForSelector('[data-testid="debrief"][data-state="done"]', { timeout: 120_000 });
    console.log(`debrief shown ${Date.now() - ended} ms after the call screen showed the call ended`);
    // The trainee's end screen has no findings panel: that is the coach's view.
    expect(await page.locator('[data-testid="findings-panel"]').count()).toBe(0);

    // A score per checklist the call was judged on.
    const scores = page.locator('[data-testid="debrief-score"]');
    expect((await scores.evaluateAll((els) => els.map((e) => e.getAttribute('data-checklist')))).sort()).toEqual(['patience', 'respect']);
    expect(await scores.first().textContent()).toMatch(/\d+%/);

    // The red flag (the cause of the cancelled call) comes first, with the tip from the checklist file.
    const first = page.locator('[data-testid="next-time-item"]').first();
    expect(await first.getAttribute('data-item')).toBe(FIRST_ITEM);
    expect(await first.locator('[data-testid="next-time-tip"]').textContent()).toBe(respectTip('no-red-flags'));
    expect(await page.locator('[data-testid="next-time-item"]').count()).toBeLessThanOrEqual(3);

    // Its replay plays the recording at the trainee's own words there.
    const dir = join(app.dataDir, 'sessions', drive.sessionId);
    const analysis = JSON.parse(readFileSync(join(dir, 'analysis.json'), 'utf8')) as SessionAnalysis;
    const { endedAt } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { endedAt: string };
    console.log(`analysis.json written ${Math.round(statSync(join(dir, 'analysis.json')).mtimeMs - Date.parse(endedAt))} ms after the manifest's end of call`);
    const flag = analysis.findings.find((f) => `${f.checklist}/${f.item}` === FIRST_ITEM);
    const moment = flag?.evidence.find((e) => e.stepId === 'first-answer' || e.stepId === 'second-answer');
    if (!moment) throw new Error(`the red flag has evidence at an answer: ${JSON.stringify(flag)}`);
    const replay = first.locator('[data-testid="replay-moment"]');
    await replay.click();
    await expect.poll(() => replay.getAttribute('data-state'), { timeout: 10_000 }).toBe('playing');
    await page.waitForFunction(
      (start) => {
        const audio = document.querySelector<HTMLAudioElement>('[data-testid="debrief-audio"]');
        return audio !== null && !audio.paused && audio.currentTime > start;
      },
      moment.startFrame / analysis.sampleRate,
      { timeout: 10_000 },
    );
    const seconds = await page.evaluate(() => document.querySelector<HTMLAudioElement>('[data-testid="debrief-audio"]')?.currentTime ?? -1);
    expect(seconds).toBeGreaterThanOrEqual(moment.startFrame / analysis.sampleRate);
    expect(seconds).toBeLessThan(moment.endFrame / analysis.sampleRate + 1);
    // From the keyboard: Enter on the focused button stops it.
    await replay.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => replay.getAttribute('data-state')).toBe('idle');
    expect(await page.evaluate(() => document.querySelector<HTMLAudioElement>('[data-testid="debrief-audio"]')?.paused)).toBe(true);

    // The model answer of each answered step beside the trainee's words, and read aloud by the system voice.
    const answer = page.locator('[data-testid="debrief-answer"][data-step-id="first-answer"]');
    expect(await answer.locator('[data-testid="model-answer"]').textContent()).toBe(modelAnswer('first-answer'));
    expect((await answer.locator('[data-testid="your-answer"]').allTextContents()).join(' ')).toMatch(/calm down/i);
    expect(await page.locator('[data-testid="debrief-answer"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id')))).toEqual(['first-answer', 'second-answer']);
    const hear = answer.locator('[data-testid="hear-model-answer"]');
    await hear.click();
    expect(await hear.getAttribute('data-state')).toBe('speaking');
    await expect.poll(() => hear.getAttribute('data-state'), { timeout: 30_000 }).toBe('idle');

    // Trainee wording only: coach-only items as what the coach will listen for; no notes for the coach, no engine.
    const text = (await debrief.textContent()) ?? '';
    expect(text).toContain('Your coach will listen for warmth in the voice');
    expect(text).not.toMatch(/for the coach|coach only|pocketsphinx|speech recognition|transcri|analysis\.json|\.wav/i);
    for (const f of analysis.findings.filter((x) => x.kind === 'coach-only')) expect(text).not.toContain(f.summary);

    await expectAccessible(page, 'debrief', { include: '[data-testid="debrief"]' });

    mkdirSync(dirname(SHOT), { recursive: true });
    await debrief.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: SHOT });
    // DEBRIEF_SHOTS=<folder> keeps the whole debrief too, to look at below the fold.
    if (process.env.DEBRIEF_SHOTS) await debrief.screenshot({ path: join(process.env.DEBRIEF_SHOTS, 'debrief-full.png') });
  }, 420_000);
});
