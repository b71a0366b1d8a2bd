import type { TurnTranscript } from '../../../core/analysis/transcript.js';

/**
 * What the analysis needs from a speech recogniser: the transcript of a stretch of mono audio,
 * word times in frames relative to its start. Adapts the app's `Transcriber` (transcription/).
 */
export interface SpanTranscriber {
  /** Shown to the coach: which engine made the transcripts. */
  readonly engine: string;
  /** Shown with the engine: why the preferred engine was not used (e.g. no whisper model). */
  readonly note?: string;
  transcribe(samples: Int16Array, sampleRate: number): Promise<TurnTranscript>;
}

/** The transcript of a span, moved to file frames. */
export function shiftTranscript(t: TurnTranscript, offsetFrames: number): TurnTranscript {
  return { text: t.text, words: t.words.map((w) => ({ ...w, startFrame: w.startFrame + offsetFrames, endFrame: w.endFrame + offsetFrames })) };
}
