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
  return similarityOf(a, b, synonyms?.get(a.lemma), synonyms?.get(b.lemma), spellingRow(a.word));
}

/**
 * wordSimilarity with the words' synonym groups and the first word's spelling row looked up
 * already (a wording is compared with every word of every answer: each lookup is done once).
 */
export function similarityOf(a: TextToken, b: TextToken, groupA: number | undefined, groupB: number | undefined, rowA: SpellingRow): number {
  if (a.lemma === b.lemma || a.word === b.word) return 1;
  if (groupA !== undefined && groupA === groupB) return SYNONYM;
  let similarity = rowA.get(b.word);
  if (similarity === undefined) {
    similarity = spellingSimilarityOf(a.word, b.word);
    rowA.set(b.word, similarity);
    spellingCached++;
  }
  return similarity;
}

/** How alike in sound or spelling one word is to others; the same pairs come up for every answer and wording, so they are kept. */
export type SpellingRow = Map<string, number>;
const spellingCache = new Map<string, SpellingRow>();
let spellingCached = 0;
export function spellingRow(word: string): SpellingRow {
  let row = spellingCache.get(word);
  if (!row) {
    if (spellingCached > 200_000) {
      spellingCache.clear();
      spellingCached = 0;
    }
    row = new Map<string, number>();
    spellingCache.set(word, row);
  }
  return row;
}

function spellingSimilarityOf(a: string, b: string): number {
  if (/\d/.test(a) || /\d/.test(b)) return 0;
  if (Math.min(a.length, b.length) >= 4) {
    const [a1, a2] = sound(a);
    const [b1, b2] = sound(b);
    if (a1 !== '' && (a1 === b1 || a1 === b2 || a2 === b1)) return SAME_SOUND;
  }
  if (Math.min(a.length, b.length) >= 5 && distance(a, b) <= 1) return NEAR_SPELLING;
  return 0;
}
