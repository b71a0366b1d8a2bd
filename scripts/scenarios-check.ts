/**
 * npm run scenarios:check [files or folders...]
 *
 * Validates scenario files (default: every scenarios/*.yaml, and the checklists in
 * scenarios/checklists/). Prints one `file:line:col: message` line per problem on stdout, a
 * summary on stderr, and exits 1 if there is any problem.
 * Clips are looked up in `<dir of file>/audio/<scenario-id>/`.
 */
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem } from '../core/scenario/load.js';
import type { ScenarioProblem } from '../core/scenario/schema.js';
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

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function main(args: readonly string[]): number {
  const { files, problems } = filesToCheck(args);
  // Checklists (checklists/<id>.yaml next to the scenarios) are checked with their own schema.
  for (const file of files) problems.push(...(basename(dirname(resolve(file))) === 'checklists' ? loadChecklistFile(file) : loadScenarioFile(file)).problems);
  for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);
  process.stderr.write(`scenarios:check: ${plural(files.length, 'file')}, ${plural(problems.length, 'problem')}\n`);
  return problems.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
