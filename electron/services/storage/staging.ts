import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Staging folders for all-or-nothing imports (scenario packs, session bundles): files are
 * written durably into a hidden folder on the same file system as their destination, then
 * renamed into place; the folder is removed afterwards, or by the next import after a crash.
 */

/** Staging folders older than this were left by a crash and are removed. */
const STALE_STAGING_MS = 60 * 60 * 1000;

/** Writes a new file (never replacing one) and fsyncs it. */
export function writeDurably(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'wx', 0o644);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Removes the folders in `parent` named `<prefix>...` that a crashed import left behind. */
export function removeStaleStaging(parent: string, prefix: string): void {
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const path = join(parent, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_STAGING_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another import may be cleaning it up at the same time.
    }
  }
}
