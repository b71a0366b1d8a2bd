/**
 * The one recogniser contract (back end): what every engine returns, free transcript or
 * phrase spotter, for branching during the call and for the analysis after it.
 * Frames count from the first sample handed to the engine unless a caller says otherwise.
 */

/** Which engine heard it: recorded in analysis.json and the session manifest. */
export interface EngineInfo {
  /** 'pocketsphinx', 'soundswallower', 'whisper', 'sherpa-onnx' */
  readonly name: string;
  readonly version: string;
  /** The model's id, e.g. 'en-us (cmusphinx 5.2)' or 'ggml-base.en'. */
  readonly model: string;
}

export interface HeardWord {
  readonly word: string;
  readonly startFrame: number;
  /** One past the last frame of the word. */
  readonly endFrame: number;
  /** 0 to 1: how sure the engine is of this word. */
  readonly confidence: number;
  /** Other words the engine considered here, best first, where it gives them. */
  readonly alternatives?: readonly string[];
}

/** A free transcript of a stretch of speech. */
export interface Transcription {
  readonly engine: EngineInfo;
  readonly text: string;
  readonly words: readonly HeardWord[];
}

/** A phrase of a grammar to listen for, with what it stands for (e.g. 'flag:sarcasm'). */
export interface SpotPhrase {
  readonly text: string;
  readonly tag: string;
}

/** A phrase the spotter heard. */
export interface SpottedPhrase {
  readonly text: string;
  readonly tag: string;
  readonly startFrame: number;
  readonly endFrame: number;
  /** 0 to 1; see README (speech) for how it is computed and how well it separates. */
  readonly confidence: number;
}

export interface Spotting {
  readonly engine: EngineInfo;
  readonly phrases: readonly SpottedPhrase[];
  /** Everything the decoder matched, fillers included, in order. */
  readonly words: readonly HeardWord[];
}
