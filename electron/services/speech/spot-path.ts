import type { Segment } from 'soundswallower';
import type { HeardWord } from '../../../core/speech/recognition.js';
import { PHONE_WORD_PREFIX, type SpotGrammar } from './spot-grammar.js';
import { DECODER_SAMPLE_RATE } from './wasm-decoder.js';

/** Words of the best path that are silence or noise, not speech. */
const NON_SPEECH = new Set(['<s>', '</s>', '<sil>', '[NOISE]', '[SPEECH]', '(NULL)']);
/** What a stretch of the phone loop is reported as among the heard words. */
export const FILLER_WORD = '[filler]';

/** A phrase the best path went through: which one, and its audio frames. */
export interface PathHit {
  readonly phrase: number;
  readonly startFrame: number;
  readonly endFrame: number;
  /** Indices into PathReading.words of the phrase's words. */
  readonly wordIndices: readonly number[];
}

export interface PathReading {
  /** Phrase words and filler stretches in order; confidence still to be set. */
  readonly words: readonly HeardWord[];
  readonly hits: readonly PathHit[];
}

const toFrame = (seconds: number) => Math.round(seconds * 100) * (DECODER_SAMPLE_RATE / 100);

/** Reads the decoder's best path back into words (aliases to real words) and phrase hits. */
export function readPath(segments: readonly Segment[], grammar: SpotGrammar): PathReading {
  const words: HeardWord[] = [];
  const hits: { phrase: number; startFrame: number; endFrame: number; wordIndices: number[]; next: number }[] = [];
  for (const seg of segments) {
    const name = seg.t.replace(/\(\d+\)$/, '');
    if (NON_SPEECH.has(name)) continue;
    const startFrame = toFrame(seg.b);
    const endFrame = toFrame(seg.b + seg.d);
    if (name.startsWith(PHONE_WORD_PREFIX)) {
      const last = words.at(-1);
      if (last?.word === FILLER_WORD) words[words.length - 1] = { ...last, endFrame };
      else words.push({ word: FILLER_WORD, startFrame, endFrame, confidence: 0 });
      continue;
    }
    const at = grammar.aliasOf.get(name);
    if (!at) continue;
    const [phrase, index] = at;
    const word = grammar.phrases[phrase]?.words[index] ?? name;
    words.push({ word, startFrame, endFrame, confidence: 0 });
    const open = hits.at(-1);
    // The grammar only allows whole phrases, so word 0 opens a hit and the rest follow in order.
    if (index === 0 || !open || open.phrase !== phrase || open.next !== index) {
      hits.push({ phrase, startFrame, endFrame, wordIndices: [words.length - 1], next: index + 1 });
    } else {
      open.endFrame = endFrame;
      open.wordIndices.push(words.length - 1);
      open.next = index + 1;
    }
  }
  return { words, hits: hits.map(({ next: _next, ...hit }) => hit) };
}
