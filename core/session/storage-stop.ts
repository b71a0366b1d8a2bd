import { z } from 'zod';

/**
 * Why a call stopped because its files could not be written: the disk was full, the data
 * folder (or the session's folder) was removed, or the app may no longer write there. Kept in
 * the manifest, so the coach is told at once and again at the next start.
 */

export const STORAGE_CAUSES = ['disk-full', 'folder-missing', 'no-permission'] as const;
export type StorageCause = (typeof STORAGE_CAUSES)[number];

export const StorageStopSchema = z.strictObject({
  cause: z.enum(STORAGE_CAUSES),
  /** When the write failed. */
  at: z.iso.datetime(),
  /** Frames of audio kept in audio.wav (everything written before the failure, where the disk allowed). */
  keptFrames: z.number().int().nonnegative(),
});
export type StorageStop = z.infer<typeof StorageStopSchema>;

const CAUSE_TEXT: Record<StorageCause, string> = {
  'disk-full': 'the disk is full',
  'folder-missing': 'the data folder was removed',
  'no-permission': 'Tryout is no longer allowed to write to its data folder',
};

/** `m:ss` of a frame count. */
function clock(frames: number, sampleRate: number): string {
  const seconds = Math.floor(frames / sampleRate);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "the disk is full" and the like: the cause in the coach's words. */
export function storageCauseText(cause: StorageCause): string {
  return CAUSE_TEXT[cause];
}

/** What the coach reads: "stopped at 0:42 because the disk is full; the first 0:42 is kept". */
export function storageStopText(stop: StorageStop, sampleRate: number): string {
  const kept = clock(stop.keptFrames, sampleRate);
  return `stopped at ${kept} because ${CAUSE_TEXT[stop.cause]}; the first ${kept} is kept`;
}

/** What to do about it, for the coach. */
export function storageFixText(cause: StorageCause): string {
  const then = 'then open coach mode and lock it again (or restart Tryout): the candidate continues at this call.';
  if (cause === 'disk-full') return `Free some space on the disk, ${then}`;
  if (cause === 'folder-missing') return `Put the data folder back (or check the drive is connected), ${then}`;
  return `Give Tryout back its permission to write to its data folder, ${then}`;
}
