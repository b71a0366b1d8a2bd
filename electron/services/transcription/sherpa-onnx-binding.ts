import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/**
 * The part of sherpa-onnx-node's API (1.13) used here: an offline (non-streaming) recogniser.
 * The package's JavaScript loads the prebuilt addon from its platform package,
 * `sherpa-onnx-<win|darwin|linux>-<arch>` (an optionalDependency, so npm installs only this OS's).
 */
export interface SherpaOfflineConfig {
  readonly featConfig: { readonly sampleRate: number; readonly featureDim: number };
  readonly modelConfig: {
    readonly transducer: { readonly encoder: string; readonly decoder: string; readonly joiner: string };
    readonly tokens: string;
    readonly numThreads: number;
    readonly provider: 'cpu';
    readonly debug: 0;
  };
  readonly decodingMethod: 'greedy_search';
}

/** OfflineRecognitionResult::AsJsonString() of sherpa-onnx: times in seconds from the start. */
export interface SherpaOfflineResult {
  readonly text: string;
  readonly tokens: readonly string[];
  readonly timestamps: readonly number[];
  /** Per token, when the model gives them (often empty for transducers). */
  readonly durations?: readonly number[];
  /** Natural log of each emitted token's probability. */
  readonly ys_log_probs?: readonly number[];
}

export interface SherpaOfflineStream {
  acceptWaveform(wave: { samples: Float32Array; sampleRate: number }): void;
}

export interface SherpaOfflineRecognizer {
  createStream(): SherpaOfflineStream;
  decodeAsync(stream: SherpaOfflineStream): Promise<SherpaOfflineResult>;
}

export interface SherpaOnnxModule {
  readonly version: string;
  readonly OfflineRecognizer: { createAsync(config: SherpaOfflineConfig): Promise<SherpaOfflineRecognizer> };
}

/** The platform package for this machine, named as sherpa-onnx-node names it ('win' for win32). */
export const SHERPA_PLATFORM_PACKAGE = `sherpa-onnx-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;

const require = createRequire(import.meta.url);

/** Path of sherpa-onnx-node's main file, for the probe process; throws when the package is not installed. */
export function sherpaOnnxEntry(): string {
  return require.resolve('sherpa-onnx-node');
}

/** The package folder (README and status screen). */
export function sherpaOnnxPackageDir(): string {
  return dirname(sherpaOnnxEntry());
}

/** Loads sherpa-onnx-node and its addon; throws (with the package's own list of tried paths) when this OS has none. */
export function loadSherpaOnnx(): SherpaOnnxModule {
  return require('sherpa-onnx-node') as SherpaOnnxModule;
}
