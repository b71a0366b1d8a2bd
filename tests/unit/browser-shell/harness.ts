import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { startBrowserShell, type BrowserShell } from '../../../electron/browser-shell/server.js';
import { makeScenariosDir, tempRoot } from '../services/fixtures.js';

/** A real browser shell on a temp folder, and a raw HTTP client (paths are sent exactly as given). */

export interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly text: string;
  readonly json: { ok: boolean; result?: unknown; error?: { code: string; message: string } };
}

export interface Harness {
  readonly root: string;
  readonly dataDir: string;
  readonly shell: BrowserShell;
  readonly port: number;
  readonly log: string[];
  request(path: string, opts?: { method?: string; headers?: Record<string, string>; body?: Uint8Array | string; chunks?: Uint8Array[] }): Promise<Reply>;
  api(method: string, input: unknown, headers?: Record<string, string>): Promise<Reply>;
}

export const INDEX_HTML = '<!doctype html><title>Tryout</title><script type="module" src="/app.js"></script>';
export const SECRET = 'top-secret-outside-the-renderer';

export async function startHarness(prefix: string): Promise<Harness> {
  const root = tempRoot(prefix);
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'app.js'), 'console.log(1);');
  writeFileSync(join(rendererDir, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  const scenariosDir = makeScenariosDir(root);
  const dataDir = join(root, 'data');
  const log: string[] = [];
  const shell = await startBrowserShell({ dataDir, scenariosDir, rendererDir, log: (m) => log.push(m) });
  const port = Number(new URL(shell.origin).port);

  const request: Harness['request'] = (path, opts = {}) =>
    new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          let json: Reply['json'] = { ok: false };
          try {
            json = JSON.parse(text) as Reply['json'];
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json });
        });
      });
      req.on('error', reject);
      for (const chunk of opts.chunks ?? []) req.write(chunk);
      req.end(opts.body);
    });

  const api: Harness['api'] = (method, input, headers = {}) =>
    request(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${shell.token}`, ...headers },
      body: JSON.stringify(input),
    });

  return { root, dataDir, shell, port, log, request, api };
}

/** An appendAudio call as the renderer sends it: raw body, other fields in x-tryout-args. */
export function audioCall(h: Harness, args: unknown, pcm: Uint8Array, headers: Record<string, string> = {}): Promise<Reply> {
  return h.request('/api/appendAudio', {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-tryout-args': JSON.stringify(args), authorization: `Bearer ${h.shell.token}`, ...headers },
    body: pcm,
  });
}
