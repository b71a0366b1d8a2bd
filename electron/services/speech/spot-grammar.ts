import { createHash } from 'node:crypto';
import type { SpotPhrase } from '../../../core/speech/recognition.js';
import { phraseWords } from './phrase-words.js';
import { pronounce, type Dictionary } from './pronunciations.js';

/**
 * The garbage path: a loop over the model's 39 phones, each a one-phone "word". Any speech that
 * matches no phrase is absorbed by it, whatever its vocabulary (a loop of common words would
 * force unlisted words onto the nearest listed one, and would be a list of words in code).
 */
export const PHONES = ['AA', 'AE', 'AH', 'AO', 'AW', 'AY', 'B', 'CH', 'D', 'DH', 'EH', 'ER', 'EY', 'F', 'G', 'HH', 'IH', 'IY', 'JH', 'K', 'L', 'M', 'N', 'NG', 'OW', 'OY', 'P', 'R', 'S', 'SH', 'T', 'TH', 'UH', 'UW', 'V', 'W', 'Y', 'Z', 'ZH'] as const;
export const PHONE_WORD_PREFIX = 'ph_';

/** One distinct phrase of the grammar (SpotPhrases with the same words share it). */
export interface GrammarPhrase {
  readonly text: string;
  readonly tags: readonly string[];
  readonly words: readonly string[];
  /** Dictionary names of its words, unique to this phrase, so the best path says which phrase it took. */
  readonly aliases: readonly string[];
}

export interface SpotGrammar {
  readonly jsgf: string;
  /** [name, phones] to add to the decoder's dictionary ("name(2)" for alternates). */
  readonly entries: readonly (readonly [string, string])[];
  readonly phrases: readonly GrammarPhrase[];
  /** alias -> [phrase index, word index]. */
  readonly aliasOf: ReadonlyMap<string, readonly [number, number]>;
}

export const phoneWords = (): [string, string][] => PHONES.map((p) => [`${PHONE_WORD_PREFIX}${p.toLowerCase()}`, p]);

/** The phone loop alone: the competing path confidence is measured against. */
export const PHONE_LOOP_JSGF = `#JSGF V1.0;\ngrammar loop;\npublic <loop> = ( ${phoneWords().map(([w]) => w).join(' | ')} )+ ;\n`;

/** Builds the grammar "(phrase | phone)*" from the phrases given, and the words it needs. */
export function buildSpotGrammar(phrases: readonly SpotPhrase[], dict: Dictionary): SpotGrammar {
  const byWords = new Map<string, { text: string; tags: string[]; words: string[] }>();
  for (const p of phrases) {
    const words = phraseWords(p.text);
    if (words.length === 0) continue;
    const key = words.join(' ');
    const seen = byWords.get(key);
    if (seen) {
      if (!seen.tags.includes(p.tag)) seen.tags.push(p.tag);
    } else byWords.set(key, { text: p.text, tags: [p.tag], words });
  }
  const entries: [string, string][] = phoneWords();
  const aliasOf = new Map<string, readonly [number, number]>();
  const grammarPhrases: GrammarPhrase[] = [...byWords.entries()].map(([key, p], k) => {
    // Named by content, so one phrase keeps one set of dictionary words across grammars.
    const id = createHash('sha256').update(key).digest('hex').slice(0, 10);
    const aliases = p.words.map((w, j) => {
      const alias = `s${id}_${j}`;
      pronounce(w, dict).prons.forEach((pron, n) => entries.push([n === 0 ? alias : `${alias}(${n + 1})`, pron]));
      aliasOf.set(alias, [k, j]);
      return alias;
    });
    return { ...p, aliases };
  });
  const rules = grammarPhrases.map((p, k) => `<p${k}> = ${p.aliases.join(' ')};`);
  // Equal JSGF weights: raising the phrases' (tried up to 10000x) found no more phrases in noise.
  const alternatives = [...grammarPhrases.map((_, k) => `<p${k}>`), '<phone>'];
  const jsgf = [
    '#JSGF V1.0;',
    'grammar spot;',
    `<phone> = ${phoneWords().map(([w]) => w).join(' | ')};`,
    ...rules,
    `public <answer> = ( ${alternatives.join(' | ')} )* ;`,
    '',
  ].join('\n');
  return { jsgf, entries, phrases: grammarPhrases, aliasOf };
}
