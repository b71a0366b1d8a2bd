/**
 * The app's own origin. The renderer is served from `app://tryout/...` (a standard, secure
 * custom scheme), so "is this us?" is one exact scheme + host check everywhere.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'tryout';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

export function parseUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 8192) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * True for `app://tryout`, `app://tryout/` and any URL under it; false for other schemes,
 * hosts, ports, credentials (`app://x@tryout/`) and anything unparseable.
 * (Node's URL reports origin "null" for non-special schemes, so the parts are compared.)
 */
export function isAppUrl(value: unknown): boolean {
  const url = parseUrl(value);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}
