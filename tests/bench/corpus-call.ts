import { DEFAULT_VAD, INITIAL_VAD, vadStep, type VadState } from '../../core/audio/vad.js';
import { createEngine, type EngineCommand, type EngineInput, type EngineState } from '../../core/scenario/engine.js';
import { queueChangesUntil } from '../../core/scenario/queue.js';
import type { Scenario } from '../../core/scenario/schema.js';
import type { TurnChecker } from '../../core/scenario/turns.js';
import type { SessionEvent } from '../../core/session/events.js';
import type { CorpusEntry } from '../support/corpus.js';

/**
 * One corpus session played as a call on its scenario's real path: the scenario engine decides
 * (as in the app's call controller), the customer's clips go on channel 0 where the engine plays
 * them, each answer goes on the mic channel (1) when its step invites it, and the app's voice
 * activity detector, fed 20 ms level blocks of that channel, tells the engine when speech starts
 * and ends. So a rude answer takes the branch the app would take (angry-caller hangs up), a
 * talk-over is the engine's, and a silent answer times out. Branch steps that read what was
 * said get the answer's own text as their transcript (engine "corpus-text": never reused as the
 * recogniser's transcript); the analysis afterwards transcribes the audio itself.
 */

export const CALL_RATE = 16_000;
/** The recorder worklet's level block (renderer/audio/recorder.worklet.ts). */
const LEVEL_FRAMES = 320;
/** The app schedules a customer line a moment ahead of "now". */
const LINE_LEAD = Math.round(0.05 * CALL_RATE);
/** Time the turn transcription takes in the app before the branch can choose. */
const TRANSCRIBE_DELAY = Math.round(0.8 * CALL_RATE);
/** No corpus call is longer than this; a longer one is a loop the bench stops. */
const MAX_CALL_FRAMES = 20 * 60 * CALL_RATE;
export const TRANSCRIPT_ENGINE = 'corpus-text';

/** A corpus answer as it was given in a simulated call. */
export interface PlacedAnswer {
  readonly entry: CorpusEntry;
  /** From the invitation (the start of a repeat's line) to the end of the turn. */
  readonly window: { readonly start: number; readonly end: number };
  /** Frames of the answer's clip on the mic channel (spoken, not silent answers). */
  readonly clip: { readonly start: number; readonly end: number } | null;
}

export interface SimulatedCall {
  readonly events: SessionEvent[];
  readonly customer: Int16Array;
  readonly trainee: Int16Array;
  readonly answers: PlacedAnswer[];
  /** Steps entered, in order. */
  readonly path: readonly string[];
  /** Listening or typing steps the call reached with no corpus answer left for them (left silent). */
  readonly unanswered: string[];
  /** Corpus answers whose step the call never reached. */
  readonly unreached: CorpusEntry[];
}

export interface CallSetup {
  readonly scenario: Scenario;
  /** The session's answers, in file order; a step visited twice takes its next answer. */
  readonly entries: readonly CorpusEntry[];
  /** Mono 16 kHz samples of a spoken answer as it is to be heard (voice, tempo, band applied). */
  readonly answerClip: (entry: CorpusEntry) => Int16Array;
  readonly customerClip: (clip: string) => Int16Array;
  /** Sequential noise added to the whole mic channel (room noise, or a degradation). */
  readonly micNoise: (count: number) => Float64Array;
  readonly checkTurn?: TurnChecker;
}

/** A float channel that grows as clips are placed and blocks are read. */
class Channel {
  private data = new Float64Array(CALL_RATE * 60);
  length = 0;

  ensure(n: number): void {
    if (n <= this.data.length) return;
    let size = this.data.length;
    while (size < n) size *= 2;
    const grown = new Float64Array(size);
    grown.set(this.data);
    this.data = grown;
  }

  add(samples: ArrayLike<number>, at: number, gain = 1): void {
    this.ensure(at + samples.length);
    for (let i = 0; i < samples.length; i++) if (at + i >= 0) this.data[at + i] = (this.data[at + i] ?? 0) + (samples[i] ?? 0) * gain;
    this.length = Math.max(this.length, at + samples.length);
  }

  slice(start: number, end: number): Float64Array {
    this.ensure(end);
    return this.data.slice(start, end);
  }

  toInt16(frames: number): Int16Array {
    this.ensure(frames);
    return Int16Array.from(this.data.subarray(0, frames), (v) => Math.max(-32768, Math.min(32767, Math.round(v))));
  }
}

