import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { TryoutError } from '../../../core/errors.js';
import { SessionIdSchema } from '../../../core/session/ids.js';

/** Where one session's files live. Every path is built from a validated id only. */
export interface SessionPaths {
  readonly dir: string;
  readonly manifest: string;
  readonly events: string;
  readonly audio: string;
  readonly drafts: string;
}

export function sessionsRoot(dataDir: string): string {
  return resolve(dataDir, 'sessions');
}

export function isSessionId(id: string): boolean {
  return SessionIdSchema.safeParse(id).success;
}

/**
 * The files of session `id`. Refuses anything that is not a session id, and checks (defence in
 * depth) that the folder resolves to a direct child of `<dataDir>/sessions`.
 */
export function sessionPaths(dataDir: string, id: string): SessionPaths {
  if (!isSessionId(id)) throw new TryoutError('invalid-argument', `sessionId: "${id.slice(0, 80)}" is not a session id`);
  const root = sessionsRoot(dataDir);
  const dir = resolve(root, id);
  if (dirname(dir) !== root) throw new TryoutError('invalid-argument', 'sessionId: session id escapes the sessions folder');
  return {
    dir,
    manifest: join(dir, 'manifest.json'),
    events: join(dir, 'events.jsonl'),
    audio: join(dir, 'audio.wav'),
    drafts: join(dir, 'drafts.json'),
  };
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** The local date and time a session id begins with, e.g. `20261122-210501`: ids sort by it. */
export function sessionIdStamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}`;
  const time = `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  return `${date}-${time}`;
}

/** A new session id: local date and time plus 6 random characters, e.g. `20261122-210501-k3f9x2`. */
export function newSessionId(now = new Date()): string {
  const suffix = Array.from(randomBytes(6), (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
  return `${sessionIdStamp(now)}-${suffix}`;
}
