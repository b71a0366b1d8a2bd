import { transcriptWindow } from '../../../core/scenario/transcript-window.js';
import { fetchTurnTranscript, type TranscriptAnswer, type TurnTranscriptDeps } from './turn-transcript.js';

/** A spoken turn as its 'turn-ended' event gives it. */
export interface EndedTurn {
  readonly stepId: string;
  readonly frame: number;
  readonly speechStartFrame: number | null;
  readonly speechEndFrame: number | null;
}

/**
 * Every spoken turn is transcribed once it ends, in the background, so the back end keeps its
 * transcript for the analysis after the call. A branch that reads the same turn gets the same
 * request (same stretch of audio), never a second recognition.
 */
export class TurnTranscripts {
  private readonly asked = new Map<string, Promise<TranscriptAnswer>>();

  constructor(
    private readonly deps: () => TurnTranscriptDeps,
    private readonly sampleRate: number,
  ) {}

  /** Starts the transcript of a turn that has just ended (nothing when nobody spoke). */
  turnEnded(turn: EndedTurn): void {
    if (turn.speechStartFrame === null) return;
    const bounds = { invitedFrame: turn.speechStartFrame, endedFrame: turn.frame, speechStartFrame: turn.speechStartFrame, speechEndFrame: turn.speechEndFrame };
    const { fromFrame, toFrame } = transcriptWindow(bounds, this.sampleRate);
    void this.get(fromFrame, toFrame, turn.stepId);
  }

  /** The transcript of a stretch: the request already under way for it, or a new one. Never rejects. */
  get(fromFrame: number, toFrame: number, stepId?: string): Promise<TranscriptAnswer> {
    const key = `${fromFrame}-${toFrame}`;
    const known = this.asked.get(key);
    if (known) return known;
    const request = fetchTurnTranscript(this.deps(), fromFrame, toFrame, stepId);
    this.asked.set(key, request);
    return request;
  }
}
