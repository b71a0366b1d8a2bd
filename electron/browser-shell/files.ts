import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';

/** Static files of the renderer and media files, with single-range support for seeking. */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type Range = { start: number; end: number };

/** The byte range asked for; null = whole file (no header, or one we do not handle); 'unsatisfiable' = 416. */
export function parseRange(header: string | undefined, size: number): Range | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/**
 * The file under `root` named by a raw URL path, or 'refused' for anything path-like ("..",
 * encoded separators, NUL), or null when there is no such file. "/" is index.html.
 */
export function resolveStatic(root: string, urlPath: string): string | 'refused' | null {
  const segments: string[] = [];
  for (const raw of urlPath.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return 'refused';
    }
    if (segment === '..' || segment === '.' || /[/\\\0:]/.test(segment)) return 'refused';
    if (segment !== '') segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');
  let base: string;
  let real: string;
  try {
    base = realpathSync(root);
    real = realpathSync(resolve(base, ...segments));
  } catch {
    return null;
  }
  if (!real.startsWith(base + sep)) return 'refused';
  try {
    return statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

/** Sends a file (GET or HEAD), honouring a single Range. */
export function sendFile(req: IncomingMessage, res: ServerResponse, path: string, cacheControl: string): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('not found');
    return;
  }
  const headers: Record<string, string | number> = {
    'Content-Type': contentType(path),
    'Accept-Ranges': 'bytes',
    'Cache-Control': cacheControl,
  };
  const range = parseRange(req.headers.range, size);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}`, 'Content-Length': 0 }).end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const length = size === 0 ? 0 : end - start + 1;
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  res.writeHead(range ? 206 : 200, { ...headers, 'Content-Length': length });
  if (req.method === 'HEAD' || length === 0) {
    res.end();
    return;
  }
  pipeline(createReadStream(path, { start, end }), res, () => undefined);
}
