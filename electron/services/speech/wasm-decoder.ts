import type { Decoder, Segment, SoundSwallowerModule } from 'soundswallower';
import { soundswallowerModel, type SoundswallowerModel } from './soundswallower-model.js';

/** What the module has beyond its published types: the C decoder handle and the hypothesis score. */
interface ModuleInternals {
  _decoder_hyp(decoder: number, scorePtr: number): number;
}
interface DecoderInternals {
  cdecoder: number;
}

export const DECODER_SAMPLE_RATE = 16_000;
/** pocketsphinx frames: 100 per second, so 160 samples each at 16 kHz. */
export const SAMPLES_PER_FRAME = DECODER_SAMPLE_RATE / 100;

let modulePromise: Promise<SoundSwallowerModule> | null = null;

/** The WebAssembly module, instantiated once per process (about 0.2 MB of wasm). */
function wasmModule(): Promise<SoundSwallowerModule> {
  modulePromise ??= import('soundswallower').then((m) => m.default());
  return modulePromise;
}

/** One soundswallower decoder: the model loaded once, words added once, grammar set only when it changes. */
export class WasmDecoder {
  private readonly added = new Set<string>();
  private grammar: string | null = null;

  private constructor(
    private readonly module: SoundSwallowerModule,
    private readonly decoder: Decoder,
  ) {}

  /** `config`: more soundswallower settings (e.g. { wip: 0.65 }), for tuning. */
  static async create(model: SoundswallowerModel = soundswallowerModel(), config: Readonly<Record<string, string | number>> = {}): Promise<WasmDecoder> {
    const module = await wasmModule();
    const decoder = new module.Decoder({ hmm: model.hmm, dict: model.dict, samprate: DECODER_SAMPLE_RATE, loglevel: 'ERROR', ...config });
    await decoder.initialize();
    return new WasmDecoder(module, decoder);
  }

  /** Adds words ("name" or "name(2)" for an alternate) not added before. */
  addWords(entries: readonly (readonly [string, string])[]): void {
    const fresh = entries.filter(([w]) => !this.added.has(w));
    if (fresh.length === 0) return;
    this.decoder.add_words(...fresh.map(([w, p]): [string, string] => [w, p]));
    for (const [w] of fresh) this.added.add(w);
  }

  setGrammar(jsgf: string): void {
    if (this.grammar === jsgf) return;
    this.decoder.set_grammar(jsgf);
    this.grammar = jsgf;
  }

  /** Forced alignment of these (dictionary) words; replaces the grammar. */
  setAlignText(words: string): void {
    this.decoder.set_align_text(words);
    this.grammar = null;
  }

  /**
   * Starts an utterance. For audio fed as it arrives, the feature front end is rebuilt first so
   * live cepstral mean normalisation starts from its initial value every time (the same audio,
   * the same words); a whole utterance is normalised by its own mean and needs no reset.
   */
  async start(live = true): Promise<void> {
    if (live) await this.decoder.reinitialize_audio();
    this.decoder.start();
  }

  /** Decodes more audio; `wholeUtterance` when this is all of it (better normalisation). */
  feed(samples: Int16Array, wholeUtterance = false): void {
    if (samples.length === 0) return;
    const pcm = new Float32Array(samples.length);
    for (let i = 0; i < samples.length; i++) pcm[i] = (samples[i] ?? 0) / 32768;
    this.decoder.process_audio(pcm, false, wholeUtterance);
  }

  stop(): void {
    this.decoder.stop();
  }

  /** The best path, word by word (start and duration in seconds, posterior p). */
  segments(): readonly Segment[] {
    return this.decoder.get_alignment().w ?? [];
  }

  /** The best path's total score (log base 1.0001), or null when there is no hypothesis. */
  pathScore(): number | null {
    const internals = this.module as unknown as ModuleInternals & SoundSwallowerModule;
    const ptr = internals._malloc(4);
    try {
      const hyp = internals._decoder_hyp((this.decoder as unknown as DecoderInternals).cdecoder, ptr);
      return hyp === 0 ? null : (internals.HEAP32[ptr >> 2] ?? null);
    } finally {
      internals._free(ptr);
    }
  }

  /** Decodes `samples` as one whole utterance and returns the best path's score. */
  async scoreWhole(samples: Int16Array): Promise<number | null> {
    await this.start(false);
    this.feed(samples, true);
    this.stop();
    return this.pathScore();
  }

  delete(): void {
    this.decoder.delete();
  }
}
