/** Speech recognition results as the API returns them (transcribeTurn). */

/** Engines behind the Transcriber interface; 'none' means no recogniser was available. */
export type TranscriberEngine = 'pocketsphinx' | 'whisper' | 'sherpa-onnx';

/** The phrase spotter standing in for a transcriber, with its version: 'soundswallower-spotter 0.6.3'. */
export type SpotterEngineName = `${string}-spotter ${string}`;

/** Whether an engine name is a phrase spotter's (its transcripts hold only the phrases it listened for). */
export function isSpotterEngine(engine: string): boolean {
  return /-spotter /.test(engine);
}

/** The longest stretch of a recording one transcribeTurn call reads. */
export const MAX_TRANSCRIBE_SECONDS = 600;

/** A recognised word; frames count from the start of the transcribed audio (or audio.wav for transcribeTurn). */
export interface RecognisedWord {
  readonly word: string;
  readonly startFrame: number;
  /** One past the last frame of the word. */
  readonly endFrame: number;
  /** The recogniser's confidence, 0 to 1. */
  readonly confidence: number;
}

export interface TurnTranscription {
  readonly engine: TranscriberEngine | SpotterEngineName | 'none';
  /** What was heard ('' for nothing); null when there is no transcript (see message). */
  readonly text: string | null;
  /** Word times in frames of the session's audio.wav. */
  readonly words: readonly RecognisedWord[];
  /** Why there is no transcript (no recogniser, or it failed); null when text is set. */
  readonly message: string | null;
}
