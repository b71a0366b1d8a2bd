import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { MAX_SESSION_BUNDLE_BYTES, type SessionBundleExport } from '../../../core/api.js';
import { TryoutError } from '../../../core/errors.js';
import { CoachIdSchema } from '../../../core/review/schema.js';
import { jsonText, writeFileAtomicSync } from '../storage/atomic-write.js';
import { BUNDLE_FORMAT, BUNDLE_INDEX, BUNDLE_LIMITS, BUNDLE_VERSION, bundleFileName, SESSION_FILES, sha256Hex, type BundleIndex } from './bundle-format.js';
import { exportsDir, freeFileName } from './pack-export.js';
import { readManifestSync } from '../session/session-files.js';
import { sessionPaths } from '../session/session-paths.js';

/**
 * Exports finished sessions as one `.tryout` bundle (bundle-format.ts): each session's files byte
 * for byte, its reviews, and bundle.json with every file's size and sha256. Written to
 * <data dir>/exports/ and served under /media/exports/.
 */

/** The files of one session, by their name inside the bundle. */
function sessionFiles(dataDir: string, id: string): Record<string, Uint8Array> {
  const paths = sessionPaths(dataDir, id);
  const read = readManifestSync(paths.manifest, id);
  if (!read.ok && read.missing) throw new TryoutError('not-found', `There is no session ${id}.`);
  if (!read.ok) throw new TryoutError('conflict', `Session ${id} cannot be exported: its ${read.reason}.`);
  if (read.manifest.status === 'recording') throw new TryoutError('conflict', `Session ${id} is still recording; finish it before exporting it.`);
  const files: Record<string, Uint8Array> = {};
  for (const name of SESSION_FILES) {
    const path = join(paths.dir, name);
    if (existsSync(path)) files[`${id}/${name}`] = readFileSync(path);
  }
  const reviewsDir = join(paths.dir, 'reviews');
  const reviews = existsSync(reviewsDir) ? readdirSync(reviewsDir).filter((n) => n.endsWith('.json') && CoachIdSchema.safeParse(n.slice(0, -5)).success) : [];
  for (const name of reviews.sort()) files[`${id}/reviews/${name}`] = readFileSync(join(reviewsDir, name));
  return files;
}

/** The zip of a bundle of `sessionIds` (deduplicated, in the order given). */
export function sessionBundleZip(dataDir: string, sessionIds: readonly string[], at: Date): Uint8Array {
  const ids = [...new Set(sessionIds)];
  if (ids.length === 0) throw new TryoutError('invalid-argument', 'Choose at least one session to export.');
  if (ids.length > BUNDLE_LIMITS.maxSessions) throw new TryoutError('invalid-argument', `A bundle holds at most ${BUNDLE_LIMITS.maxSessions} sessions.`);
  const files: Record<string, Uint8Array> = {};
  for (const id of ids) Object.assign(files, sessionFiles(dataDir, id));
  const index: BundleIndex = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: at.toISOString(),
    sessions: ids,
    files: Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, { size: bytes.byteLength, sha256: sha256Hex(bytes) }])),
  };
  const zippable: Zippable = { [BUNDLE_INDEX]: [new TextEncoder().encode(jsonText(index)), { mtime: at }] };
  // Recorded speech hardly deflates; the fastest level saves time on long sessions.
  for (const [name, bytes] of Object.entries(files)) zippable[name] = [bytes, { mtime: at, level: name.endsWith('.wav') ? 1 : 6 }];
  return zipSync(zippable);
}

export function exportSessionBundle(dataDir: string, sessionIds: readonly string[], at = new Date()): SessionBundleExport {
  const zip = sessionBundleZip(dataDir, sessionIds, at);
  if (zip.byteLength > MAX_SESSION_BUNDLE_BYTES) {
    throw new TryoutError('too-large', `These sessions make a bundle of ${Math.ceil(zip.byteLength / 1024 / 1024)} MB; a bundle is at most ${MAX_SESSION_BUNDLE_BYTES / 1024 / 1024} MB. Export fewer sessions at a time.`);
  }
  const dir = exportsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const fileName = freeFileName(dir, (suffix) => bundleFileName(at, suffix));
  const path = join(dir, fileName);
  writeFileAtomicSync(path, zip);
  return { fileName, path, url: `/media/exports/${fileName}`, bytes: zip.byteLength, sessions: new Set(sessionIds).size };
}
