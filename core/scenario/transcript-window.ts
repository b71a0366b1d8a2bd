/** Audio before the detected speech onset that is transcribed too (a soft first consonant). */
const TRANSCRIBE_LEAD_SECONDS = 0.25;
/** Audio after the last voiced frame that is transcribed too (a trailing soft sound). */
const TRANSCRIBE_TAIL_SECONDS = 0.5;
/** The longest stretch transcribed for one turn (the transcribeTurn limit). */
const TRANSCRIBE_MAX_SECONDS = 600;

/** What of a spoken turn decides the stretch to transcribe (a Turn, or a 'turn-ended' event's fields). */
export interface TurnBounds {
  readonly invitedFrame: number;
  readonly endedFrame: number;
  readonly speechStartFrame: number | null;
  readonly speechEndFrame: number | null;
}

/**
 * The microphone audio of a spoken turn: from just before the speech to just after it (within
 * the turn). The engine asks for it when a branch reads what was said, and the call screen for
 * every spoken turn, so both ask for the same stretch and share one transcript.
 */
export function transcriptWindow(turn: TurnBounds, sampleRate: number): { fromFrame: number; toFrame: number } {
  const secs = (s: number) => Math.round(s * sampleRate);
  const start = turn.speechStartFrame ?? turn.invitedFrame;
  const end = Math.min(turn.endedFrame, (turn.speechEndFrame ?? turn.endedFrame) + secs(TRANSCRIBE_TAIL_SECONDS));
  const toFrame = Math.max(end, start + 1);
  return { fromFrame: Math.max(0, start - secs(TRANSCRIBE_LEAD_SECONDS), toFrame - secs(TRANSCRIBE_MAX_SECONDS)), toFrame };
}
