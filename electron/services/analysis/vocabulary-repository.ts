import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_VOCABULARY_SIZE, parseVocabulary, type ParseVocabularyOptions, type ParsedVocabulary } from '../../../core/judgement/vocabulary-load.js';
import { displayName } from '../scenarios/scenario-repository.js';

/**
 * The shared vocabulary of moves and red flags lives next to the scenarios, in
 * `<scenariosDir>/judgement/moves.yaml` (a subfolder, so it is never listed as a scenario).
 */
export function vocabularyFile(scenariosDir: string): string {
  return join(scenariosDir, 'judgement', 'moves.yaml');
}

export function loadVocabularyFile(file: string, options: ParseVocabularyOptions = {}): ParsedVocabulary {
  try {
    if (statSync(file).size > MAX_VOCABULARY_SIZE) return parseVocabulary(displayName(file), 'x'.repeat(MAX_VOCABULARY_SIZE + 1));
    return parseVocabulary(displayName(file), readFileSync(file, 'utf8'), options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { vocabulary: null, problems: [{ file: displayName(file), line: 1, col: 1, message: `cannot read the file (${code})` }] };
  }
}

/** The vocabulary of the scenarios folder, or null with the problems that keep it out. */
export function loadVocabulary(scenariosDir: string, options: ParseVocabularyOptions = {}): ParsedVocabulary {
  return loadVocabularyFile(vocabularyFile(scenariosDir), options);
}
