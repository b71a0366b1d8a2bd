/**
 * npm run scenarios:check [files or folders...]
 *
 * Validates scenario files (default: every scenarios/*.yaml, and the checklists in
 * scenarios/checklists/). Prints one `file:line:col: message` line per problem on stdout, a
 * summary on stderr, and exits 1 if there is any problem.
 * Clips are looked up in `<dir of file>/audio/<scenario-id>/`.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Checklist } from '../core/analysis/checklist-schema.js';
import { checkRuleProblems } from '../core/analysis/turn-checks.js';
import { formatProblem } from '../core/scenario/load.js';
import type { Scenario, ScenarioProblem } from '../core/scenario/schema.js';
import { checklistsDir, listChecklistFiles, loadChecklistFile } from '../electron/services/analysis/checklist-repository.js';
import { displayName, listScenarioFiles, loadScenarioFile } from '../electron/services/scenario-repository.js';

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
  const checklists: Checklist[] = [];
  const scenarios: { file: string; scenario: Scenario }[] = [];
  for (const file of files) {
    if (basename(dirname(resolve(file))) === 'checklists') {
      const loaded = loadChecklistFile(file);
      if (loaded.checklist) checklists.push(loaded.checklist);
      problems.push(...loaded.problems);
    } else {
      const loaded = loadScenarioFile(file);
      if (loaded.scenario) scenarios.push({ file, scenario: loaded.scenario });
      problems.push(...loaded.problems);
    }
  }
  // Branch rules on checklist results must name an item the call can judge.
  if (checklists.length > 0) for (const { file, scenario } of scenarios) problems.push(...checkRuleProblemsIn(file, scenario, checklists));
  for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);
  process.stderr.write(`scenarios:check: ${plural(files.length, 'file')}, ${plural(problems.length, 'problem')}\n`);
  return problems.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
