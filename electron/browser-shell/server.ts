import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { TryoutError } from '../../core/errors.js';
import { createTrainerService, type TrainerService } from '../services/trainer-service.js';
import { handleApi } from './api-route.js';
import { checkTokenFormat, newToken, sessionCookie, ShellGuard, tokenMatches } from './auth.js';
import { resolveStatic, sendFile } from './files.js';
import { pathEscape } from './path-guard.js';
import { rawPath, rawQuery, sendError, sendText, setSecurityHeaders } from './http-common.js';

/**
 * The browser shell: the trainer service over HTTP on 127.0.0.1 only (LOOPBACK), serving the
 * built renderer. Every request is checked in this order: Host and Origin (403 unless this
 * shell's own), the path (400 for any escape, path-guard.ts), then the token for /api and
 * /media. API calls go to the service's one dispatch, which checks the caller's role.
 */

/** The only address the shell listens on: nothing off this machine can reach it. */
export const LOOPBACK = '127.0.0.1';

export interface BrowserShellOptions {
  readonly dataDir: string;
  readonly scenariosDir: string;
  readonly rendererDir: string;
  /** 0 or absent: a free port. */
  readonly port?: number;
  /** Absent: a fresh random token. */
  readonly token?: string;
  readonly log?: (message: string) => void;
}

export interface BrowserShell {
  /** Open this to sign in: http://127.0.0.1:PORT/?token=T */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  /** Sessions the start-up recovery repaired. */
  readonly recovered: string[];
  close(): Promise<void>;
}

const unauthorized = (message: string) => new TryoutError('unauthorized', message);
const forbidden = (message: string) => new TryoutError('forbidden', message);

function route(req: IncomingMessage, res: ServerResponse, guard: ShellGuard, service: TrainerService, rendererDir: string): void {
  setSecurityHeaders(res);
  if (!guard.hostAllowed(req)) {
    sendError(res, forbidden('This server only answers requests addressed to 127.0.0.1 or localhost on its own port.'));
    return;
  }
  if (!guard.originAllowed(req)) {
    sendError(res, forbidden('Requests from other origins are refused.'));
    return;
  }
  const path = rawPath(req.url);
  const escape = pathEscape(path);
  if (escape !== null) {
    sendError(res, new TryoutError('invalid-argument', `That path is not allowed (${escape}).`));
    return;
  }
  if (path === '/healthz') {
    sendText(res, 200, 'ok');
    return;
  }
  const isApi = path.startsWith('/api/');
  if (isApi || path.startsWith('/media/')) {
    if (!guard.authorized(req)) {
      sendError(res, unauthorized('Missing or wrong token: open the URL the Tryout browser shell printed at start-up.'));
      return;
    }
    if (isApi) {
      void handleApi(req, res, service, path.slice('/api/'.length));
      return;
    }
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, new TryoutError('invalid-argument', `${req.method ?? 'This method'} is not allowed here.`), { Allow: 'GET, HEAD' });
    return;
  }
  if (path.startsWith('/media/')) {
    const file = service.resolveMedia(path);
    if (file) sendFile(req, res, file, 'no-store');
    else sendError(res, new TryoutError('not-found', 'There is no such media file.'));
    return;
  }
  const token = new URLSearchParams(rawQuery(req.url)).get('token');
  if (path === '/' && token !== null) {
    if (!tokenMatches(token, guard.token)) {
      sendText(res, 401, 'This link has an old or wrong token. Open the URL the Tryout browser shell printed at start-up.');
      return;
    }
    res.writeHead(302, { 'Set-Cookie': sessionCookie(guard.token), Location: '/', 'Cache-Control': 'no-store', 'Content-Length': 0 });
    res.end();
    return;
  }
  const file = resolveStatic(rendererDir, path);
  if (file === 'refused') sendError(res, new TryoutError('invalid-argument', 'That path is not allowed.'));
  else if (file === null) sendError(res, new TryoutError('not-found', 'There is no such file.'));
  else sendFile(req, res, file, 'no-cache');
}

export async function startBrowserShell(opts: BrowserShellOptions): Promise<BrowserShell> {
  const token = opts.token ?? newToken();
  checkTokenFormat(token);
  const rendererDir = resolve(opts.rendererDir);
  const service = createTrainerService({ dataDir: opts.dataDir, scenariosDir: opts.scenariosDir, log: opts.log });
  let guard: ShellGuard | null = null;
  const server = createServer((req, res) => {
    try {
      if (guard) route(req, res, guard, service, rendererDir);
      else res.destroy();
    } catch (error) {
      console.error('browser shell:', error);
      sendError(res, { code: 'internal', message: 'The request failed.' });
    }
  });
  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, LOOPBACK, () => {
        server.off('error', reject);
        resolveListen();
      });
    });
  } catch (error) {
    await service.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  guard = new ShellGuard(token, port);
  const origin = `http://${LOOPBACK}:${port}`;
  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    recovered: service.recoveredAtStartup,
    close() {
      closing ??= new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }).then(() => service.close());
      return closing;
    },
  };
}
