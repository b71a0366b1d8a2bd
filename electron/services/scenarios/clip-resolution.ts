import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CLIPS_FOLDER, stillThereLine } from '../../../core/scenario/still-there.js';
import { customerLines, type CustomerLine, type CustomerLinePlan, type ScenarioOrigin, type ScenarioRoot } from '../../../core/scenario/library.js';
import { resolveClipPath, type Library, type LibraryEntry, type ScenarioRoots } from './scenario-repository.js';

/**
 * Which file plays each customer line. Per line, in order:
 *   1. a coach's recording: <user root>/audio/<id>/coach/<step>.wav, then (for a shipped
 *      scenario) <shipped root>/audio/<id>/coach/<step>.wav;
 *   2. the synthetic clip: <scenario's root>/audio/<id>/<clip>;
 *   3. missing: the renderer reads the caption with the system voice.
 * A user copy of a scenario (an imported pack) only uses clips of the user root: the shipped
 * folder's coach clips were recorded for the shipped text.
 */

export const COACH_FOLDER = 'coach';

export function coachClipPath(rootDir: string, scenarioId: string, stepId: string): string {
  return join(rootDir, 'audio', scenarioId, COACH_FOLDER, `${stepId}.wav`);
}

export interface ResolvedLine extends CustomerLine {
  /** The file that plays, or null when missing. */
  readonly path: string | null;
}

function fileVersion(path: string): string | null {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return null;
    // The inode changes on every atomic replacement, size and mtime on any other edit.
    return [stat.ino, stat.size, Math.round(stat.mtimeMs)].map((n) => n.toString(36)).join('-');
  } catch {
    return null;
  }
}

/** The roots whose coach clips count for this scenario, in priority order. */
function coachRoots(roots: ScenarioRoots, entry: LibraryEntry): { root: ScenarioRoot; dir: string }[] {
  const user = { root: 'user' as const, dir: roots.user };
  return entry.root === 'shipped' ? [user, { root: 'shipped', dir: roots.shipped }] : [user];
}

function resolvePlan(roots: ScenarioRoots, entry: LibraryEntry, plan: CustomerLinePlan, owner: string): ResolvedLine {
  const base = { stepId: plan.step.id, kind: plan.kind, caption: plan.caption, clip: plan.clip, sharesClipWith: plan.sharesClipWith };
  const id = entry.scenario.id;
  for (const { root, dir } of coachRoots(roots, entry)) {
    const path = coachClipPath(dir, id, owner);
    const version = fileVersion(path);
    if (version) return { ...base, source: 'coach', root, version, path };
  }
  const synthetic = resolveClipPath(entry.dir, id, plan.clip);
  const version = synthetic ? fileVersion(synthetic) : null;
  if (synthetic && version) return { ...base, source: 'synthetic', root: entry.root, version, path: synthetic };
  return { ...base, source: 'missing', root: null, version: null, path: null };
}

/**
 * Every customer line of a listed scenario, resolved. A line sharing its clip with an earlier
 * line plays what that line plays (the engine asks for clips by name).
 */
export function resolveLines(roots: ScenarioRoots, entry: LibraryEntry): ResolvedLine[] {
  return customerLines(entry.scenario).map((plan) => resolvePlan(roots, entry, plan, plan.sharesClipWith ?? plan.step.id));
}

export function resolveLine(roots: ScenarioRoots, entry: LibraryEntry, stepId: string): ResolvedLine | null {
  return resolveLines(roots, entry).find((line) => line.stepId === stepId) ?? null;
}

/** The line as the API shows it (no file paths). */
export function toCustomerLine({ path: _path, ...line }: ResolvedLine): CustomerLine {
  return line;
}

/** The catalog's view of every listed scenario. */
export function originsOf(roots: ScenarioRoots, library: Library): Record<string, ScenarioOrigin> {
  const origins: Record<string, ScenarioOrigin> = {};
  for (const entry of library.entries.values()) {
    origins[entry.scenario.id] = {
      root: entry.root,
      file: entry.file,
      shadowsShipped: entry.shadowsShipped,
      revision: entry.revision,
      lines: resolveLines(roots, entry).map(toCustomerLine),
    };
  }
  return origins;
}

/**
 * The file behind /media/clips/<scenarioId>/<clip>: the resolved file of the first line that
 * asks for this clip; for a clip no line names (or a scenario that does not load), the plain
 * file of the scenario's root as before.
 */
export function resolveClipMedia(roots: ScenarioRoots, library: Library, scenarioId: string, clip: string): string | null {
  const entry = library.entries.get(scenarioId);
  if (!entry) return resolveClipPath(roots.shipped, scenarioId, clip);
  const line = resolveLines(roots, entry).find((l) => l.clip === clip);
  if (line) return line.path;
  return resolveClipPath(entry.dir, scenarioId, clip) ?? defaultStillThere(roots, entry.scenario, clip);
}

/** The shipped default still-there clip, for a scenario that uses the default words but has no clip of its own. */
function defaultStillThere(roots: ScenarioRoots, scenario: LibraryEntry['scenario'], clip: string): string | null {
  const line = stillThereLine(scenario);
  if (!line || line.authored || line.clip !== clip) return null;
  const path = join(roots.shipped, 'audio', DEFAULT_CLIPS_FOLDER, clip);
  return fileVersion(path) ? path : null;
}
