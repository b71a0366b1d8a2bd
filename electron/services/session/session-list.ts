import { readdir } from 'node:fs/promises';
import type { SessionManifest } from '../../../core/session/manifest.js';
import { isMissing, readManifest } from './session-files.js';
import { isSessionId, sessionPaths, sessionsRoot } from './session-paths.js';

/**
 * The manifests of every session in `<dataDir>/sessions`, newest first. A folder whose manifest
 * is damaged is skipped and reported through `log`; a folder without one (a session whose
 * creation was interrupted) is skipped silently. `reported` holds problems already logged, so a
 * damaged session is logged once, not on every list. `accept` picks folders by id (ids begin
 * with their local creation time) before any manifest is read.
 */
export async function listSessionManifests(dataDir: string, log: (message: string) => void, reported = new Set<string>(), accept: (id: string) => boolean = () => true): Promise<SessionManifest[]> {
  let names: string[];
  try {
    names = await readdir(sessionsRoot(dataDir));
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const reads = await Promise.all(
    names.filter((id) => isSessionId(id) && accept(id)).map(async (id) => ({ id, read: await readManifest(sessionPaths(dataDir, id).manifest, id) })),
  );
  const manifests: SessionManifest[] = [];
  for (const { id, read } of reads) {
    if (read.ok) {
      manifests.push(read.manifest);
      continue;
    }
    const key = `${id}: ${read.reason}`;
    if (!read.missing && !reported.has(key)) {
      reported.add(key);
      log(`sessions: skipping ${id}: ${read.reason}`);
    }
  }
  return manifests.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id.localeCompare(a.id));
}
