import { resolve, sep } from 'node:path';
import { isAppUrl, parseUrl } from './origin.js';

/**
 * What an `app://tryout/<path>` request is for:
 *   /media/...      -> a clip or recording, resolved by the service (resolveMedia)
 *   /               -> <rendererDir>/index.html
 *   /<file>         -> <rendererDir>/<file>, never anything outside rendererDir
 * Traversal (`..`, `%2e%2e`, `%2f..`), backslashes, drive letters, NUL bytes and empty
 * segments (`//etc`) are refused outright rather than normalised.
 */

export type AppRequestTarget =
  | { readonly kind: 'renderer-file'; readonly path: string; readonly isHtml: boolean }
  | { readonly kind: 'media'; readonly path: string }
  | { readonly kind: 'refused'; readonly status: 400 | 403 | 404 | 405; readonly reason: string };

export interface AppRequestContext {
  /** Absolute path of the built renderer (dist/renderer). */
  readonly rendererDir: string;
  /** The service's media lookup: a file path, or null. Gets the raw (still encoded) URL path. */
  readonly resolveMedia: (urlPath: string) => string | null;
}

const MEDIA_PREFIX = '/media/';
const MAX_PATH_LENGTH = 1024;

function refused(status: 400 | 403 | 404 | 405, reason: string): AppRequestTarget {
  return { kind: 'refused', status, reason };
}

/** The decoded relative path inside the renderer, or null when it is not a plain relative path. */
function safeRelativePath(encodedPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || /[\\\0]/.test(decoded)) return null;
  const segments = decoded.slice(1).split('/');
  const plain = segments.every((s) => s !== '' && s !== '.' && s !== '..' && !s.includes(':'));
  return plain ? segments.join('/') : null;
}

export function resolveAppRequest(requestUrl: string, method: string, ctx: AppRequestContext): AppRequestTarget {
  const url = parseUrl(requestUrl);
  if (!url || !isAppUrl(requestUrl)) return refused(403, 'not an app:// URL of this app');
  if (method !== 'GET' && method !== 'HEAD') return refused(405, `method ${method} is not allowed`);
  const path = url.pathname === '' ? '/' : url.pathname;
  if (path.length > MAX_PATH_LENGTH) return refused(400, 'path too long');

  if (path.startsWith(MEDIA_PREFIX)) {
    const file = ctx.resolveMedia(path);
    return file === null ? refused(404, 'no such media') : { kind: 'media', path: file };
  }

  const relative = path === '/' ? 'index.html' : safeRelativePath(path);
  if (relative === null) return refused(400, 'path is not a plain relative path');
  const root = resolve(ctx.rendererDir);
  const file = resolve(root, relative);
  if (!file.startsWith(root + sep)) return refused(403, 'path leaves the renderer folder');
  return { kind: 'renderer-file', path: file, isHtml: /\.html?$/i.test(file) };
}
