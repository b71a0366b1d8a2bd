import { cpus } from 'node:os';
import { TRANSCRIBER_SAMPLE_RATE, type Transcriber, type TranscriberAvailability, type Transcript } from './transcriber.js';
import { loadWhisperBinding, WHISPER_PLATFORM_PACKAGE, type WhisperBinding, type WhisperContext } from './whisper-binding.js';
import { findWhisperModel, MODELS_FETCH_COMMAND } from './whisper-model.js';
import { wordsFromWhisperSegments } from './whisper-output.js';

export interface WhisperOptions {
  /** A ggml model file, or a folder holding ggml-*.bin (the first by name is used). */
  readonly model: string;
  /** Decoder threads; by default the machine's cores, at most 4. */
  readonly threads?: number;
  /** Run-time limit; by default 30 s plus 3 times the audio's length. */
  readonly timeoutMs?: number;
  /** Loads the binding; tests pass one that fails to see the "not installed" path. */
  readonly loadBinding?: () => Promise<WhisperBinding>;
}

/**
 * whisper.cpp through whisper.node's prebuilt addon (whisper-binding.ts; CPU only). The model is loaded
 * once, on the first transcription. Decoding is greedy at temperature 0 with no fallback, so the
 * same samples give the same words; word times come from token timestamps (one token per segment).
 */
export function createWhisperTranscriber(opts: WhisperOptions): Transcriber {
  const load = opts.loadBinding ?? loadWhisperBinding;
  const threads = opts.threads ?? Math.max(1, Math.min(4, cpus().length));
  let context: Promise<WhisperContext> | null = null;
  let binding: Promise<WhisperBinding> | null = null;

  function getBinding(): Promise<WhisperBinding> {
    binding ??= load().catch((error: unknown) => {
      binding = null;
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(`whisper.cpp is not installed for ${process.platform}-${process.arch} (the package ${WHISPER_PLATFORM_PACKAGE} is missing or does not load: ${detail}). Reinstall with \`npm ci\`.`, { cause: error });
    });
    return binding;
  }

  async function availability(): Promise<TranscriberAvailability> {
    const model = await findWhisperModel(opts.model);
    if (!model.found) return { available: false, message: model.message };
    try {
      await getBinding();
    } catch (error) {
      return { available: false, message: (error as Error).message };
    }
    return { available: true };
  }

  // Loading a model blocks for a moment (a ~150 MB file); it happens once per transcriber, in the analysis worker.
  async function openModel(): Promise<WhisperContext> {
    const model = await findWhisperModel(opts.model);
    if (!model.found) throw new Error(model.message);
    const whisper = await getBinding();
    try {
      return whisper.open(model.file);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(`whisper.cpp could not load the model ${model.file} (${detail}). Delete it and run \`${MODELS_FETCH_COMMAND}\` again.`, { cause: error });
    }
  }

  async function transcribe(samples: Int16Array): Promise<Transcript> {
    if (samples.length === 0) return { text: '', words: [] };
    context ??= openModel().catch((error: unknown) => {
      context = null;
      throw error;
    });
    const ctx = await context;
    const seconds = samples.length / TRANSCRIBER_SAMPLE_RATE;
    const timeoutMs = opts.timeoutMs ?? 30_000 + Math.ceil(seconds * 3000);
    // The binding reads 16-bit PCM in the machine's byte order from its own copy.
    const pcm = samples.slice().buffer;
    const job = ctx.transcribeData(pcm, { language: 'en', tokenTimestamps: true, maxLen: 1, temperature: 0, temperatureInc: 0, maxThreads: threads });
    // whisper.node (1.1) never settles the promise when whisper.cpp fails, so the time limit also catches failures.
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        void job.stop().catch(() => undefined);
        reject(new Error(`Speech recognition (whisper) did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped.`));
      }, timeoutMs);
    });
    try {
      const result = await Promise.race([job.promise, limit]);
      if (result.isAborted) throw new Error('Speech recognition (whisper) was stopped.');
      return wordsFromWhisperSegments(result.segments, TRANSCRIBER_SAMPLE_RATE, samples.length);
    } finally {
      clearTimeout(timer);
    }
  }

  return { engine: 'whisper', availability, transcribe };
}
