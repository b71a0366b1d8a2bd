import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { between, seededRandom, seedFromText } from '../../core/audio/seeded-random.js';
import { parseScenario } from '../../core/scenario/load.js';
import type { Scenario } from '../../core/scenario/schema.js';
import type { SessionEvent } from '../../core/session/events.js';
import { readWav } from '../../electron/services/wav.js';
import { speech } from '../../scripts/rehearse/speech.js';
import type { CorpusEntry } from '../support/corpus.js';
import { buildSession, RATE, speechBounds, writeSessionFolder, type Part } from '../support/synthetic-session.js';

/**
 * Synthetic calls for the accuracy bench: each corpus session is laid out on its scenario's
 * path (customer clips from scenarios/audio on channel 0, the answers on channel 1 at known
 * frames, quiet room noise on the mic) and written as the session folder the app would leave.
 */

/** Level of the room noise added to the mic channel (a quiet office on a headset). */
export const ROOM_NOISE_DBFS = -65;
/** Truth: 5 ms windows within this many dB of the clip's loudest window are speech. */
const TRUTH_WINDOW = RATE / 200;
const TRUTH_BELOW_PEAK_DB = 40;

type PathStep = { readonly say: string } | { readonly answer: string } | { readonly hold: string; readonly seconds: number };

/** One fixed path through each scenario the corpus uses (branches taken the "handled well" way). */
const PATHS: Record<CorpusEntry['scenario'], readonly PathStep[]> = {
  'not-listening': [{ say: 'ask-why' }, { answer: 'answer' }, { answer: 'again-1' }, { answer: 'again-2' }, { answer: 'again-3' }, { say: 'wrap-up' }],
  'long-hold': [
    { say: 'complain-wait' }, { answer: 'answer-wait' }, { say: 'hold-ok' }, { hold: 'on-hold', seconds: 6 }, { answer: 'check-in' },
    { say: 'check-in-ok' }, { hold: 'on-hold-more', seconds: 4 }, { answer: 'answer-back' }, { say: 'thank-close' }, { answer: 'account-note' },
  ],
  'written-reply': [{ say: 'intro' }, { answer: 'reply' }],
};

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

/** Festival speech of an answer (cached), time-stretched by sox when its tempo is not 1 (cached too). */
export function answerClip(entry: CorpusEntry): Int16Array {
  if (entry.voice === 'typed') throw new Error(`${entry.id} is typed`);
  let file = speech(entry.text, entry.voice);
  if (entry.tempo !== 1) {
    const stretched = file.replace(/\.wav$/, `-tempo${entry.tempo}.wav`);
    if (!existsSync(stretched)) {
      execFileSync('sox', [file, `${stretched}.tmp.wav`, 'tempo', '-s', String(entry.tempo)]);
      renameSync(`${stretched}.tmp.wav`, stretched);
    }
    file = stretched;
  }
  return readWav(file).samples[0] ?? new Int16Array(0);
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

/** A corpus answer as placed in a built session. */
export interface PlacedAnswer {
  readonly entry: CorpusEntry;
  /** Frames where the answer's speech really is (spoken answers), from the clean clip. */
  readonly speech: { readonly start: number; readonly end: number } | null;
  /** From the customer line before the invitation to the end of the turn: findings here are this answer's. */
  readonly window: { readonly start: number; readonly end: number };
}

export interface BenchSession {
  readonly sessionId: string;
  readonly scenario: Scenario;
  readonly dir: string;
  readonly durationFrames: number;
  readonly answers: readonly PlacedAnswer[];
}

function answerWindows(events: readonly SessionEvent[]): Map<string, { start: number; end: number }> {
  const windows = new Map<string, { start: number; end: number }>();
  let lineStart: number | null = null;
  const invited = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'line-started') lineStart = e.frame;
    else if (e.type === 'hold-started') lineStart = null;
    else if (e.type === 'listen-started' || e.type === 'prompt-shown') invited.set(e.stepId, lineStart ?? e.frame);
    else if (e.type === 'turn-ended' || e.type === 'typed-submitted') {
      windows.set(e.stepId, { start: invited.get(e.stepId) ?? e.frame, end: e.frame });
      lineStart = null;
    }
  }
  return windows;
}

function addRoomNoise(samples: Int16Array, seed: string): Int16Array {
  const random = seededRandom(seedFromText(seed));
  // Uniform noise in [-a, a] has RMS a/sqrt(3).
  const a = 32768 * 10 ** (ROOM_NOISE_DBFS / 20) * Math.sqrt(3);
  return Int16Array.from(samples, (s) => Math.max(-32768, Math.min(32767, Math.round(s + between(random, -a, a)))));
}

/** Lays `entries` (one call, in order) on the scenario's path and writes the session folder under dataDir. */
export function writeBenchSession(dataDir: string, sessionId: string, scenarioId: CorpusEntry['scenario'], entries: readonly CorpusEntry[]): BenchSession {
  const scenario = shippedScenario(scenarioId);
  const byStep = new Map(entries.map((e) => [e.step, e]));
  const parts: Part[] = [];
  const clips = new Map<string, Int16Array>();
  for (const p of PATHS[scenarioId]) {
    if ('say' in p) parts.push({ say: p.say, clip: customerClip(scenarioId, p.say) });
    else if ('hold' in p) parts.push({ hold: p.hold, seconds: p.seconds });
    else {
      const entry = byStep.get(p.answer);
      if (!entry) continue;
      if (entry.voice === 'typed') {
        parts.push({ type: entry.step, text: entry.text, seconds: 40 });
        continue;
      }
      const step = scenario.steps.find((s) => s.id === entry.step);
      const clip = answerClip(entry);
      clips.set(entry.step, clip);
      const repeat = step && 'repeat' in step ? { clip: customerClip(scenarioId, entry.step) } : undefined;
      parts.push({ listen: entry.step, ...(repeat ? { repeat } : {}), answer: clip, delaySeconds: entry.delaySeconds, gainDb: entry.gainDb });
    }
  }
  const unplaced = entries.filter((e) => !PATHS[scenarioId].some((p) => 'answer' in p && p.answer === e.step));
  if (unplaced.length > 0) throw new Error(`not on the ${scenarioId} path: ${unplaced.map((e) => `${e.id} (${e.step})`).join(', ')}`);
  const built = buildSession(parts, scenarioId);
  const windows = answerWindows(built.events);
  const answers = entries.map((entry): PlacedAnswer => {
    const window = windows.get(entry.step) ?? { start: 0, end: 0 };
    const clip = clips.get(entry.step);
    const placed = built.answers[entry.step];
    if (!clip || !placed) return { entry, speech: null, window };
    // buildSession reports where the clip's samples cross its amplitude threshold; step back to the clip's first sample.
    const at = placed.start - speechBounds(clip).start;
    const extent = cleanSpeechExtent(clip);
    return { entry, speech: { start: at + extent.start, end: at + extent.end }, window };
  });
  const noisy = { ...built, trainee: addRoomNoise(built.trainee, sessionId) };
  const dir = writeSessionFolder(dataDir, sessionId, scenarioId, noisy);
  return { sessionId, scenario, dir, durationFrames: built.trainee.length, answers };
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
  const dir = writeSessionFolder(dataDir, sessionId, 'not-listening', { ...built, trainee: addRoomNoise(built.trainee, sessionId) });
  return { dir, scenario, seconds: built.trainee.length / RATE };
}
