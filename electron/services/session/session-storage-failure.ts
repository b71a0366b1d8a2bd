import { open, mkdir, writeFile, type FileHandle } from 'node:fs/promises';
import { TryoutError } from '../../../core/errors.js';
import type { SessionManifest } from '../../../core/session/manifest.js';
import { storageCauseText, storageFixText, storageStopText, type StorageCause } from '../../../core/session/storage-stop.js';
import { jsonText, writeFileAtomic } from '../storage/atomic-write.js';
import type { SessionPaths } from './session-paths.js';
import { dropPartialLastLine } from './session-recovery.js';
import { finalizeWavFile, WAV_HEADER_BYTES } from './wav.js';

/**
 * What happens when a session's files can no longer be written: the cause is named (disk full,
 * folder removed, no permission), what was recorded is kept where the disk allows, and the
 * manifest says why the call stopped. Nothing here throws: each step that fails is logged and
 * the next start's recovery finishes the job.
 */

/** The storage problem behind a file error, or null for any other error. */
export function storageCauseOf(error: unknown): StorageCause | null {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk-full';
    case 'ENOENT':
      return 'folder-missing';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'no-permission';
    default:
      return null;
  }
}

/** True when the open file's folder entry is gone (the folder was removed under it). */
export async function isUnlinked(file: FileHandle): Promise<boolean> {
  return (await file.stat()).nlink === 0;
}

/** The error the renderer gets: a plain message for the coach, the code for the call screen. */
export function storageFailedError(cause: StorageCause, stopText: string | null): TryoutError {
  const what = stopText ? `The recording ${stopText}.` : `The recording stopped because ${storageCauseText(cause)}.`;
  return new TryoutError('storage-failed', `${what} ${storageFixText(cause)}`);
}

export interface StoppedFiles {
  readonly manifest: SessionManifest;
  readonly paths: SessionPaths;
  /** Opened for reading too ('a+'), so a removed folder's recording can be copied back. */
  readonly audio: FileHandle;
  readonly events: FileHandle;
  readonly framesWritten: number;
  readonly eventBytes: number;
}

const COPY_CHUNK = 1 << 20;

/** Copies the first `bytes` of a still-open (possibly unlinked) file to `path`. */
async function copyOut(from: FileHandle, bytes: number, path: string): Promise<void> {
  const to = await open(path, 'w', 0o600);
  try {
    const buffer = Buffer.alloc(Math.min(COPY_CHUNK, Math.max(bytes, 1)));
    for (let at = 0; at < bytes; ) {
      const { bytesRead } = await from.read(buffer, 0, Math.min(buffer.byteLength, bytes - at), at);
      if (bytesRead === 0) break;
      await to.write(buffer, 0, bytesRead, at);
      at += bytesRead;
    }
    await to.sync();
  } finally {
    await to.close();
  }
}

/**
 * The session folder was removed while the call was recorded: its files are still open, so
 * the recording is written back into a new folder (drafts.json, replaced on every save, is gone).
 */
async function restoreRemovedFolder(s: StoppedFiles): Promise<void> {
  await mkdir(s.paths.dir, { recursive: true });
  await copyOut(s.audio, WAV_HEADER_BYTES + s.framesWritten * 4, s.paths.audio);
  await copyOut(s.events, s.eventBytes, s.paths.events);
  await writeFile(s.paths.drafts, jsonText({}), { flag: 'wx' }).catch(() => undefined);
}

/** Writes the manifest atomically; on a full disk, over the old one in place (it fits in its own block). */
async function writeManifest(path: string, manifest: SessionManifest): Promise<void> {
  try {
    await writeFileAtomic(path, jsonText(manifest));
  } catch (error) {
    if (storageCauseOf(error) !== 'disk-full') throw error;
    const file = await open(path, 'r+');
    try {
      const bytes = Buffer.from(jsonText(manifest), 'utf8');
      await file.write(bytes, 0, bytes.byteLength, 0);
      await file.truncate(bytes.byteLength);
      await file.sync();
    } finally {
      await file.close();
    }
  }
}

/**
 * Stops a session whose files failed: closes them (after copying them back if their folder was
 * removed), patches the WAV header, and marks the manifest 'recovered' with why it stopped.
 * Returns the error for the caller to throw.
 */
export async function stopForStorage(s: StoppedFiles, cause: StorageCause, now: Date, log: (message: string) => void): Promise<TryoutError> {
  const id = s.manifest.id;
  let stopText: string | null = null;
  try {
    if (cause === 'folder-missing') await restoreRemovedFolder(s);
    await Promise.allSettled([s.audio.close(), s.events.close()]);
    const keptFrames = finalizeWavFile(s.paths.audio, s.manifest.sampleRate, s.manifest.channels);
    dropPartialLastLine(s.paths.events);
    const storageStop = { cause, at: now.toISOString(), keptFrames };
    await writeManifest(s.paths.manifest, { ...s.manifest, status: 'recovered', recoveredAt: now.toISOString(), durationFrames: keptFrames, storageStop });
    stopText = storageStopText(storageStop, s.manifest.sampleRate);
    log(`session ${id}: the call ${stopText}`);
  } catch (error) {
    await Promise.allSettled([s.audio.close(), s.events.close()]);
    log(`session ${id}: the call stopped because ${storageCauseText(cause)}; its files could not be closed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the next start recovers what is on disk`);
  }
  return storageFailedError(cause, stopText);
}
