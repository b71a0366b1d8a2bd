import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Checklist } from '../../core/analysis/checklist-schema.js';
import { createTurnChecker } from '../../core/analysis/turn-checks.js';
import type { Vocabulary } from '../../core/judgement/vocabulary-schema.js';
import { loadVocabulary } from '../../electron/services/analysis/vocabulary-repository.js';
import { parseScenario } from '../../core/scenario/load.js';
import type { Scenario } from '../../core/scenario/schema.js';
import { loadChecklists } from '../../electron/services/analysis/checklist-repository.js';
import { readWav } from '../../electron/services/session/wav.js';
import type { CorpusEntry, CorpusSession } from '../support/corpus.js';
import { buildSession, RATE, writeSessionFolder, type Part } from '../support/synthetic-session.js';
import { simulateCall, type SimulatedCall } from './corpus-call.js';
import { answerSamples, micNoise, speechPower, type Degradation } from './degradations.js';

/**
 * Session folders for the judgement bench: each corpus session played as a call on its
 * scenario's real path (corpus-call.ts) in one degradation, and the long call of the
 * real-time-factor figure.
 */

/** Truth: 5 ms windows within this many dB of the clip's loudest window are speech. */
const TRUTH_WINDOW = RATE / 200;
const TRUTH_BELOW_PEAK_DB = 40;

const scenarios = new Map<string, Scenario>();

export function shippedScenario(id: string): Scenario {
  const cached = scenarios.get(id);
  if (cached) return cached;
  const file = join('scenarios', `${id}.yaml`);
  const parsed = parseScenario(file, readFileSync(file, 'utf8'));
  if (!parsed.scenario) throw new Error(`${file} does not load: ${parsed.problems.map((p) => p.message).join('; ')}`);
  scenarios.set(id, parsed.scenario);
  return parsed.scenario;
}

function customerClip(scenarioId: string, stepId: string): Int16Array {
  return readWav(join('scenarios', 'audio', scenarioId, `${stepId}.wav`)).samples[0] ?? new Int16Array(0);
}

/** Festival speech of an answer as heard in degradation `d` (cached; see degradations.ts). */
export function answerClip(entry: CorpusEntry, d: Degradation = 'clean'): Int16Array {
  return answerSamples(entry, d);
}

/**
 * Where the speech in a clean clip starts and ends: the first and last 5 ms window whose energy
 * (about its mean) is within 40 dB of the loudest window (festival clips begin and end with
 * near-silence).
 */
export function cleanSpeechExtent(clip: Int16Array): { start: number; end: number } {
  const levels: number[] = [];
  for (let i = 0; i + TRUTH_WINDOW <= clip.length; i += TRUTH_WINDOW) {
    // Energy about the window's mean: kal clips end in a stretch of constant offset, which is not speech.
    let mean = 0;
    for (let k = i; k < i + TRUTH_WINDOW; k++) mean += (clip[k] ?? 0) / 32768 / TRUTH_WINDOW;
    let sum = 0;
    for (let k = i; k < i + TRUTH_WINDOW; k++) sum += ((clip[k] ?? 0) / 32768 - mean) ** 2;
    levels.push(sum === 0 ? -Infinity : 10 * Math.log10(sum / TRUTH_WINDOW));
  }
  const threshold = Math.max(...levels) - TRUTH_BELOW_PEAK_DB;
  const first = levels.findIndex((d) => d > threshold);
  const last = levels.findLastIndex((d) => d > threshold);
  return { start: Math.max(0, first) * TRUTH_WINDOW, end: (last + 1) * TRUTH_WINDOW };
}

export interface BenchSession {
  readonly sessionId: string;
  readonly scenario: Scenario;
  readonly dir: string;
  readonly call: SimulatedCall;
  /** Where each spoken answer's speech really is (clean clips only: the truth for onset errors), by entry id. */
  readonly speech: ReadonlyMap<string, { readonly start: number; readonly end: number }>;
}

