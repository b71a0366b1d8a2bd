import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { ScenarioPackExport } from '../../../core/api.js';
import { TryoutError } from '../../../core/errors.js';
import { writeFileAtomicSync } from '../storage/atomic-write.js';
import { resolveLines } from '../scenarios/clip-resolution.js';
import { PACK_FORMAT, PACK_LIMITS, PACK_MANIFEST, PACK_VERSION, packFileName, type PackManifest } from './pack-format.js';
import { resolveClipPath, type ScenarioRoots } from '../scenarios/scenario-repository.js';
import { currentLibrary } from '../scenarios/scenario-library.js';

/**
 * Exports a listed scenario as one pack file: its YAML, the synthetic clips its lines use, and
 * the coach recordings that play in this app. Written to <data dir>/exports/.
 */

export function exportsDir(dataDir: string): string {
  return join(dataDir, 'exports');
}

/** The first name `nameWith(suffix)` not taken in `dir`: suffix '', then '-2', '-3', ... */
export function freeFileName(dir: string, nameWith: (suffix: string) => string): string {
  for (let n = 1; n < 1000; n++) {
    const name = nameWith(n === 1 ? '' : `-${n}`);
    if (!existsSync(join(dir, name))) return name;
  }
  throw new TryoutError('conflict', 'Too many exports in one second; try again.');
}

/** The pack's files, by their name inside the zip. */
export function packFiles(roots: ScenarioRoots, scenarioId: string, at: Date): Record<string, Uint8Array> {
  const entry = currentLibrary(roots).entries.get(scenarioId);
  if (!entry) throw new TryoutError('not-found', `There is no scenario "${scenarioId}" (or its file has problems).`);
  const id = entry.scenario.id;
  const manifest: PackManifest = { format: PACK_FORMAT, version: PACK_VERSION, scenarioId: id, title: entry.scenario.title, exportedAt: at.toISOString() };
  const files: Record<string, Uint8Array> = {
    [PACK_MANIFEST]: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    [`${id}.yaml`]: readFileSync(join(entry.dir, `${id}.yaml`)),
  };
  for (const line of resolveLines(roots, entry)) {
    const synthetic = resolveClipPath(entry.dir, id, line.clip);
    if (synthetic) files[`audio/${id}/${line.clip}`] = readFileSync(synthetic);
    if (line.source === 'coach' && line.path && !line.sharesClipWith) files[`audio/${id}/coach/${line.stepId}.wav`] = readFileSync(line.path);
  }
  const hashes = join(entry.dir, 'audio', id, 'clips.json');
  if (existsSync(hashes) && statSync(hashes).size <= PACK_LIMITS.maxClipsJsonBytes) files[`audio/${id}/clips.json`] = readFileSync(hashes);
  return files;
}

export function exportScenarioPack(roots: ScenarioRoots, dataDir: string, scenarioId: string, at = new Date()): ScenarioPackExport {
  const files = packFiles(roots, scenarioId, at);
  const zippable: Zippable = {};
  for (const [name, bytes] of Object.entries(files)) zippable[name] = [bytes, { mtime: at }];
  const zip = zipSync(zippable, { level: 6 });
  const dir = exportsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const fileName = freeFileName(dir, (suffix) => packFileName(scenarioId, at, suffix));
  const path = join(dir, fileName);
  writeFileAtomicSync(path, zip);
  return { fileName, path, url: `/media/exports/${fileName}`, bytes: zip.byteLength };
}
