import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';
import type { TextToken } from './text.js';

/**
 * How alike two words are, 0 to 1, tolerant of what recognisers get wrong: the same lemma is
 * 1; the same sound (Double Metaphone: "sorry"/"sori", "apologise"/"apologize") 0.85; one
 * letter off in a longer word ("recieve") 0.7. Short words must match exactly: "a" is not "i".
 */
export const SAME_SOUND = 0.85;
export const NEAR_SPELLING = 0.7;

const soundCache = new Map<string, readonly [string, string]>();
function sound(word: string): readonly [string, string] {
  let s = soundCache.get(word);
  if (!s) {
    s = doubleMetaphone(word);
    if (soundCache.size > 50_000) soundCache.clear();
    soundCache.set(word, s);
  }
  return s;
}

/** Words that mean the same here (from the vocabulary's `synonyms`), by lemma: group number. */
export type Synonyms = ReadonlyMap<string, number>;
export const SYNONYM = 0.9;

export function synonymIndex(groups: readonly (readonly TextToken[])[]): Synonyms {
  const index = new Map<string, number>();
  groups.forEach((group, g) => {
    for (const t of group) if (!index.has(t.lemma)) index.set(t.lemma, g);
  });
  return index;
}

export function wordSimilarity(a: TextToken, b: TextToken, synonyms?: Synonyms): number {
  if (a.lemma === b.lemma || a.word === b.word) return 1;
  const ga = synonyms?.get(a.lemma);
  if (ga !== undefined && ga === synonyms?.get(b.lemma)) return SYNONYM;
  if (/\d/.test(a.word) || /\d/.test(b.word)) return 0;
  if (Math.min(a.word.length, b.word.length) >= 4) {
    const [a1, a2] = sound(a.word);
    const [b1, b2] = sound(b.word);
    if (a1 !== '' && (a1 === b1 || a1 === b2 || a2 === b1)) return SAME_SOUND;
  }
  if (Math.min(a.word.length, b.word.length) >= 5 && distance(a.word, b.word) <= 1) return NEAR_SPELLING;
  return 0;
}
