import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionManifest } from '../../../core/session/manifest.js';
import { isTempFile, jsonText, writeFileAtomicSync } from '../storage/atomic-write.js';
import { isMissing, readManifestSync } from './session-files.js';
import { isSessionId, sessionPaths, sessionsRoot, type SessionPaths } from './session-paths.js';
import { finalizeWavFile, wavHeader } from './wav.js';

/**
 * Start-up repair of sessions left in 'recording' by a crash (kill -9, power loss): the WAV
 * header is patched from the file length, a truncated last line of events.jsonl is dropped,
 * and the manifest is marked 'recovered'. Every step is idempotent and the manifest is written
 * last, so a crash during recovery is repaired by the next run; running twice changes nothing.
 */

export interface RecoveryOptions {
  /** Sessions open in this process: never touched. */
  readonly skip?: ReadonlySet<string>;
  readonly log?: (message: string) => void;
  readonly now?: () => Date;
}

/** Drops a partial trailing line (one not ended by a newline); returns the bytes dropped. */
export function dropPartialLastLine(path: string): number {
  const fd = openSync(path, 'r+');
  try {
    const text = readFileSync(fd);
    if (text.length === 0 || text[text.length - 1] === 0x0a) return 0;
    const keep = text.lastIndexOf(0x0a) + 1;
    ftruncateSync(fd, keep);
    fsyncSync(fd);
    return text.length - keep;
  } finally {
    closeSync(fd);
  }
}

function removeTempFiles(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (isTempFile(name)) rmSync(join(dir, name), { force: true });
  }
}

function recoverOne(paths: SessionPaths, manifest: SessionManifest, now: Date): SessionManifest {
  removeTempFiles(paths.dir);
  let frames = 0;
  if (existsSync(paths.audio)) frames = finalizeWavFile(paths.audio, manifest.sampleRate, manifest.channels);
  else writeFileAtomicSync(paths.audio, wavHeader(manifest.sampleRate, manifest.channels, 0));
  if (existsSync(paths.events)) dropPartialLastLine(paths.events);
  else writeFileAtomicSync(paths.events, '');
  const recovered: SessionManifest = { ...manifest, status: 'recovered', recoveredAt: now.toISOString(), durationFrames: frames };
  writeFileAtomicSync(paths.manifest, jsonText(recovered));
  return recovered;
}

/** Recovers every crashed session under `<dataDir>/sessions`; returns the ids recovered. */
export function recoverSessions(dataDir: string, opts: RecoveryOptions = {}): string[] {
  const log = opts.log ?? ((message: string) => console.error(message));
  let names: string[];
  try {
    names = readdirSync(sessionsRoot(dataDir));
  } catch (error) {
    if (!isMissing(error)) log(`recovery: cannot read ${sessionsRoot(dataDir)}: ${(error as Error).message}`);
    return [];
  }
  const recovered: string[] = [];
  for (const id of names.sort()) {
    if (!isSessionId(id) || opts.skip?.has(id)) continue;
    const paths = sessionPaths(dataDir, id);
    const read = readManifestSync(paths.manifest, id);
    if (!read.ok) {
      if (!read.missing) log(`recovery: skipping session ${id}: ${read.reason}`);
      continue;
    }
    if (read.manifest.status !== 'recording') continue;
    try {
      recoverOne(paths, read.manifest, opts.now?.() ?? new Date());
      recovered.push(id);
    } catch (error) {
      log(`recovery: session ${id} could not be recovered: ${(error as Error).message}`);
    }
  }
  return recovered;
}
