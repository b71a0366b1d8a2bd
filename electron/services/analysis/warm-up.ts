import { readdirSync, readFileSync } from 'node:fs';
import type { Checklist } from '../../../core/analysis/checklist-schema.js';
import { analyseAnswer, cueSetFor, findCues } from '../../../core/judgement/cues.js';
import type { Vocabulary } from '../../../core/judgement/vocabulary-schema.js';
import { MOVE_IDS } from '../../../core/scenario/goals-schema.js';
import { checklistsDir, loadChecklists } from './checklist-repository.js';
import { loadVocabulary, vocabularyFile } from './vocabulary-repository.js';

/**
 * What an analysis worker can do before its job arrives (it is started when a call starts, and
 * the back end is mostly idle while the customer talks): parse the checklists and the vocabulary
 * once, and run the judgement once so its word caches and compiled code are ready at hang-up.
 */

export interface AnalysisRules {
  readonly checklists: Checklist[];
  readonly vocabulary: Vocabulary | null;
}

/** The text of every file the rules come from: the same text, the same parse. */
function rulesText(scenariosDir: string): string {
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  };
  let names: string[] = [];
  try {
    names = readdirSync(checklistsDir(scenariosDir)).sort();
  } catch {
    // No folder: loadChecklists says so.
  }
  return JSON.stringify([vocabularyFile(scenariosDir), read(vocabularyFile(scenariosDir)), names.map((n) => [n, read(`${checklistsDir(scenariosDir)}/${n}`)])]);
}

let last: { readonly scenariosDir: string; readonly text: string; readonly rules: AnalysisRules } | null = null;

/**
 * The checklists and the vocabulary of a scenarios folder, parsed again only when a file changed.
 * The same vocabulary object each time also keeps the judgement's caches keyed on it.
 */
export function analysisRules(scenariosDir: string): AnalysisRules {
  const text = rulesText(scenariosDir);
  if (last && last.scenariosDir === scenariosDir && last.text === text) return last.rules;
  const rules = { checklists: loadChecklists(scenariosDir).checklists, vocabulary: loadVocabulary(scenariosDir).vocabulary };
  last = { scenariosDir, text, rules };
  return rules;
}

/** Answers that touch most of the judgement's paths (moves, red flags, negation, slips). */
const WARM_UP_ANSWERS = [
  "I'm so sorry about that, I can see why you're upset. Let me sort it out for you right now.",
  "Well obviously that's not my problem, you should have read the email. Anything else?",
  'Could I put you on hold for a moment while I check? The next step is a refund by Friday.',
];

const wordsOf = (text: string) => text.split(/\s+/).filter((w) => w !== '').map((word, i) => ({ word, startFrame: i * 8000, endFrame: i * 8000 + 6000, confidence: 0.9 }));

/**
 * Judges answers against every move and red flag of the vocabulary and throws the results away:
 * a few made-up ones by default, or the call's own transcripts as they are made (the judgement's
 * caches then hold this call's words). Its caches are pure, so the analysis gives the same bytes.
 */
export function warmJudgement(vocabulary: Vocabulary, texts: readonly string[] = WARM_UP_ANSWERS): void {
  const set = cueSetFor(vocabulary, { expect: MOVE_IDS.map((move) => ({ move, examples: [] })), redFlags: [], facts: [] });
  for (const text of texts) findCues(analyseAnswer(wordsOf(text)), set);
}
