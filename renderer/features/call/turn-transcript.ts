import type { TrainerClient } from '../../../core/api.js';

/** The 'transcript' input the engine waits for, without its frame. */
export interface TranscriptAnswer {
  readonly text: string | null;
  readonly engine: string;
}

/** The call gives up on a transcript after this long and goes on without one. */
const TRANSCRIPT_TIMEOUT_MS = 60_000;

export interface TurnTranscriptDeps {
  readonly client: TrainerClient;
  readonly sessionId: string;
  /** Resolves when every frame recorded so far is on the back end's disk. */
  readonly saveRecordedAudio: () => Promise<void>;
}

/**
 * Asks the back end to transcribe a turn, after making sure the audio up to `toFrame` has
 * been uploaded. Never rejects: when there is no transcript (no recogniser, an error, no
 * answer in time) the answer has text null, and the branch's phrase rules do not hold.
 */
export async function fetchTurnTranscript(deps: TurnTranscriptDeps, fromFrame: number, toFrame: number, stepId?: string): Promise<TranscriptAnswer> {
  const ask = async (): Promise<TranscriptAnswer> => {
    await deps.saveRecordedAudio();
    const result = await deps.client.transcribeTurn({ sessionId: deps.sessionId, fromFrame, toFrame, ...(stepId === undefined ? {} : { stepId }) });
    return { text: result.text, engine: result.engine };
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<TranscriptAnswer>((resolve) => {
    timer = setTimeout(() => resolve({ text: null, engine: 'none' }), TRANSCRIPT_TIMEOUT_MS);
  });
  try {
    return await Promise.race([ask().catch((): TranscriptAnswer => ({ text: null, engine: 'none' })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
