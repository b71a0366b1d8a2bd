import type { EngineInfo, HeardWord, SpotPhrase, SpottedPhrase, Spotting } from '../../../core/speech/recognition.js';
import { confidenceFromRatio, ratioPerFrame } from './confidence.js';
import { loadDictionary } from './pronunciations.js';
import { soundswallowerModel } from './soundswallower-model.js';
import { buildSpotGrammar, phoneWords, PHONE_LOOP_JSGF, type SpotGrammar } from './spot-grammar.js';
import { readPath, type PathHit } from './spot-path.js';
import { SAMPLES_PER_FRAME, WasmDecoder } from './wasm-decoder.js';

/**
 * Below this a hit is not reported as a phrase. Chosen on the bench (tests/bench/spotter.ts):
 * 0.2-0.3 found 136/162 with 6/1638 false; 0.5 found 130 with the same 6 false (the misses it
 * adds are true phrases in 15 dB noise, where every ratio shrinks).
 */
export const DEFAULT_MIN_CONFIDENCE = 0.3;

export interface SpotterOptions {
  /** Phrases whose confidence is below this are left out of `phrases` (their words stay in `words`). Default DEFAULT_MIN_CONFIDENCE. */
  readonly minConfidence?: number;
  /** Extra soundswallower settings for the grammar pass (tuning only; the defaults are the measured ones). */
  readonly decoderConfig?: Readonly<Record<string, string | number>>;
}

/** One answer decoded as it arrives. */
export interface SpotUtterance {
  /** More of the answer: mono 16 kHz samples, in order. Decodes at once. */
  feed(chunk: Int16Array): void;
  /** The answer is over: the phrases heard, with confidences. Frees the spotter for the next call. */
  finish(): Promise<Spotting>;
  /** Drops the answer and frees the spotter. */
  cancel(): void;
}

export interface Spotter {
  readonly engine: EngineInfo;
  /** Spots `phrases` in one whole answer (mono 16 kHz). */
  spot(samples: Int16Array, phrases: readonly SpotPhrase[]): Promise<Spotting>;
  /** Starts decoding an answer as it arrives (for branching during the call). */
  start(phrases: readonly SpotPhrase[]): Promise<SpotUtterance>;
  /** Loads the model now (an analysis worker waiting for its job), so the first spot does not wait for it. */
  preload?(): Promise<void>;
}

/** The two decoders: the grammar pass, and the rescoring pass (phrase alone vs phone loop). */
interface Decoders {
  readonly main: WasmDecoder;
  readonly rescore: WasmDecoder;
}

/**
 * The phrase spotter that ships inside the app: soundswallower (PocketSphinx in WebAssembly) with
 * a grammar "(phrase | phone)*" built only from the phrases given. The model loads on first use
 * and is kept; calls run one at a time (the decoders hold one utterance each).
 */
export function createSpotter(options: SpotterOptions = {}): Spotter {
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const model = soundswallowerModel();
  let decoders: Promise<Decoders> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const loadDecoders = (): Promise<Decoders> => {
    decoders ??= (async () => {
      const [main, rescore] = await Promise.all([WasmDecoder.create(model, options.decoderConfig), WasmDecoder.create(model)]);
      rescore.addWords(phoneWords());
      return { main, rescore };
    })();
    return decoders;
  };

  /** Waits for the calls before this one; resolves with a function that lets the next one go. */
  const acquire = (): Promise<() => void> => {
    let release = () => {};
    const turn = new Promise<void>((resolve) => (release = resolve));
    const ready = queue.then(() => release);
    queue = queue.then(() => turn);
    return ready;
  };

  const prepare = async (phrases: readonly SpotPhrase[]) => {
    const d = await loadDecoders();
    const grammar = buildSpotGrammar(phrases, loadDictionary(model.dict));
    d.main.addWords(grammar.entries);
    d.rescore.addWords(grammar.entries);
    if (grammar.phrases.length > 0) d.main.setGrammar(grammar.jsgf);
    return { d, grammar };
  };

  const result = async (d: Decoders, grammar: SpotGrammar, samples: Int16Array): Promise<Spotting> => {
    const path = readPath(d.main.segments(), grammar);
    // One after another: the rescoring decoder holds one utterance at a time.
    const confidences: number[] = [];
    for (const hit of path.hits) confidences.push(await hitConfidence(d.rescore, grammar, hit, samples));
    const words: HeardWord[] = [...path.words];
    const phrases: SpottedPhrase[] = [];
    path.hits.forEach((hit, i) => {
      const confidence = confidences[i] ?? 0;
      for (const w of hit.wordIndices) {
        const word = words[w];
        if (word) words[w] = { ...word, confidence };
      }
      if (confidence < minConfidence) return;
      const p = grammar.phrases[hit.phrase];
      for (const tag of p?.tags ?? []) phrases.push({ text: p?.text ?? '', tag, startFrame: hit.startFrame, endFrame: hit.endFrame, confidence });
    });
    return { engine: model.engine, phrases, words };
  };

  const empty = (): Spotting => ({ engine: model.engine, phrases: [], words: [] });

  return {
    engine: model.engine,

    async preload() {
      await loadDecoders();
    },

    async spot(samples, phrases) {
      const release = await acquire();
      try {
        const { d, grammar } = await prepare(phrases);
        if (grammar.phrases.length === 0) return empty();
        await d.main.start();
        d.main.feed(samples, true);
        d.main.stop();
        return await result(d, grammar, samples);
      } finally {
        release();
      }
    },

    async start(phrases) {
      const release = await acquire();
      let open = true;
      const chunks: Int16Array[] = [];
      try {
        const { d, grammar } = await prepare(phrases);
        const listening = grammar.phrases.length > 0;
        if (listening) await d.main.start();
        const close = () => {
          open = false;
          release();
        };
        return {
          feed(chunk) {
            if (!open) throw new Error('this answer is already finished');
            chunks.push(chunk.slice());
            if (listening) d.main.feed(chunk);
          },
          async finish() {
            if (!open) throw new Error('this answer is already finished');
            try {
              if (!listening) return empty();
              d.main.stop();
              return await result(d, grammar, concat(chunks));
            } finally {
              close();
            }
          },
          cancel() {
            if (!open) return;
            if (listening) d.main.stop();
            close();
          },
        };
      } catch (error) {
        release();
        throw error;
      }
    },
  };
}

/** Phrase forced onto its stretch vs the free phone loop on the same stretch (see confidence.ts). */
async function hitConfidence(rescore: WasmDecoder, grammar: SpotGrammar, hit: PathHit, samples: Int16Array): Promise<number> {
  const stretch = samples.subarray(hit.startFrame, hit.endFrame);
  const frames = stretch.length / SAMPLES_PER_FRAME;
  rescore.setAlignText(grammar.phrases[hit.phrase]?.aliases.join(' ') ?? '');
  const phraseScore = await rescore.scoreWhole(stretch);
  rescore.setGrammar(PHONE_LOOP_JSGF);
  const loopScore = await rescore.scoreWhole(stretch);
  return confidenceFromRatio(ratioPerFrame(phraseScore, loopScore, frames));
}

function concat(chunks: readonly Int16Array[]): Int16Array {
  const out = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
