import { readFileSync } from 'node:fs';
import type { SpotPhrase } from '../../../core/speech/recognition.js';
import { guessPronunciation } from './letter-to-sound.js';
import { isCode, phraseWords } from './phrase-words.js';
import { soundswallowerModel } from './soundswallower-model.js';

/** Word -> its pronunciations (ARPAbet), first the dictionary's main one. */
export type Dictionary = ReadonlyMap<string, readonly string[]>;

const loaded = new Map<string, Dictionary>();

/** The CMU dictionary the package ships (134k words), read once per path. */
export function loadDictionary(path = soundswallowerModel().dict): Dictionary {
  const cached = loaded.get(path);
  if (cached) return cached;
  const dict = new Map<string, string[]>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith(';;') || line.trim() === '') continue;
    const space = line.indexOf(' ');
    // Alternates are written "word(2) PHONES".
    const word = line.slice(0, space).replace(/\(\d+\)$/, '');
    const phones = line.slice(space + 1).trim();
    const prons = dict.get(word);
    if (prons) prons.push(phones);
    else dict.set(word, [phones]);
  }
  loaded.set(path, dict);
  return dict;
}

export interface WordPronunciation {
  readonly word: string;
  readonly prons: readonly string[];
  /** How it was found: 'dictionary', or a fallback the scenario validator should warn about. */
  readonly source: 'dictionary' | 'spelled' | 'compound' | 'suffix' | 'letter-to-sound';
}

const DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

function spell(token: string, dict: Dictionary): string {
  return [...token]
    .map((c) => (/\d/.test(c) ? dict.get(DIGITS[Number(c)] ?? '')?.[0] : (dict.get(`${c}.`) ?? dict.get(c))?.[0]) ?? '')
    .filter(Boolean)
    .join(' ');
}

/** "payflex" -> "pay" + "flex": two or three dictionary words of 3+ letters, fewest parts first. */
function compound(word: string, dict: Dictionary, parts = 3): string | null {
  if (dict.has(word) && word.length >= 3) return dict.get(word)?.[0] ?? null;
  if (parts <= 1) return null;
  for (let cut = word.length - 3; cut >= 3; cut--) {
    const head = dict.get(word.slice(0, cut))?.[0];
    if (!head) continue;
    const tail = compound(word.slice(cut), dict, parts - 1);
    if (tail) return `${head} ${tail}`;
  }
  return null;
}

const SUFFIXES: readonly (readonly [string, string])[] = [["'s", 'Z'], ['s', 'Z'], ['es', 'IH Z'], ['ed', 'D'], ['ing', 'IH NG'], ['er', 'ER'], ['ly', 'L IY']];

/** The pronunciations of one grammar word, with a fallback where the dictionary lacks it. */
export function pronounce(word: string, dict: Dictionary): WordPronunciation {
  const known = dict.get(word);
  if (known) return { word, prons: known, source: 'dictionary' };
  if (isCode(word) || (word.length <= 4 && !/[aeiouy]/.test(word))) return { word, prons: [spell(word, dict)], source: 'spelled' };
  for (const [suffix, phones] of SUFFIXES) {
    const base = dict.get(word.slice(0, -suffix.length))?.[0];
    if (word.endsWith(suffix) && word.length > suffix.length + 2 && base) return { word, prons: [`${base} ${phones}`], source: 'suffix' };
  }
  const parts = compound(word, dict);
  if (parts) return { word, prons: [parts], source: 'compound' };
  return { word, prons: [guessPronunciation(word)], source: 'letter-to-sound' };
}

/**
 * The words of these phrases that the dictionary lacks (their pronunciation is a guess), once
 * each, in order: for the scenario validator to warn about.
 */
export function missingWords(phrases: readonly SpotPhrase[], dict: Dictionary = loadDictionary()): string[] {
  const missing = new Set<string>();
  for (const p of phrases) for (const w of phraseWords(p.text)) if (!dict.has(w)) missing.add(w);
  return [...missing];
}
