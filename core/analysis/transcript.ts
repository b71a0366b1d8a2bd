import { normalizeText } from '../scenario/branch-rules.js';

/** A recognised word on the recording (frames of audio.wav). */
export interface TranscriptWord {
  readonly word: string;
  readonly startFrame: number;
  readonly endFrame: number;
  /** The recogniser's confidence, 0 to 1; absent in analyses made before it was kept. */
  readonly confidence?: number;
}

/** What the speech recogniser made of one spoken answer. */
export interface TurnTranscript {
  readonly text: string;
  readonly words: readonly TranscriptWord[];
}

/** Words of a text for phrase matching: lower case, curly quotes straightened, punctuation dropped. */
export function tokens(text: string): string[] {
  return normalizeText(text)
    .replace(/[^a-z0-9' ]+/g, ' ')
    .split(' ')
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 0);
}

export interface PhraseHit {
  readonly phrase: string;
  /** Index of the first and one past the last matched token. */
  readonly from: number;
  readonly to: number;
}

/** Every occurrence of each phrase (as a whole-word sequence) in `words`. */
export function findPhrases(words: readonly string[], phrases: readonly string[]): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (const phrase of phrases) {
    const needle = tokens(phrase);
    if (needle.length === 0) continue;
    for (let i = 0; i + needle.length <= words.length; i++) {
      if (needle.every((w, k) => words[i + k] === w)) hits.push({ phrase, from: i, to: i + needle.length });
    }
  }
  return hits.sort((a, b) => a.from - b.from || a.phrase.localeCompare(b.phrase));
}

/** A few words either side of a hit, for the evidence quote. */
export function quoteAround(words: readonly string[], hit: PhraseHit, context = 4): string {
  const start = Math.max(0, hit.from - context);
  const end = Math.min(words.length, hit.to + context);
  return `${start > 0 ? '... ' : ''}${words.slice(start, end).join(' ')}${end < words.length ? ' ...' : ''}`;
}

const STOP_WORDS = new Set(
  'a an the and or but so i i\'m me my you your we our it it\'s is are was were be been to of in on for at with that this as what do did just very really'.split(' '),
);

/** A crude English stem ("helping" and "helps" -> "help"), enough to match a paraphrase. */
export function stem(word: string): string {
  for (const suffix of ['ing', 'ed', 'es', 's', 'ly']) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

/** Stems of the content words (no short function words), for comparing what two answers say. */
export function contentWords(words: readonly string[]): Set<string> {
  return new Set(words.filter((w) => w.length > 2 && !STOP_WORDS.has(w)).map(stem));
}
