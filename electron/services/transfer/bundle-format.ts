import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CoachIdSchema } from '../../../core/review/schema.js';
import { SessionIdSchema } from '../../../core/session/ids.js';
import { unsafeEntryName } from './zip-reader.js';

/**
 * A session bundle (`.tryout`): one zip moving sessions between laptops. It holds
 *   bundle.json                          { format, version, exportedAt, sessions, files }
 *   <sessionId>/manifest.json            the session's files, byte for byte
 *   <sessionId>/events.jsonl
 *   <sessionId>/audio.wav
 *   <sessionId>/drafts.json              (when present)
 *   <sessionId>/analysis.json            (when analysed)
 *   <sessionId>/peaks.json               (when analysed)
 *   <sessionId>/turn-transcripts.jsonl   (when turns were transcribed during the call)
 *   <sessionId>/reviews/<coachId>.json   one per coach
 * bundle.json lists every other entry with its size and sha256. Any other name is refused, as
 * are names that climb out ("..", absolute, backslashes).
 */

export const BUNDLE_INDEX = 'bundle.json';
export const BUNDLE_FORMAT = 'tryout-session-bundle';
export const BUNDLE_VERSION = 1;
export const BUNDLE_EXTENSION = '.tryout';

const MB = 1024 * 1024;

/** Caps on what a bundle may hold; the uploaded file itself is capped by MAX_SESSION_BUNDLE_BYTES (core/api.ts). */
export const BUNDLE_LIMITS = {
  holder: 'a session bundle',
  maxSessions: 200,
  maxReviewsPerSession: 50,
  maxEntries: 4000,
  /** Everything unpacked together (decompression-bomb cap). */
  maxTotalBytes: 2048 * MB,
  maxIndexBytes: 4 * MB,
} as const;

export const SESSION_FILES = ['manifest.json', 'events.jsonl', 'audio.wav', 'drafts.json', 'analysis.json', 'peaks.json', 'turn-transcripts.jsonl'] as const;
export type SessionFileName = (typeof SESSION_FILES)[number];
export const REQUIRED_SESSION_FILES: readonly SessionFileName[] = ['manifest.json', 'events.jsonl', 'audio.wav'];

/** The largest size of each file (checked on the zip directory, before anything is unpacked). */
export const SESSION_FILE_MAX_BYTES: Readonly<Record<SessionFileName | 'review', number>> = {
  'manifest.json': 64 * 1024,
  'events.jsonl': 64 * MB,
  /** About 4.6 hours of 16 kHz stereo. */
  'audio.wav': 1024 * MB,
  'drafts.json': 8 * MB,
  'analysis.json': 64 * MB,
  'peaks.json': 64 * MB,
  'turn-transcripts.jsonl': 64 * MB,
  review: 4 * MB,
};

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lowercase hex digits');

export const BundleIndexSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.number().int(),
  exportedAt: z.iso.datetime(),
  sessions: z.array(SessionIdSchema).min(1).max(BUNDLE_LIMITS.maxSessions),
  files: z.record(z.string().max(300), z.strictObject({ size: z.number().int().nonnegative(), sha256: Sha256Schema })),
});
export type BundleIndex = z.infer<typeof BundleIndexSchema>;

export type BundleEntryKind =
  | { readonly kind: 'index' }
  | { readonly kind: 'folder' }
  | { readonly kind: 'session-file'; readonly sessionId: string; readonly file: SessionFileName }
  | { readonly kind: 'review'; readonly sessionId: string; readonly coachId: string };

const SESSION_ID = '[a-z0-9][a-z0-9-]{6,62}[a-z0-9]';
const FILE = new RegExp(`^(${SESSION_ID})/([a-z][a-z-]*\\.(?:json|jsonl|wav))$`);
const REVIEW = new RegExp(`^(${SESSION_ID})/reviews/([^/]+)\\.json$`);
const FOLDER = new RegExp(`^${SESSION_ID}/(?:reviews/)?$`);

/** What a bundle entry is, or why its name is refused. */
export function classifyBundleEntry(name: string): BundleEntryKind | { readonly refused: string } {
  if (name === BUNDLE_INDEX) return { kind: 'index' };
  const unsafe = unsafeEntryName(name, 'bundle');
  if (unsafe) return { refused: unsafe };
  if (FOLDER.test(name)) return { kind: 'folder' };
  const file = FILE.exec(name);
  const fileName = file?.[2] ?? '';
  if (file && (SESSION_FILES as readonly string[]).includes(fileName)) {
    return { kind: 'session-file', sessionId: file[1] ?? '', file: fileName as SessionFileName };
  }
  const review = REVIEW.exec(name);
  if (review && CoachIdSchema.safeParse(review[2]).success) return { kind: 'review', sessionId: review[1] ?? '', coachId: review[2] ?? '' };
  return {
    refused: `"${name}" is not a file a session bundle holds (expected ${BUNDLE_INDEX} and <session id>/ with ${SESSION_FILES.join(', ')} and reviews/<coach>.json)`,
  };
}

/** `sessions-<yyyymmdd-hhmmss>.tryout`, in local time. */
export function bundleFileName(at: Date, suffix = ''): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}`;
  const time = `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  return `sessions-${date}-${time}${suffix}${BUNDLE_EXTENSION}`;
}

/** The names bundleFileName makes (served under /media/exports/). */
export const BUNDLE_FILE_NAME = /^sessions-\d{8}-\d{6}(?:-\d{1,3})?\.tryout$/;
