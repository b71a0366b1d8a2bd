import { MAX_TRANSCRIPT_CHARS, type SessionEvent } from '../session/events.js';
import { chooseBranch, needsTranscript, readsChecks } from './branch-rules.js';
import type { EngineCommand, EngineInput, EngineState, Transition } from './engine-types.js';
import { clipFor, stepKind, type BranchStep, type ListenStep, type RepeatStep, type Scenario } from './schema.js';
import { typingNoiseOf } from './step-sounds.js';
import { MAX_STILL_THERE_LINE_SECONDS, stepAsksStillThere, stillThereLine } from './still-there.js';
import { transcriptWindow } from './transcript-window.js';
import type { Turn, TurnChecker } from './turns.js';

export type { EngineCommand, EngineInput, EnginePhase, EngineState, Transition } from './engine-types.js';

/** A loop bound: no real call enters this many steps. */
export const MAX_STEPS_ENTERED = 500;

export const INITIAL_STATE: EngineState = {
  stepIndex: -1, phase: { kind: 'idle' }, turns: [], stepsEntered: 0, path: [], speechSince: null, talkOverPending: false,
};

/**
 * The scenario engine: a pure state machine. Given the state and an input stamped with an
 * audio frame, it returns the next state, the events to record and the commands to carry out.
 * The same inputs always give the same path and events.
 */
