import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../core/csp.js';
import type { ApiErrorBody, ApiErrorCode } from '../../core/errors.js';

/** Response helpers shared by the browser shell's routes. */

export const CSP = CONTENT_SECURITY_POLICY;

/** Set on every response, before anything else. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

const STATUS: Record<ApiErrorCode, number> = {
  'invalid-argument': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'unknown-method': 404,
  conflict: 409,
  'too-large': 413,
  'storage-failed': 507,
  internal: 500,
};

export function statusFor(code: ApiErrorCode): number {
  return STATUS[code];
}

export function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  res.end(text);
}

/** `{ ok: false, error }` with the status of the error's code. */
export function sendError(res: ServerResponse, error: ApiErrorBody, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, statusFor(error.code), { ok: false, error: { code: error.code, message: error.message } }, extraHeaders);
}

export function sendText(res: ServerResponse, status: number, text: string, extraHeaders: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  res.end(text);
}

/** The request path as sent (no query), never normalised: "..", "%2e%2e" stay visible. */
export function rawPath(url: string | undefined): string {
  const value = url ?? '';
  const q = value.indexOf('?');
  return q === -1 ? value : value.slice(0, q);
}

/** The raw query string of a request URL ("" when none). */
export function rawQuery(url: string | undefined): string {
  const value = url ?? '';
  const q = value.indexOf('?');
  return q === -1 ? '' : value.slice(q + 1);
}
