/** One answer by the trainee: spoken (a listen or repeat step) or typed (a type step). */
export interface Turn {
  readonly stepId: string;
  readonly kind: 'spoken' | 'typed';
  /** Frame the trainee was invited to answer (listen started / prompt shown). */
  readonly invitedFrame: number;
  readonly endedFrame: number;
  /** Spoken turns: where speech was detected; null when the trainee said nothing. */
  readonly speechStartFrame: number | null;
  readonly speechEndFrame: number | null;
  /** Typed turns: the submitted text. */
  readonly text: string | null;
  /** For repeat steps: the listen step whose answer was asked for again. */
  readonly repeatOf: string | null;
}

export function spokenSeconds(turn: Turn, sampleRate: number): number {
  if (turn.speechStartFrame === null || turn.speechEndFrame === null) return 0;
  return (turn.speechEndFrame - turn.speechStartFrame) / sampleRate;
}

export function latencySeconds(turn: Turn, sampleRate: number): number | null {
  if (turn.speechStartFrame === null) return null;
  return Math.max(0, turn.speechStartFrame - turn.invitedFrame) / sampleRate;
}