type Pending = { readonly frame: number; readonly input: EngineInput };

/** The listening step that a say or repeat line leads into, if any (so an answer can start over the line). */
function listenAfter(scenario: Scenario, stepId: string): string | null {
  const index = scenario.steps.findIndex((s) => s.id === stepId);
  const step = scenario.steps[index];
  if (!step) return null;
  if ('repeat' in step) return step.id;
  if (!('say' in step)) return null;
  const nextId = step.next ?? scenario.steps[index + 1]?.id;
  const next = scenario.steps.find((s) => s.id === nextId);
  return next && 'listen' in next ? next.id : null;
}

export function simulateCall(setup: CallSetup): SimulatedCall {
  const { scenario } = setup;
  const engine = createEngine(scenario, CALL_RATE, setup.checkTurn ? { checkTurn: setup.checkTurn } : {});
  const customer = new Channel();
  const mic = new Channel();
  const noise = new Channel();
  const events: SessionEvent[] = [];
  const pending: Pending[] = [];
  const queued = new Map<string, CorpusEntry[]>();
  for (const e of setup.entries) queued.set(e.step, [...(queued.get(e.step) ?? []), e]);
  const answers: PlacedAnswer[] = [];
  /** Answers placed for a step visit not yet ended, by step id (FIFO). */
  const open = new Map<string, { entry: CorpusEntry; clip: PlacedAnswer['clip']; invited: number | null }[]>();
  const unanswered: string[] = [];
  let state: EngineState = engine.initial;
  let vad: VadState = INITIAL_VAD;
  let line: { endFrame: number } | null = null;
  let queueShown: number | null = null;
  let callStart: number | null = null;
  let frame = 0;
  /** The mic is heard (voice activity) up to here; an answer placed now starts no earlier. */
  let heard = 0;
  let lastClosed: CorpusEntry | null = null;

  const take = (stepId: string) => queued.get(stepId)?.shift() ?? null;

  const place = (entry: CorpusEntry, at: number): PlacedAnswer['clip'] => {
    if (entry.voice === 'typed' || entry.text.trim() === '') return null;
    const clip = setup.answerClip(entry);
    const start = Math.max(heard, at);
    mic.add(clip, start, 10 ** (entry.gainDb / 20));
    return { start, end: start + clip.length };
  };

  const openAnswer = (stepId: string, entry: CorpusEntry, clip: PlacedAnswer['clip'], invited: number | null) => {
    open.set(stepId, [...(open.get(stepId) ?? []), { entry, clip, invited }]);
  };

  const carryOut = (c: EngineCommand, at: number) => {
    switch (c.type) {
      case 'play-line': {
        const clip = setup.customerClip(c.clip);
        const start = at + LINE_LEAD;
        customer.add(clip, start);
        events.push({ type: 'line-started', frame: start, stepId: c.stepId, caption: c.caption, clip: c.clip, voice: 'clip', durationFrames: clip.length });
        line = { endFrame: start + clip.length };
        // An answer to the step this line leads into may start before the line ends (delaySeconds < 0).
        const next = listenAfter(scenario, c.stepId);
        const entry = next ? take(next) : null;
        if (next && entry) openAnswer(next, entry, place(entry, line.endFrame + Math.round(entry.delaySeconds * CALL_RATE)), start);
        return;
      }
      case 'ask-still-there': {
        // "Are you still there?" after a silent timeout: played like a line (the engine records it).
        const clip = setup.customerClip(c.clip);
        customer.add(clip, at + LINE_LEAD);
        line = { endFrame: at + LINE_LEAD + clip.length };
        return;
      }
      case 'await-speech': {
        const already = open.get(c.stepId)?.at(-1);
        if (already && already.invited === null) already.invited = at;
        if (already) return;
        const entry = take(c.stepId);
        if (!entry) {
          unanswered.push(c.stepId);
          openAnswer(c.stepId, silentPlaceholder(c.stepId), null, at);
          return;
        }
        openAnswer(c.stepId, entry, place(entry, at + Math.round(Math.max(0, entry.delaySeconds) * CALL_RATE)), at);
        return;
      }
      case 'await-typed': {
        const entry = take(c.stepId);
        if (!entry) {
          unanswered.push(c.stepId);
          // Nothing typed: the call cannot go on; the bench hangs up after a minute, as a trainee giving up would.
          pending.push({ frame: at + 60 * CALL_RATE, input: { type: 'hang-up', frame: at + 60 * CALL_RATE } });
          return;
        }
        const seconds = 10 + entry.text.length / 8;
        const done = at + Math.round(seconds * CALL_RATE);
        openAnswer(c.stepId, entry, null, at);
        pending.push({ frame: done, input: { type: 'typed-submitted', frame: done, text: entry.text, keystrokes: entry.text.length, firstKeyFrame: at + 3 * CALL_RATE } });
        return;
      }
      case 'transcribe-turn': {
        const text = lastClosed?.text ?? '';
        const when = at + TRANSCRIBE_DELAY;
        pending.push({ frame: when, input: { type: 'transcript', frame: when, stepId: c.stepId, text, engine: TRANSCRIPT_ENGINE } });
        return;
      }
      default:
        return;
    }
  };

  const dispatch = (input: EngineInput) => {
    const t = engine.transition(state, input);
    state = t.state;
    events.push(...t.events);
    for (const e of t.events) {
      if (e.type === 'call-started') callStart = e.frame;
      if (e.type === 'turn-ended' || e.type === 'typed-submitted') closeAnswer(e.stepId, e.frame);
    }
    for (const c of t.commands) carryOut(c, input.frame);
  };

  const closeAnswer = (stepId: string, end: number) => {
    const list = open.get(stepId) ?? [];
    const first = list.shift();
    if (!first) return;
    lastClosed = first.entry;
    if (first.entry.id !== '') answers.push({ entry: first.entry, window: { start: first.invited ?? end, end }, clip: first.clip });
  };

  const finishLineBy = (at: number) => {
    if (!line || at < line.endFrame) return;
    const endFrame = line.endFrame;
    line = null;
    dispatch({ type: 'line-finished', frame: endFrame });
  };

  const showQueue = (at: number) => {
    if (!scenario.queue || callStart === null || ended()) return;
    const changes = queueChangesUntil(scenario.queue, callStart, queueShown, at, CALL_RATE);
    for (const c of changes) events.push({ type: 'queue-changed', frame: c.frame, count: c.count });
    queueShown = changes.at(-1)?.count ?? queueShown;
  };

  // A function, so the checks see `state` as the dispatches inside the loop leave it.
  const ended = () => state.phase.kind === 'ended';
  const vadOptions = { ...DEFAULT_VAD, sampleRate: CALL_RATE };
  dispatch({ type: 'start', frame: 0 });
  while (!ended() && frame < MAX_CALL_FRAMES) {
    const blockEnd = frame + LEVEL_FRAMES;
    if (noise.length < blockEnd) noise.add(setup.micNoise(blockEnd - noise.length), noise.length);
    const samples = mic.slice(frame, blockEnd);
    const n = noise.slice(frame, blockEnd);
    let sum = 0;
    for (let i = 0; i < LEVEL_FRAMES; i++) sum += (((samples[i] ?? 0) + (n[i] ?? 0)) / 32768) ** 2;
    const r = vadStep(vad, { frame, frames: LEVEL_FRAMES, db: 10 * Math.log10(sum / LEVEL_FRAMES) }, vadOptions);
    vad = r.state;
    heard = blockEnd;
    if (r.decision) {
      finishLineBy(r.decision.frame);
      dispatch(r.decision);
    }
    finishLineBy(blockEnd);
    pending.sort((a, b) => a.frame - b.frame);
    while (pending.length > 0 && (pending[0]?.frame ?? Infinity) <= blockEnd && !ended()) {
      const p = pending.shift();
      if (p) dispatch(p.input);
      pending.sort((a, b) => a.frame - b.frame);
    }
    showQueue(blockEnd);
    if (!ended()) dispatch({ type: 'tick', frame: blockEnd });
    frame = blockEnd;
  }
  if (!ended()) dispatch({ type: 'hang-up', frame });
  const total = Math.max(frame + CALL_RATE, customer.length, mic.length);
  if (noise.length < total) noise.add(setup.micNoise(total - noise.length), noise.length);
  mic.add(noise.slice(0, total), 0);
  const unreached = [...queued.values()].flat();
  return { events, customer: customer.toInt16(total), trainee: mic.toInt16(total), answers, path: state.path, unanswered, unreached };
}

/** Stands in for a missing answer so the step's turn closes in order; never scored. */
function silentPlaceholder(step: string): CorpusEntry {
  return { id: '', session: '', scenario: 'not-listening', step, voice: 'us-slt', text: '', gainDb: 0, delaySeconds: 0, tempo: 1, respectful: true, patient: true, fail: [], pass: [], split: 'tune' };
}
