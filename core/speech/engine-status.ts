/**
 * The speech engines as the coach's status screen shows them (getSpeechStatus), and what the
 * "test my microphone and recogniser" button gets back (testRecogniser).
 */

export type SpeechEngineId = 'pocketsphinx' | 'whisper' | 'sherpa-onnx' | 'phrase-spotter';

/** One engine: whether it can run here, and its model as it is on disk. */
export interface SpeechEngineStatus {
  readonly id: SpeechEngineId;
  /** For people: 'pocketsphinx', 'whisper.cpp', 'phrase spotter (soundswallower)'. */
  readonly label: string;
  /** True when it can run here now (program or binding and model all present). */
  readonly installed: boolean;
  /** The program's, package's or binding's version; null when it is not there to ask. */
  readonly version: string | null;
  /** The model's id; null when there is none. */
  readonly model: string | null;
  /** The model files, absolute paths (a folder's files listed one by one). */
  readonly modelFiles: readonly string[];
  /** Their total size in bytes, measured on disk; 0 when there is no model. */
  readonly modelBytes: number;
  /** One plain sentence: what was found, or why it cannot run and how to fix that. */
  readonly detail: string;
}

/** Which engine does a job, and why, in one plain sentence. */
export interface EngineChoice {
  /** null: no engine can do it here. */
  readonly engine: SpeechEngineId | null;
  readonly reason: string;
}

export interface SpeechStatus {
  /** pocketsphinx, whisper, phrase spotter: always all three, in that order. */
  readonly engines: readonly SpeechEngineStatus[];
  /** The free transcript the coach reads after a call (the settings' choice among what is installed). */
  readonly transcripts: EngineChoice;
  /** What decides the scenario's branch rules while the call is on. */
  readonly branching: EngineChoice;
}

/** A word the recogniser test heard; times in seconds from the start of the recording. */
export interface TestWord {
  readonly word: string;
  readonly start: number;
  readonly end: number;
  /** 0 to 1. */
  readonly confidence: number;
}

export interface RecogniserTest {
  /** The engine that listened: 'pocketsphinx', 'whisper' or 'soundswallower-spotter 0.6.3'. */
  readonly engine: string;
  /** True when the phrase spotter listened (only the shipped scenarios' phrases can be heard). */
  readonly spotter: boolean;
  /** Seconds of audio heard. */
  readonly seconds: number;
  readonly text: string;
  readonly words: readonly TestWord[];
  /** What the coach should know about this result (e.g. that only scenario phrases were listened for); null when nothing. */
  readonly note: string | null;
}

/** The longest recording testRecogniser takes. */
export const MAX_TEST_RECORDING_SECONDS = 10;
/** The sample rates testRecogniser accepts (the app records at 16 kHz). */
export const MIN_TEST_SAMPLE_RATE = 8000;
export const MAX_TEST_SAMPLE_RATE = 48_000;

/** The engine choice in one line, as `npm run rehearse` prints it. */
export function speechStatusLine(status: SpeechStatus): string {
  const name = (id: SpeechEngineId | null) => status.engines.find((e) => e.id === id)?.label ?? 'none';
  return `speech: transcripts by ${name(status.transcripts.engine)} (${status.transcripts.reason}); branches by ${name(status.branching.engine)} (${status.branching.reason})`;
}