let checklists: Checklist[] | null = null;
let vocabulary: Vocabulary | null = null;

/** The app's turn checker for branch `check` rules, on the shipped checklists and vocabulary (as the call screen has them). */
function turnChecker(scenario: Scenario) {
  checklists ??= loadChecklists('scenarios').checklists;
  vocabulary ??= loadVocabulary('scenarios').vocabulary;
  return createTurnChecker(checklists, scenario, vocabulary);
}

/**
 * Plays one corpus session as a call on its scenario's real path (corpus-call.ts) in
 * degradation `d`, and writes the session folder the app would leave under dataDir.
 */
export function writeCorpusCall(dataDir: string, sessionId: string, session: CorpusSession, d: Degradation): BenchSession {
  const scenario = shippedScenario(session.scenario);
  const spoken = session.entries.filter((e) => e.voice !== 'typed' && e.text.trim() !== '');
  const power = speechPower(spoken.map((e) => ({ samples: answerClip(e, d), gainDb: e.gainDb })));
  const call = simulateCall({
    scenario,
    entries: session.entries,
    answerClip: (e) => answerClip(e, d),
    customerClip: (clip) => customerClip(session.scenario, clip.replace(/\.wav$/, '')),
    micNoise: micNoise(d, sessionId, power),
    checkTurn: turnChecker(scenario),
  });
  const speech = new Map<string, { start: number; end: number }>();
  if (d === 'clean') {
    for (const a of call.answers) {
      if (!a.clip) continue;
      const extent = cleanSpeechExtent(answerClip(a.entry, d));
      speech.set(a.entry.id, { start: a.clip.start + extent.start, end: a.clip.start + extent.end });
    }
  }
  const dir = writeSessionFolder(dataDir, sessionId, session.scenario, { events: call.events, customer: call.customer, trainee: call.trainee, answers: {} });
  return { sessionId, scenario, dir, call, speech };
}

const REPEATS = ['again-1', 'again-2', 'again-3'];

/**
 * A long not-listening call for the real-time factor: the interview's question and three
 * repeats over and over, answered by the corpus's spoken answers in turn, until it lasts at
 * least `minSeconds`.
 */
export function writeLongSession(dataDir: string, sessionId: string, spoken: readonly CorpusEntry[], minSeconds: number): { dir: string; scenario: Scenario; seconds: number } {
  const scenario = shippedScenario('not-listening');
  const ask = customerClip('not-listening', 'ask-why');
  const lines = new Map(REPEATS.map((id) => [id, customerClip('not-listening', id)]));
  const parts: Part[] = [];
  let answered = 0;
  const addRound = () => {
    for (let slot = 0; slot < 4; slot++, answered++) {
      const entry = spoken[answered % spoken.length];
      if (!entry) throw new Error('no spoken answers in the corpus');
      const answer = { answer: answerClip(entry), delaySeconds: Math.max(0.3, entry.delaySeconds), gainDb: entry.gainDb };
      if (slot === 0) parts.push({ say: 'ask-why', clip: ask }, { listen: 'answer', ...answer });
      else {
        const id = REPEATS[slot - 1] ?? 'again-1';
        parts.push({ listen: id, repeat: { clip: lines.get(id) ?? new Int16Array(0) }, ...answer });
      }
    }
  };
  let built = buildSession(parts, 'not-listening');
  while (built.trainee.length < minSeconds * RATE) {
    addRound();
    built = buildSession(parts, 'not-listening');
  }
  const room = micNoise('clean', sessionId, null)(built.trainee.length);
  const trainee = Int16Array.from(built.trainee, (v, i) => Math.max(-32768, Math.min(32767, Math.round(v + (room[i] ?? 0)))));
  const dir = writeSessionFolder(dataDir, sessionId, 'not-listening', { ...built, trainee });
  return { dir, scenario, seconds: built.trainee.length / RATE };
}
