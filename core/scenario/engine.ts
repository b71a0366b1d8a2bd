import type { SessionEvent } from '../session/events.js';
import { chooseBranch } from './branch-rules.js';
import type { EngineCommand, EngineInput, EngineState, Transition } from './engine-types.js';
import { clipFor, stepKind, type Scenario, type Step } from './schema.js';
import type { Turn } from './turns.js';

export type { EngineCommand, EngineInput, EnginePhase, EngineState, Transition } from './engine-types.js';

/** A loop bound: no real call enters this many steps. */
export const MAX_STEPS_ENTERED = 500;

export const INITIAL_STATE: EngineState = { stepIndex: -1, phase: { kind: 'idle' }, turns: [], stepsEntered: 0, path: [] };

/**
 * The scenario engine: a pure state machine. Given the state and an input stamped with an
 * audio frame, it returns the next state, the events to record and the commands to carry out.
 * The same inputs always give the same path and events.
 */
export function createEngine(scenario: Scenario, sampleRate: number) {
  const indexOf = new Map(scenario.steps.map((s, i) => [s.id, i] as const));
  const secs = (s: number) => Math.round(s * sampleRate);

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
    const choice = chooseBranch(step, state.turns.at(-1), sampleRate);
    out.events.push({ type: 'branch-taken', frame, stepId: step.id, rule: choice.rule, to: choice.to });
    return goTo(base, choice.to, frame, out);
  }

  function listen(state: EngineState, step: Step, timeout: number, max: number, repeatOf: string | null, frame: number, out: Out): EngineState {
    const hint = 'listen' in step ? (step.listen.hint ?? null) : null;
    out.events.push({ type: 'listen-started', frame, stepId: step.id, timeoutSeconds: timeout });
    out.commands.push({ type: 'await-speech', stepId: step.id, hint });
    return {
      ...state,
      phase: { kind: 'listening', stepId: step.id, invitedFrame: frame, deadlineFrame: frame + secs(timeout), maxFrames: secs(max), speechStartFrame: null, repeatOf },
    };
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
    };
    return advance({ ...state, turns: [...state.turns, turn] }, frame, out);
  }

  function transition(state: EngineState, input: EngineInput): Transition {
    const out: Out = { events: [], commands: [] };
    const next = apply(state, input, out);
    return { state: next, events: out.events, commands: out.commands };
  }

  function apply(state: EngineState, input: EngineInput, out: Out): EngineState {
    const { phase } = state;
    const frame = input.frame;
    if (phase.kind === 'ended') return state;
    if (input.type === 'hang-up') {
      if (phase.kind === 'holding') out.events.push({ type: 'hold-ended', frame, stepId: phase.stepId, reason: 'resumed' });
      return endCall(state, frame, out, 'hung-up');
    }
    switch (phase.kind) {
      case 'idle':
        if (input.type !== 'start') return state;
        out.events.push({ type: 'call-started', frame, scenarioId: scenario.id });
        return enter(state, 0, frame, out);
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
        };
        return advance({ ...state, turns: [...state.turns, turn] }, frame, out);
      }
    }
  }

  function listenInput(state: EngineState, phase: Extract<EngineState['phase'], { kind: 'listening' }>, input: EngineInput, out: Out): EngineState {
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
      case 'tick':
        if (phase.speechStartFrame === null && frame >= phase.deadlineFrame) return endTurn(state, phase.deadlineFrame, null, 'timeout', out);
        if (phase.speechStartFrame !== null && frame - phase.speechStartFrame >= phase.maxFrames) return endTurn(state, frame, frame, 'max-length', out);
        return state;
      default:
        return state;
    }
  }

  return { initial: INITIAL_STATE, transition };
}

export type Engine = ReturnType<typeof createEngine>;

interface Out {
  events: SessionEvent[];
  commands: EngineCommand[];
}
