import type { ApiMethod } from '../../../core/api-methods.js';
import type { ApiErrorBody } from '../../../core/errors.js';

/**
 * The IPC wire format shared by electron/main/ipc.ts and the preload: one invoke channel per
 * API method, and replies that are values (never thrown), so the error code survives IPC.
 * Imports only types, so the preload bundle stays free of zod.
 */

const CHANNEL_PREFIX = 'tryout:';

export function ipcChannel(method: ApiMethod): string {
  return `${CHANNEL_PREFIX}${method}`;
}

export type IpcReply = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly error: ApiErrorBody };

/**
 * What the preload rejects with. Electron's contextBridge rebuilds a thrown native Error in the
 * page with its message only (custom fields such as `code` are dropped), whereas a plain object
 * is copied whole; the renderer's client turns `{ code, message }` into a TryoutError.
 */
export interface BridgedError {
  readonly name: 'TryoutError';
  readonly code: string;
  readonly message: string;
}

function bridgedError(code: string, message: string): BridgedError {
  return { name: 'TryoutError', code, message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The result of a reply, or throws a BridgedError (also for a malformed reply). */
export function unwrapIpcReply(reply: unknown): unknown {
  if (isRecord(reply) && reply['ok'] === true) return reply['result'];
  if (isRecord(reply) && reply['ok'] === false && isRecord(reply['error'])) {
    const { code, message } = reply['error'];
    if (typeof code === 'string' && typeof message === 'string') throw bridgedError(code, message);
  }
  throw bridgedError('internal', 'The Tryout back end sent a reply this window does not understand.');
}

/** A failed invoke itself (no handler, main process gone): same shape, code 'internal'. */
export function invokeFailure(error: unknown): BridgedError {
  const detail = error instanceof Error ? error.message : String(error);
  return bridgedError('internal', `The Tryout back end could not be reached (${detail.slice(0, 200)}).`);
}
