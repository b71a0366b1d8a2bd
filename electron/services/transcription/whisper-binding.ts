import { createRequire } from 'node:module';

/**
 * The native whisper.cpp binding of whisper.node (github.com/mybigday/whisper.node): one prebuilt
 * package per platform, `@fugood/node-whisper-<platform>-<arch>`, whose main file is the addon.
 * Only the package for this platform is loaded, straight from the registry package; the
 * `@fugood/whisper.node` wrapper around it is not used (it pulls in CUDA and Vulkan builds).
 * These types are the part of its API used here (lib/binding.ts of whisper.node 1.1).
 */

export interface WhisperSegmentResult {
  readonly text: string;
  /** Milliseconds from the start of the audio. */
  readonly t0: number;
  readonly t1: number;
}

export interface WhisperTranscribeResult {
  readonly result: string;
  readonly segments: readonly WhisperSegmentResult[];
  readonly isAborted: boolean;
}

export interface WhisperTranscribeOptions {
  readonly language?: string;
  readonly maxThreads?: number;
  readonly maxLen?: number;
  readonly tokenTimestamps?: boolean;
  readonly temperature?: number;
  readonly temperatureInc?: number;
}

export interface WhisperContext {
  /** 16-bit PCM, mono, 16 kHz, in the machine's byte order. */
  transcribeData(audio: ArrayBuffer, options?: WhisperTranscribeOptions): { stop: () => Promise<void>; promise: Promise<WhisperTranscribeResult> };
  release(): Promise<void>;
}

export interface WhisperBinding {
  /** Loads the model; throws "Failed to initialize whisper context" when whisper.cpp refuses it. */
  open(modelFile: string): WhisperContext;
}

interface NativeModule {
  WhisperContext: new (options: { filePath: string; useGpu?: boolean }) => WhisperContext;
}

export const WHISPER_PLATFORM_PACKAGE = `@fugood/node-whisper-${process.platform}-${process.arch}`;

/** The addon for this platform; throws when its package is not installed (another platform, or --omit=optional). */
export function loadWhisperBinding(): Promise<WhisperBinding> {
  const require = createRequire(import.meta.url);
  // A native addon: its shape is checked just below.
  const native = require(WHISPER_PLATFORM_PACKAGE) as Partial<NativeModule>;
  const Context = native.WhisperContext;
  if (typeof Context !== 'function') return Promise.reject(new Error(`${WHISPER_PLATFORM_PACKAGE} has no WhisperContext`));
  return Promise.resolve({ open: (modelFile) => new Context({ filePath: modelFile, useGpu: false }) });
}