export function createEngine(scenario: Scenario, sampleRate: number, options: { readonly checkTurn?: TurnChecker } = {}) {
  const indexOf = new Map(scenario.steps.map((s, i) => [s.id, i] as const));
  const secs = (s: number) => Math.round(s * sampleRate);
  const stillThere = stillThereLine(scenario);

  function enter(state: EngineState, index: number, frame: number, out: Out): EngineState {
    const step = scenario.steps[index];
    if (!step || state.stepsEntered >= MAX_STEPS_ENTERED) return endCall(state, frame, out);
    const kind = stepKind(step);
    out.events.push({ type: 'step-entered', frame, stepId: step.id, kind });
    const base: EngineState = { ...state, stepIndex: index, stepsEntered: state.stepsEntered + 1, path: [...state.path, step.id] };
    if ('say' in step) {
      out.commands.push({ type: 'play-line', stepId: step.id, caption: step.say, clip: clipFor(step) });
      return { ...base, phase: { kind: 'speaking', stepId: step.id, caption: step.say, thenListen: false } };
    }
    if ('repeat' in step) {
      out.commands.push({ type: 'play-line', stepId: step.id, caption: step.repeat.say, clip: clipFor(step) });
      return { ...base, phase: { kind: 'speaking', stepId: step.id, caption: step.repeat.say, thenListen: true } };
    }
    if ('hold' in step) {
      out.events.push({ type: 'hold-started', frame, stepId: step.id, seconds: step.hold.seconds });
      out.commands.push({ type: 'start-hold', stepId: step.id, seconds: step.hold.seconds, music: step.hold.music });
      return { ...base, phase: { kind: 'holding', stepId: step.id, startFrame: frame, untilFrame: frame + secs(step.hold.seconds) } };
    }
    if ('listen' in step) return listen(base, step, step.listen.timeoutSeconds, step.listen.maxSeconds, null, frame, out);
    if ('type' in step) {
      out.events.push({ type: 'prompt-shown', frame, stepId: step.id, prompt: step.type.prompt });
      out.commands.push({ type: 'await-typed', stepId: step.id, prompt: step.type.prompt, message: step.type.message ?? null, minChars: step.type.minChars });
      return { ...base, phase: { kind: 'typing', stepId: step.id, invitedFrame: frame, minChars: step.type.minChars } };
    }
    return branch(base, step, frame, out);
  }

  /** Chooses the branch at once, or first asks for a transcript when a rule reads what was said. */
  function branch(state: EngineState, step: BranchStep, frame: number, out: Out): EngineState {
    const turn = state.turns.at(-1);
    if (needsTranscript(step, turn)) {
      out.commands.push({ type: 'transcribe-turn', stepId: step.id, ...transcriptWindow(turn, sampleRate) });
      return { ...state, phase: { kind: 'transcribing', stepId: step.id } };
    }
    // Checklist results are judged once, when a branch first asks for them, and kept on the turn.
    const last = state.turns.at(-1);
    if (last && readsChecks(step) && options.checkTurn && Object.keys(last.checks).length === 0) {
      const checked: Turn = { ...last, checks: options.checkTurn(last) };
      state = { ...state, turns: [...state.turns.slice(0, -1), checked] };
    }
    const choice = chooseBranch(step, state.turns.at(-1), sampleRate);
    out.events.push({ type: 'branch-taken', frame, stepId: step.id, rule: choice.rule, to: choice.to });
    return goTo(state, choice.to, frame, out);
  }

  /** The transcript answer: recorded on the last turn, then the waiting branch step chooses. */
  function transcribed(state: EngineState, stepId: string, input: Extract<EngineInput, { type: 'transcript' }>, out: Out): EngineState {
    const step = scenario.steps[state.stepIndex];
    const last = state.turns.at(-1);
    if (input.stepId !== stepId || !step || !('branch' in step) || !last) return state;
    const engine = input.engine.slice(0, 40) || 'none';
    const text = input.text === null ? null : input.text.slice(0, MAX_TRANSCRIPT_CHARS);
    out.events.push({ type: 'turn-transcribed', frame: input.frame, stepId: last.stepId, engine, text });
    const turn: Turn = { ...last, transcript: text, transcribedBy: engine };
    return branch({ ...state, turns: [...state.turns.slice(0, -1), turn] }, step, input.frame, out);
  }

  function listen(state: EngineState, step: ListenStep | RepeatStep, timeout: number, max: number, repeatOf: string | null, frame: number, out: Out): EngineState {
    const hint = 'listen' in step ? (step.listen.hint ?? null) : null;
    out.events.push({ type: 'listen-started', frame, stepId: step.id, timeoutSeconds: timeout });
    // Speech already running (the trainee began during the line or the hold) is this turn's start.
    if (state.speechSince !== null) out.events.push({ type: 'turn-started', frame, stepId: step.id });
    out.commands.push({ type: 'await-speech', stepId: step.id, hint, typingNoise: typingNoiseOf(step) });
    return {
      ...state,
      phase: {
        kind: 'listening', stepId: step.id, invitedFrame: frame, deadlineFrame: frame + secs(timeout), maxFrames: secs(max),
        speechStartFrame: state.speechSince, repeatOf, stillThere: stillThere && stepAsksStillThere(step) ? 'due' : 'done',
      },
    };
  }

  /**
   * A silent timeout with the still-there line due: the customer asks once, and the listen goes
   * on. Until the line has played the deadline is only a guard; its end sets the real one.
   */
  function askStillThere(state: EngineState, phase: ListeningPhase, frame: number, out: Out): EngineState {
    if (!stillThere) return state;
    out.events.push({ type: 'still-there', frame, stepId: phase.stepId, caption: stillThere.caption });
    out.commands.push({ type: 'ask-still-there', stepId: phase.stepId, caption: stillThere.caption, clip: stillThere.clip });
    const guard = frame + secs(MAX_STILL_THERE_LINE_SECONDS + stillThere.waitSeconds);
    return { ...state, phase: { ...phase, stillThere: 'asking', deadlineFrame: guard } };
  }

  function goTo(state: EngineState, target: string, frame: number, out: Out): EngineState {
    if (target === 'end') return endCall(state, frame, out);
    const index = indexOf.get(target);
    return index === undefined ? endCall(state, frame, out) : enter(state, index, frame, out);
  }

  function advance(state: EngineState, frame: number, out: Out): EngineState {
    const step = scenario.steps[state.stepIndex];
    const next = step && 'next' in step ? step.next : undefined;
    return next !== undefined ? goTo(state, next, frame, out) : enter(state, state.stepIndex + 1, frame, out);
  }

  function endCall(state: EngineState, frame: number, out: Out, reason: 'completed' | 'hung-up' = 'completed'): EngineState {
    out.events.push({ type: 'call-ended', frame, reason });
    out.commands.push({ type: 'end-call' });
    return { ...state, phase: { kind: 'ended' } };
  }

  function endTurn(state: EngineState, frame: number, speechEnd: number | null, reason: 'silence' | 'done' | 'timeout' | 'max-length', out: Out): EngineState {
    const phase = state.phase;
    if (phase.kind !== 'listening') return state;
    const speechEndFrame = phase.speechStartFrame === null ? null : Math.max(phase.speechStartFrame, speechEnd ?? frame);
    out.events.push({ type: 'turn-ended', frame, stepId: phase.stepId, reason, speechStartFrame: phase.speechStartFrame, speechEndFrame });
    const turn: Turn = {
      stepId: phase.stepId, kind: 'spoken', invitedFrame: phase.invitedFrame, endedFrame: frame,
      speechStartFrame: phase.speechStartFrame, speechEndFrame, text: null, repeatOf: phase.repeatOf,
      transcript: null, transcribedBy: null, talkedOver: state.talkOverPending, checks: {},
    };
    return advance({ ...state, turns: [...state.turns, turn], talkOverPending: false }, frame, out);
  }

  function transition(state: EngineState, input: EngineInput): Transition {
    const out: Out = { events: [], commands: [] };
    const next = apply(state, input, out);
    return { state: next, events: out.events, commands: out.commands };
  }

  function apply(state: EngineState, input: EngineInput, out: Out): EngineState {
    const { phase } = state;
    if (phase.kind === 'ended') return state;
    if (input.type === 'hang-up') {
      if (phase.kind === 'holding') out.events.push({ type: 'hold-ended', frame: input.frame, stepId: phase.stepId, reason: 'resumed' });
      return endCall(state, input.frame, out, 'hung-up');
    }
    return applyToPhase(followSpeech(state, input, out), input, out);
  }

  /**
   * Voice activity is followed in every phase: speech still running when a listen step begins
   * belongs to its turn, and speech that starts while a customer line plays is a talk-over,
   * carried by the next turn.
   */
  function followSpeech(state: EngineState, input: EngineInput, out: Out): EngineState {
    if (input.type === 'speech-ended') return { ...state, speechSince: null };
    if (input.type !== 'speech-started' || state.speechSince !== null) return state;
    if (state.phase.kind !== 'speaking') return { ...state, speechSince: input.frame };
    out.events.push({ type: 'talked-over', frame: input.frame, stepId: state.phase.stepId });
    return { ...state, speechSince: input.frame, talkOverPending: true };
  }

  function applyToPhase(state: EngineState, input: EngineInput, out: Out): EngineState {
    const { phase } = state;
    const frame = input.frame;
    switch (phase.kind) {
      case 'ended':
        return state;
      case 'idle':
        return input.type === 'start' ? startCall(state, input, out) : state;
      case 'speaking': {
        if (input.type !== 'line-finished') return state;
        out.events.push({ type: 'line-ended', frame, stepId: phase.stepId });
        const step = scenario.steps[state.stepIndex];
        if (phase.thenListen && step && 'repeat' in step) {
          return listen(state, step, step.repeat.timeoutSeconds, step.repeat.maxSeconds, step.repeat.of, frame, out);
        }
        return advance(state, frame, out);
      }
      case 'holding': {
        const resumed = input.type === 'resume';
        if (!resumed && !(input.type === 'tick' && frame >= phase.untilFrame)) return state;
        const at = resumed ? frame : phase.untilFrame;
        out.events.push({ type: 'hold-ended', frame: at, stepId: phase.stepId, reason: resumed ? 'resumed' : 'elapsed' });
        out.commands.push({ type: 'stop-hold', stepId: phase.stepId });
        return advance(state, at, out);
      }
      case 'listening':
        return listenInput(state, phase, input, out);
      case 'typing': {
        if (input.type !== 'typed-submitted' || input.text.trim().length < phase.minChars) return state;
        out.events.push({ type: 'typed-submitted', frame, stepId: phase.stepId, text: input.text, keystrokes: input.keystrokes, firstKeyFrame: input.firstKeyFrame });
        const turn: Turn = {
          stepId: phase.stepId, kind: 'typed', invitedFrame: phase.invitedFrame, endedFrame: frame,
          speechStartFrame: null, speechEndFrame: null, text: input.text, repeatOf: null,
          transcript: null, transcribedBy: null, talkedOver: false, checks: {},
        };
        return advance({ ...state, turns: [...state.turns, turn], talkOverPending: false }, frame, out);
      }
      case 'transcribing':
        return input.type === 'transcript' ? transcribed(state, phase.stepId, input, out) : state;
    }
  }

  /** The first step, or `fromStepId` (a preview from the middle of the scenario). */
  function startCall(state: EngineState, input: Extract<EngineInput, { type: 'start' }>, out: Out): EngineState {
    const from = input.fromStepId;
    const index = from === undefined ? 0 : indexOf.get(from);
    if (index === undefined) throw new RangeError(`Scenario ${scenario.id} has no step "${String(from)}" to start from.`);
    out.events.push({ type: 'call-started', frame: input.frame, scenarioId: scenario.id, ...(from === undefined ? {} : { fromStepId: from }) });
    return enter(state, index, input.frame, out);
  }

  function listenInput(state: EngineState, phase: ListeningPhase, input: EngineInput, out: Out): EngineState {
    const frame = input.frame;
    switch (input.type) {
      case 'speech-started':
        if (phase.speechStartFrame !== null) return state;
        out.events.push({ type: 'turn-started', frame, stepId: phase.stepId });
        return { ...state, phase: { ...phase, speechStartFrame: frame } };
      case 'speech-ended':
        return phase.speechStartFrame === null ? state : endTurn(state, frame, input.speechEndFrame, 'silence', out);
      case 'done':
        return endTurn(state, frame, frame, 'done', out);
      case 'line-finished':
        // The still-there line has played: the trainee gets waitSeconds from its end.
        if (phase.stillThere !== 'asking' || !stillThere) return state;
        return { ...state, phase: { ...phase, stillThere: 'done', deadlineFrame: frame + secs(stillThere.waitSeconds) } };
      case 'tick':
        if (phase.speechStartFrame === null && frame >= phase.deadlineFrame) {
          if (phase.stillThere === 'due') return askStillThere(state, phase, phase.deadlineFrame, out);
          return endTurn(state, phase.deadlineFrame, null, 'timeout', out);
        }
        if (phase.speechStartFrame !== null && frame - phase.speechStartFrame >= phase.maxFrames) return endTurn(state, frame, frame, 'max-length', out);
        return state;
      default:
        return state;
    }
  }

  return { initial: INITIAL_STATE, transition };
}

export type Engine = ReturnType<typeof createEngine>;

type ListeningPhase = Extract<EngineState['phase'], { kind: 'listening' }>;

interface Out {
  events: SessionEvent[];
  commands: EngineCommand[];
}
