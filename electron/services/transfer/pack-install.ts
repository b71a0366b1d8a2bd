import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioPackImport } from '../../../core/api.js';
import { TryoutError } from '../../../core/errors.js';
import type { ScenarioRoots } from '../scenarios/scenario-repository.js';
import { currentLibrary } from '../scenarios/scenario-library.js';
import type { ValidatedPack } from './pack-validation.js';
import { removeStaleStaging, writeDurably } from '../storage/staging.js';

/**
 * Installs a validated pack into the user scenarios folder. The files are first written to a
 * staging folder inside that folder (same file system), then renamed into place: the audio
 * folder, then the YAML last, so the scenario appears only once its clips are there. A scenario
 * with the same id (a user copy, or a shipped one it would hide) is only replaced when asked;
 * a replaced user copy is moved aside and put back if anything fails.
 */

const STAGING_PREFIX = '.import-';

function existingTitle(roots: ScenarioRoots, id: string): string | null {
  const entry = currentLibrary(roots).entries.get(id);
  if (entry) return entry.scenario.title;
  const present = [join(roots.user, `${id}.yaml`), join(roots.shipped, `${id}.yaml`), join(roots.user, 'audio', id)].some((p) => existsSync(p));
  return present ? id : null;
}

/** Moves `from` to `to` when `from` exists; returns the undo. */
function moveIfPresent(from: string, to: string, undo: (() => void)[]): void {
  if (!existsSync(from)) return;
  renameSync(from, to);
  undo.push(() => renameSync(to, from));
}

export function installPack(roots: ScenarioRoots, pack: ValidatedPack, replace: boolean): ScenarioPackImport {
  const { scenario } = pack;
  const id = scenario.id;
  const title = existingTitle(roots, id);
  if (title !== null && !replace) {
    throw new TryoutError(
      'conflict',
      `Replace "${title}"? A scenario with the id "${id}" is already installed; the pack's copy would take its place. Nothing has been changed yet.`,
    );
  }
  mkdirSync(join(roots.user, 'audio'), { recursive: true });
  removeStaleStaging(roots.user, STAGING_PREFIX);
  const staging = mkdtempSync(join(roots.user, STAGING_PREFIX));
  try {
    for (const [name, bytes] of pack.files) writeDurably(join(staging, 'new', name), bytes);
    const undo: (() => void)[] = [];
    try {
      moveIfPresent(join(roots.user, 'audio', id), join(staging, 'old-audio'), undo);
      moveIfPresent(join(roots.user, `${id}.yaml`), join(staging, 'old.yaml'), undo);
      moveIfPresent(join(staging, 'new', 'audio', id), join(roots.user, 'audio', id), undo);
      renameSync(join(staging, 'new', `${id}.yaml`), join(roots.user, `${id}.yaml`));
    } catch (error) {
      for (const step of undo.reverse()) step();
      throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { scenarioId: id, title: scenario.title, replaced: title !== null, clips: pack.clipCount };
}
