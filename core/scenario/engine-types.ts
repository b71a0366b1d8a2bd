import type { SessionEvent } from '../session/events.js';
import type { Turn } from './turns.js';

/** What the call controller tells the engine. Every input carries the audio frame it happened at. */
export type EngineInput =
  /** `fromStepId`: start the call at this step instead of the first (a preview from any step). */
  | { readonly type: 'start'; readonly frame: number; readonly fromStepId?: string }
  | { readonly type: 'line-finished'; readonly frame: number }
  | { readonly type: 'speech-started'; readonly frame: number }
  /** Voice activity ended (after the silence hangover); `speechEndFrame` is the last voiced frame. */
  | { readonly type: 'speech-ended'; readonly frame: number; readonly speechEndFrame: number }
  /** The trainee pressed "Done" to end a spoken turn. */
  | { readonly type: 'done'; readonly frame: number }
  | {
      readonly type: 'typed-submitted';
      readonly frame: number;
      readonly text: string;
      readonly keystrokes: number;
      readonly firstKeyFrame: number | null;
    }
  /** The trainee takes the caller off hold early. */
  | { readonly type: 'resume'; readonly frame: number }
  | { readonly type: 'tick'; readonly frame: number }
  /**
   * The answer to a 'transcribe-turn' command of branch step `stepId`: what speech recognition
   * heard, or text null when there is no transcript (engine 'none', or recognition failed).
   */
  | { readonly type: 'transcript'; readonly frame: number; readonly stepId: string; readonly text: string | null; readonly engine: string }
  | { readonly type: 'hang-up'; readonly frame: number };

/** What the engine asks the call controller (audio, UI) to do. */
export type EngineCommand =
  | { readonly type: 'play-line'; readonly stepId: string; readonly caption: string; readonly clip: string }
  | { readonly type: 'start-hold'; readonly stepId: string; readonly seconds: number; readonly music: boolean }
  | { readonly type: 'stop-hold'; readonly stepId: string }
  /** `typingNoise`: the customer types loudly on the call while the trainee answers. */
  | { readonly type: 'await-speech'; readonly stepId: string; readonly hint: string | null; readonly typingNoise: boolean }
  /** The listen of `stepId` timed out in silence: play the still-there line; the listen goes on. */
  | { readonly type: 'ask-still-there'; readonly stepId: string; readonly caption: string; readonly clip: string }
  | {
      readonly type: 'await-typed';
      readonly stepId: string;
      readonly prompt: string;
      readonly message: string | null;
      readonly minChars: number;
    }
  /**
   * Branch step `stepId` reads what was said: transcribe the microphone channel between these
   * file frames, then send a 'transcript' input.
   */
  | { readonly type: 'transcribe-turn'; readonly stepId: string; readonly fromFrame: number; readonly toFrame: number }
  | { readonly type: 'end-call' };

export type EnginePhase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'speaking'; readonly stepId: string; readonly caption: string; readonly thenListen: boolean }
  | { readonly kind: 'holding'; readonly stepId: string; readonly startFrame: number; readonly untilFrame: number }
  | {
      readonly kind: 'listening';
      readonly stepId: string;
      readonly invitedFrame: number;
      readonly deadlineFrame: number;
      readonly maxFrames: number;
      readonly speechStartFrame: number | null;
      readonly repeatOf: string | null;
      /**
       * The "are you still there?" of a silent timeout: 'due' at the deadline, 'asking' while the
       * line plays (the deadline then waits for its end), 'done' once asked or when not asked.
       */
      readonly stillThere: 'due' | 'asking' | 'done';
    }
  | { readonly kind: 'typing'; readonly stepId: string; readonly invitedFrame: number; readonly minChars: number }
  /** Branch step `stepId` waits for the transcript of the last spoken turn. */
  | { readonly kind: 'transcribing'; readonly stepId: string }
  | { readonly kind: 'ended' };

export interface EngineState {
  readonly stepIndex: number;
  readonly phase: EnginePhase;
  readonly turns: readonly Turn[];
  /** Steps entered so far; bounds runaway loops in badly made branches. */
  readonly stepsEntered: number;
  readonly path: readonly string[];
  /** Frame the trainee's current speech began (whatever the phase), or null while silent. */
  readonly speechSince: number | null;
  /** The trainee talked over a customer line since the last turn; the next turn carries it. */
  readonly talkOverPending: boolean;
}

export interface Transition {
  readonly state: EngineState;
  readonly events: readonly SessionEvent[];
  readonly commands: readonly EngineCommand[];
}
