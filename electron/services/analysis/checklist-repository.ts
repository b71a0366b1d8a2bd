import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_CHECKLIST_SIZE, parseChecklist } from '../../../core/analysis/checklist-load.js';
import type { Checklist } from '../../../core/analysis/checklist-schema.js';
import type { ScenarioProblem } from '../../../core/scenario/schema.js';
import { displayName } from '../scenarios/scenario-repository.js';

/** Checklists live next to the scenarios, in `<scenariosDir>/checklists/<id>.yaml`. */
export function checklistsDir(scenariosDir: string): string {
  return join(scenariosDir, 'checklists');
}

export function listChecklistFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(dir, name));
}

export function loadChecklistFile(file: string): { checklist: Checklist | null; problems: ScenarioProblem[] } {
  try {
    if (statSync(file).size > MAX_CHECKLIST_SIZE) return parseChecklist(displayName(file), 'x'.repeat(MAX_CHECKLIST_SIZE + 1));
    return parseChecklist(displayName(file), readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { checklist: null, problems: [{ file: displayName(file), line: 1, col: 1, message: `cannot read the file (${code})` }] };
  }
}

/** Every valid checklist in the folder, and the problems of the others. */
export function loadChecklists(scenariosDir: string): { checklists: Checklist[]; problems: ScenarioProblem[] } {
  const dir = checklistsDir(scenariosDir);
  let files: string[];
  try {
    files = listChecklistFiles(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { checklists: [], problems: [{ file: displayName(dir), line: 1, col: 1, message: `cannot read the checklists folder (${code})` }] };
  }
  const checklists: Checklist[] = [];
  const problems: ScenarioProblem[] = [];
  for (const file of files) {
    const result = loadChecklistFile(file);
    if (result.checklist) checklists.push(result.checklist);
    problems.push(...result.problems);
  }
  return { checklists, problems };
}
