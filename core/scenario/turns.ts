/** A checklist result about one turn, as the checks report it. */
export type CheckResult = 'pass' | 'fail' | 'needs-review';

/** One answer by the trainee: spoken (a listen or repeat step) or typed (a type step). */
export interface Turn {
  readonly stepId: string;
  readonly kind: 'spoken' | 'typed';
  /** Frame the trainee was invited to answer (listen started / prompt shown). */
  readonly invitedFrame: number;
  readonly endedFrame: number;
  /**
   * Spoken turns: where speech was detected; null when the trainee said nothing. Speech
   * already running when the listen step began counts, so this can precede invitedFrame.
   */
  readonly speechStartFrame: number | null;
  readonly speechEndFrame: number | null;
  /** Typed turns: the submitted text. */
  readonly text: string | null;
  /** For repeat steps: the listen step whose answer was asked for again. */
  readonly repeatOf: string | null;
  /** Spoken turns: what speech recognition heard; null until transcribed, or when it could not be. */
  readonly transcript: string | null;
  /** The engine that was asked to transcribe this turn ('none' when none was available); null = not asked yet. */
  readonly transcribedBy: string | null;
  /** The trainee started speaking while a customer line was playing, since the previous turn. */
  readonly talkedOver: boolean;
  /** Checklist results about this turn, keyed "checklist.item" (see checkKey); empty until the checks fill it. */
  readonly checks: Readonly<Record<string, CheckResult>>;
}

/** Judges the checklist items that can be judged on one answer (see core/analysis/turn-checks.ts). */
export type TurnChecker = (turn: Turn) => Readonly<Record<string, CheckResult>>;

/** The key of a checklist result in Turn.checks: "respect.no-blame". */
export function checkKey(checklist: string, item: string): string {
  return `${checklist}.${item}`;
}

export function spokenSeconds(turn: Turn, sampleRate: number): number {
  if (turn.speechStartFrame === null || turn.speechEndFrame === null) return 0;
  return (turn.speechEndFrame - turn.speechStartFrame) / sampleRate;
}

export function latencySeconds(turn: Turn, sampleRate: number): number | null {
  if (turn.speechStartFrame === null) return null;
  return Math.max(0, turn.speechStartFrame - turn.invitedFrame) / sampleRate;
}
