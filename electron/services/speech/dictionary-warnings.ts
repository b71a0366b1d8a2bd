import type { ScenarioProblem } from '../../../core/scenario/schema.js';
import { phraseWords } from './phrase-words.js';
import { loadDictionary, pronounce, type Dictionary, type WordPronunciation } from './pronunciations.js';
import { phrasesForScenario, type PhraseSources } from './scenario-phrases.js';

/**
 * The words a scenario makes the phrase spotter listen for that its dictionary lacks (names,
 * product names, booking codes): they are still listened for, with a pronunciation guessed by a
 * fallback, and a guess can be wrong, so the scenario validator warns about each one, placed on
 * the first line of the scenario file that has it.
 */

const HOW: Record<Exclude<WordPronunciation['source'], 'dictionary'>, string> = {
  spelled: 'spelled out letter by letter',
  suffix: 'a dictionary word plus an ending',
  compound: 'joined from dictionary words',
  'letter-to-sound': 'guessed from its spelling (letter-to-sound)',
};

export function dictionaryWarnings(file: string, text: string, sources: PhraseSources, dict: Dictionary = loadDictionary()): ScenarioProblem[] {
  const lines = text.split('\n');
  const seen = new Set<string>();
  const warnings: ScenarioProblem[] = [];
  for (const phrase of phrasesForScenario(sources)) {
    for (const word of phraseWords(phrase.text)) {
      if (seen.has(word) || dict.has(word)) continue;
      seen.add(word);
      const heard = pronounce(word, dict);
      if (heard.source === 'dictionary') continue;
      const { line, col } = firstMention(lines, word);
      warnings.push({ file, line, col, message: `warning: "${word}" is not in the phrase spotter's dictionary; it will be listened for as ${heard.prons[0] ?? '?'}, ${HOW[heard.source]}` });
    }
  }
  return warnings;
}

/** The first line holding the word as written (letters and digits only, any case); else the top of the file. */
function firstMention(lines: readonly string[], word: string): { line: number; col: number } {
  const letters = word.replace(/[^a-z0-9]/g, '');
  for (let i = 0; i < lines.length; i++) {
    const flat = (lines[i] ?? '').toLowerCase();
    const at = new RegExp(`(?<![a-z0-9])${letters.split('').join('[^a-z0-9]?')}(?![a-z0-9])`).exec(flat);
    if (at) return { line: i + 1, col: at.index + 1 };
  }
  return { line: 1, col: 1 };
}
