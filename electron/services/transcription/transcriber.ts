import type { RecognisedWord, TranscriberEngine } from '../../../core/session/transcription.js';

/** Audio a Transcriber takes: mono, 16-bit, 16 kHz. */
export const TRANSCRIBER_SAMPLE_RATE = 16_000;

export interface Transcript {
  /** The recognised words joined by single spaces ('' when nothing was recognised). */
  readonly text: string;
  /** Frames count from the first sample passed to transcribe(). */
  readonly words: readonly RecognisedWord[];
}

export type TranscriberAvailability = { readonly available: true } | { readonly available: false; readonly message: string };

/**
 * A speech recogniser. Implementations are deterministic (same samples, same transcript) and
 * bound their run time; pocketsphinx is the first, whisper.cpp can follow behind this interface.
 */
export interface Transcriber {
  readonly engine: TranscriberEngine;
  /** Whether it can run here; when not, `message` says why in plain words (and how to fix it). */
  availability(): Promise<TranscriberAvailability>;
  /** Transcribes mono 16 kHz samples; rejects with an Error whose message is written for a person. */
  transcribe(samples: Int16Array): Promise<Transcript>;
}
