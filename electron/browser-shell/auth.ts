import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to the shell: requests addressed to 127.0.0.1:PORT or localhost:PORT (a DNS
 * rebinding page has another Host), from the shell's own origin when an Origin is sent, and
 * carrying the per-launch token (cookie set by the printed URL, or a Bearer header for scripts).
 */

export const COOKIE_NAME = 'tryout_token';
const TOKEN_PATTERN = /^[A-Za-z0-9._~-]{8,256}$/;

/** A fresh per-launch token (24 random bytes, base64url). */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function checkTokenFormat(token: string): void {
  if (!TOKEN_PATTERN.test(token)) throw new Error('the token must be 8-256 characters: letters, digits, ".", "_", "~" or "-"');
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time comparison (both sides hashed first, so lengths do not leak either). */
export function tokenMatches(candidate: string | undefined, token: string): boolean {
  return candidate !== undefined && timingSafeEqual(digest(candidate), digest(token));
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function sessionCookie(token: string): string {
  return `${COOKIE_NAME}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

export class ShellGuard {
  private readonly hosts: ReadonlySet<string>;
  private readonly origins: ReadonlySet<string>;

  constructor(
    readonly token: string,
    port: number,
  ) {
    this.hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.origins = new Set([...this.hosts].map((host) => `http://${host}`));
  }

  hostAllowed(req: IncomingMessage): boolean {
    return this.hosts.has((req.headers.host ?? '').toLowerCase());
  }

  /** No Origin header (same-origin GET, scripts) is fine; a foreign one is not. */
  originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    return origin === undefined || this.origins.has(origin.toLowerCase());
  }

  authorized(req: IncomingMessage): boolean {
    const auth = req.headers.authorization;
    if (auth !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(auth);
      return tokenMatches(match?.[1], this.token);
    }
    return tokenMatches(cookieValue(req.headers.cookie, COOKIE_NAME), this.token);
  }
}
