import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SessionDetail } from '../../../core/api.js';
import { parseScenario } from '../../../core/scenario/load.js';
import type { Scenario } from '../../../core/scenario/schema.js';
import type { SessionEvent } from '../../../core/session/events.js';
import { readWav } from '../../../electron/services/session/wav.js';
import { driveCall } from '../../../scripts/rehearse/call-driver.js';
import { launchChromium } from '../../../scripts/rehearse/chromium.js';
import { rehearse, type RehearsalResult } from '../../../scripts/rehearse/rehearsal.js';
import { callApi, startShellProcess } from '../../../scripts/rehearse/shell-process.js';
import { speech, type FestivalVoice } from '../../../scripts/rehearse/speech.js';
import { summarize } from '../../../scripts/rehearse/summary.js';
import { loadVoice, VOICE_RATE } from '../../../scripts/rehearse/voices.js';

/**
 * Shared pieces of the scenario rehearsals: answers rendered with festival (pocketsphinx
 * recognises the listed texts as verified), one rehearsal per path, and what a run went through.
 */

const SCENARIOS_DIR = resolve(import.meta.dirname, '../../../scenarios');

/** A spoken answer: the text, and the festival voice that says it (default us-slt). */
export type Answer = string | { readonly text: string; readonly voice: FestivalVoice };

/** An answer slot left silent: the listen step times out with no answer. */
export const SILENCE = 'silence';

export function voicesFor(answers: readonly (Answer | typeof SILENCE)[]): Float32Array[] {
  return answers.map((a) => {
    if (a === SILENCE) return new Float32Array(VOICE_RATE / 10);
    return typeof a === 'string' ? loadVoice(speech(a)) : loadVoice(speech(a.text, a.voice));
  });
}

/** One rehearsal of a shipped scenario with these answers, in the real app. */
export function rehearseWith(scenarioId: string, answers: readonly (Answer | typeof SILENCE)[], typed: readonly string[] = []): Promise<RehearsalResult> {
  return rehearse({ scenarioId, voices: voicesFor(answers), typed });
}

/**
 * A rehearsal where the trainee starts talking over the customer's line `overStepId`, 2 s
 * before it ends, and keeps talking past its end. The other answers go as in rehearseWith.
 */
export async function rehearseTalkingOver(
  scenarioId: string,
  overStepId: string,
  over: Answer,
  answers: readonly (Answer | typeof SILENCE)[],
): Promise<RehearsalResult> {
  const clip = readWav(join(SCENARIOS_DIR, 'audio', scenarioId, `${overStepId}.wav`));
  const clipMs = ((clip.samples[0]?.length ?? 0) / clip.sampleRate) * 1000;
  const [overVoice] = voicesFor([over]);
  const dataDir = mkdtempSync(join(tmpdir(), 'tryout-rehearsal-'));
  const shell = await startShellProcess({ dataDir });
  const chromium = await launchChromium({ virtualMic: true });
  let spoke = false;
  try {
    const page = chromium.page;
    await page.goto(shell.url);
    const drive = await driveCall(page, {
      scenarioId,
      voices: voicesFor(answers),
      typed: [],
      onPhase: async (phase, stepId) => {
        if (spoke || phase !== 'speaking' || stepId !== overStepId || !overVoice) return false;
        spoke = true;
        await page.waitForTimeout(Math.max(0, clipMs - 2000));
        const b64 = Buffer.from(overVoice.buffer, overVoice.byteOffset, overVoice.byteLength).toString('base64');
        await page.evaluate((data) => window.__tryoutVirtualMic?.play(data), b64);
        return false;
      },
    });
    if (drive.finalPhase !== 'ended') throw new Error(`the call ended in phase "${drive.finalPhase}"`);
    const detail = await callApi<SessionDetail>(shell, 'getSession', { sessionId: drive.sessionId });
    return { dataDir, sessionDir: join(dataDir, 'sessions', drive.sessionId), drive, detail, summary: summarize(detail) };
  } finally {
    await chromium.close();
    await shell.stop();
  }
}

export function loadShipped(scenarioId: string): Scenario {
  const file = join(SCENARIOS_DIR, `${scenarioId}.yaml`);
  const parsed = parseScenario(file, readFileSync(file, 'utf8'));
  if (!parsed.scenario) throw new Error(`${scenarioId} does not load: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.scenario;
}

/** The step ids a run entered, in order. */
export function stepPath(run: RehearsalResult): string[] {
  return run.summary.steps.map((s) => s.id);
}

/** The step ids of the scenario that none of the runs entered. */
export function stepsNotReached(scenarioId: string, runs: readonly RehearsalResult[]): string[] {
  const reached = new Set(runs.flatMap(stepPath));
  return loadShipped(scenarioId).steps.map((s) => s.id).filter((id) => !reached.has(id));
}

/** The branches a run took: "step -> target (rule n | otherwise)". */
export function branches(run: RehearsalResult): string[] {
  return run.summary.branches.map((b) => `${b.stepId} -> ${b.to} (${b.rule === null ? 'otherwise' : `rule ${b.rule}`})`);
}

/** What pocketsphinx heard, per spoken step, for failure messages. */
export function heard(run: RehearsalResult): string {
  return run.summary.turns.map((t) => `${t.stepId}: ${t.kind === 'typed' ? `(typed) ${t.text ?? ''}` : (t.transcript ?? '(not transcribed)')}`).join('\n');
}

/** The event sequence without times: (type, stepId, rule, to). Same inputs, same sequence. */
export function eventTrail(events: readonly SessionEvent[]): string[] {
  return events.map((e) => {
    const step = 'stepId' in e ? e.stepId : '';
    return e.type === 'branch-taken' ? `${e.type} ${step} ${String(e.rule)} ${e.to}` : `${e.type} ${step}`.trim();
  });
}
