/**
 * npm run scenarios:check [files or folders...]
 *
 * Validates scenario files (default: every scenarios/*.yaml, the checklists in
 * scenarios/checklists/ and the moves vocabulary in scenarios/judgement/moves.yaml).
 * Checklists are read first, so that a branch's `because` and a move's `item` are checked
 * against the items that exist. Prints one `file:line:col: message` line per problem on stdout, a
 * summary on stderr, and exits 1 if there is any problem. Words the phrase spotter's dictionary
 * lacks are warned about on stderr (same format, "warning:"), without failing the check.
 * Clips are looked up in `<dir of file>/audio/<scenario-id>/`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Checklist } from '../core/analysis/checklist-schema.js';
import type { Vocabulary } from '../core/judgement/vocabulary-schema.js';
import { checkRuleProblems } from '../core/analysis/turn-checks.js';
import { formatProblem } from '../core/scenario/load.js';
import type { Scenario, ScenarioProblem } from '../core/scenario/schema.js';
import { checklistsDir, listChecklistFiles, loadChecklistFile } from '../electron/services/analysis/checklist-repository.js';
import { loadVocabularyFile, vocabularyFile } from '../electron/services/analysis/vocabulary-repository.js';
import { displayName, listScenarioFiles, loadScenarioFile } from '../electron/services/scenarios/scenario-repository.js';
import { dictionaryWarnings } from '../electron/services/speech/dictionary-warnings.js';

const DEFAULT_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function filesToCheck(args: readonly string[]): { files: string[]; problems: ScenarioProblem[] } {
  const files: string[] = [];
  const problems: ScenarioProblem[] = [];
  for (const arg of args.length > 0 ? args : [DEFAULT_DIR]) {
    if (!isDirectory(arg)) {
      files.push(arg);
      continue;
    }
    try {
      files.push(...listScenarioFiles(arg));
      if (isDirectory(checklistsDir(arg))) files.push(...listChecklistFiles(checklistsDir(arg)));
      if (existsSync(vocabularyFile(arg))) files.push(vocabularyFile(arg));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      problems.push({ file: displayName(arg), line: 1, col: 1, message: `cannot read the folder (${code})` });
    }
  }
  return { files, problems };
}

/** checkRuleProblems, placed on the line that names the item. */
function checkRuleProblemsIn(file: string, scenario: Scenario, checklists: readonly Checklist[]): ScenarioProblem[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  return checkRuleProblems(scenario, checklists).map((p) => {
    const index = lines.findIndex((l) => new RegExp(`item:\\s*${p.item}\\b`).test(l));
    const line = lines[index];
    return { file: displayName(file), line: index + 1 || 1, col: line ? line.indexOf('check') + 1 || 1 : 1, message: p.message };
  });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function main(args: readonly string[]): number {
  const { files, problems } = filesToCheck(args);
  // Checklists (checklists/<id>.yaml next to the scenarios) are checked with their own schema.
  // The moves vocabulary (judgement/moves.yaml) with its own.
  const folderOf = (file: string) => basename(dirname(resolve(file)));
  const checklistLoads = new Map(files.filter((f) => folderOf(f) === 'checklists').map((f) => [f, loadChecklistFile(f)]));
  const checklists = [...checklistLoads.values()].flatMap((l): Checklist[] => (l.checklist ? [l.checklist] : []));
  const items = new Set(checklists.flatMap((c) => c.items.map((item) => `${c.id}/${item.id}`)));
  const itemExists = checklists.length > 0 ? (ref: string) => items.has(ref) : undefined;
  const scenarios: { file: string; scenario: Scenario }[] = [];
  let vocabulary: Vocabulary | null = null;
  // Problems in the order the files were given.
  for (const file of files) {
    const checklist = checklistLoads.get(file);
    if (checklist) {
      problems.push(...checklist.problems);
    } else if (folderOf(file) === 'judgement') {
      const parsed = loadVocabularyFile(file, itemExists ? { itemExists } : {});
      vocabulary = parsed.vocabulary ?? vocabulary;
      problems.push(...parsed.problems);
    } else {
      const loaded = loadScenarioFile(file, true, itemExists);
      if (loaded.scenario) scenarios.push({ file, scenario: loaded.scenario });
      problems.push(...loaded.problems);
    }
  }
  // Branch rules on checklist results must name an item the call can judge.
  if (checklists.length > 0) for (const { file, scenario } of scenarios) problems.push(...checkRuleProblemsIn(file, scenario, checklists));
  for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);
  // Warnings do not fail the check: the words are still listened for, on a guessed pronunciation.
  const warnings = scenarios.flatMap(({ file, scenario }) => dictionaryWarnings(displayName(file), readFileSync(file, 'utf8'), { scenario, vocabulary, checklists }));
  for (const warning of warnings) process.stderr.write(`${formatProblem(warning)}\n`);
  process.stderr.write(`scenarios:check: ${plural(files.length, 'file')}, ${plural(problems.length, 'problem')}, ${plural(warnings.length, 'warning')}\n`);
  return problems.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
