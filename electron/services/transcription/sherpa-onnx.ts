import { cpus } from 'node:os';
import { loadSherpaOnnx, SHERPA_PLATFORM_PACKAGE, sherpaOnnxEntry, type SherpaOfflineConfig, type SherpaOfflineRecognizer, type SherpaOnnxModule } from './sherpa-onnx-binding.js';
import { findSherpaModel, SHERPA_FETCH_COMMAND, type SherpaModelFiles } from './sherpa-onnx-model.js';
import { wordsFromSherpaResult } from './sherpa-onnx-output.js';
import { probeSherpaModel, type ProbeResult } from './sherpa-onnx-probe.js';
import { TRANSCRIBER_SAMPLE_RATE, type Transcriber, type TranscriberAvailability, type Transcript } from './transcriber.js';

export interface SherpaOnnxOptions {
  /** Folders that may hold the model's folder, first match wins: `<data dir>/models`, then the app's resources. */
  readonly modelsDirs: readonly string[];
  /** Decoder threads; by default the machine's cores, at most 4. */
  readonly threads?: number;
  /** Loads the package; tests pass one that fails to see the "not installed" path. */
  readonly load?: () => SherpaOnnxModule;
  /** Loads the model in a child process first (sherpa-onnx aborts the process on a damaged model). */
  readonly probe?: (config: SherpaOfflineConfig) => Promise<ProbeResult>;
}

/** Version of sherpa-onnx-node's addon on this machine; null where it does not load. */
export function sherpaOnnxVersion(load: () => SherpaOnnxModule = loadSherpaOnnx): string | null {
  try {
    return load().version;
  } catch {
    return null;
  }
}

export function sherpaConfig(files: SherpaModelFiles, threads: number): SherpaOfflineConfig {
  return {
    featConfig: { sampleRate: TRANSCRIBER_SAMPLE_RATE, featureDim: 80 },
    modelConfig: { transducer: { encoder: files.encoder, decoder: files.decoder, joiner: files.joiner }, tokens: files.tokens, numThreads: threads, provider: 'cpu', debug: 0 },
    decodingMethod: 'greedy_search',
  };
}

/**
 * sherpa-onnx (k2-fsa's next-gen Kaldi on onnxruntime) through sherpa-onnx-node's prebuilt addon,
 * with the Zipformer transducer of sherpa-onnx-model.ts. Greedy search, so the same samples give
 * the same words; the model is loaded once, on the first transcription, after a child process
 * has loaded it without crashing.
 */
export function createSherpaOnnxTranscriber(opts: SherpaOnnxOptions): Transcriber {
  const load = opts.load ?? loadSherpaOnnx;
  const threads = opts.threads ?? Math.max(1, Math.min(4, cpus().length));
  const probe = opts.probe ?? ((config: SherpaOfflineConfig) => probeSherpaModel(sherpaOnnxEntry(), config));
  let recognizer: Promise<SherpaOfflineRecognizer> | null = null;

  function addon(): SherpaOnnxModule {
    try {
      return load();
    } catch (error) {
      const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      throw new Error(`sherpa-onnx is not installed for ${process.platform}-${process.arch} (the package ${SHERPA_PLATFORM_PACKAGE} is missing or does not load: ${detail}). Reinstall with \`npm ci\`.`, { cause: error });
    }
  }

  /** The model's files once a child process has loaded them; else why not, for a person. */
  async function usableModel(): Promise<{ files: SherpaModelFiles } | { message: string }> {
    const model = await findSherpaModel(opts.modelsDirs);
    if (!model.found) return { message: model.message };
    const probed = await probe(sherpaConfig(model.files, threads));
    if (!probed.ok) return { message: `sherpa-onnx could not load the model in ${model.files.dir} (${probed.reason}). Delete that folder and run \`${SHERPA_FETCH_COMMAND}\` again.` };
    return { files: model.files };
  }

  async function availability(): Promise<TranscriberAvailability> {
    try {
      addon();
    } catch (error) {
      return { available: false, message: (error as Error).message };
    }
    const model = await usableModel();
    return 'message' in model ? { available: false, message: model.message } : { available: true };
  }

  async function open(): Promise<SherpaOfflineRecognizer> {
    const sherpa = addon();
    const model = await usableModel();
    if ('message' in model) throw new Error(model.message);
    return sherpa.OfflineRecognizer.createAsync(sherpaConfig(model.files, threads));
  }

  async function transcribe(samples: Int16Array): Promise<Transcript> {
    if (samples.length === 0) return { text: '', words: [] };
    recognizer ??= open().catch((error: unknown) => {
      recognizer = null;
      throw error;
    });
    const ready = await recognizer;
    const stream = ready.createStream();
    const floats = Float32Array.from(samples, (s) => s / 32768);
    stream.acceptWaveform({ samples: floats, sampleRate: TRANSCRIBER_SAMPLE_RATE });
    const result = await ready.decodeAsync(stream);
    return wordsFromSherpaResult(result, TRANSCRIBER_SAMPLE_RATE, samples.length);
  }

  return { engine: 'sherpa-onnx', availability, transcribe };
}
