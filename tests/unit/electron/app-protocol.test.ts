import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, type FetchFile } from '../../../electron/main/app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/policies/csp.js';
import { tempRoot } from '../services/fixtures.js';

const root = tempRoot('app-protocol');
const rendererDir = join(root, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Tryout</title>');
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
const clip = join(root, 'greet.wav');
writeFileSync(clip, 'RIFF0123456789');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const fetched: { path: string; headers: Record<string, string> }[] = [];
/** Stands in for net.fetch(file:): serves the file, honouring a simple "bytes=a-b" range. */
const fetchFile: FetchFile = async (path, init) => {
  fetched.push({ path, headers: init.headers });
  const data = await readFile(path);
  const range = /^bytes=(\d+)-(\d+)$/.exec(init.headers['Range'] ?? '');
  if (range) {
    const [start, end] = [Number(range[1]), Number(range[2])];
    return new Response(data.subarray(start, end + 1), { status: 206, headers: { 'Content-Range': `bytes ${start}-${end}/${data.length}` } });
  }
  return new Response(data, { status: 200, headers: { 'Content-Type': path.endsWith('.html') ? 'text/html' : 'application/octet-stream' } });
};

const handler = createAppProtocolHandler({
  rendererDir,
  resolveMedia: (urlPath) => (urlPath === '/media/clips/test-call/greet.wav' ? clip : null),
  fetchFile,
});

describe('app:// protocol handler', () => {
  it('serves index.html with the CSP header', async () => {
    const response = await handler(new Request('app://tryout/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toContain('<title>Tryout</title>');
  });

  it('serves other renderer files without rewriting them', async () => {
    const response = await handler(new Request('app://tryout/assets/app.js'));
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-security-policy')).toBeNull();
  });

  it('serves media through the service and forwards Range for seeking', async () => {
    fetched.length = 0;
    const response = await handler(new Request('app://tryout/media/clips/test-call/greet.wav', { headers: { Range: 'bytes=4-7' } }));
    expect(response.status).toBe(206);
    expect(await response.text()).toBe('0123');
    expect(fetched).toEqual([{ path: clip, headers: { Range: 'bytes=4-7' } }]);
  });

  it('answers refused and missing paths with plain errors', async () => {
    expect((await handler(new Request('app://tryout/media/clips/x/missing.wav'))).status).toBe(404);
    expect((await handler(new Request('app://tryout/..%2f..%2fsecret'))).status).toBe(400);
    expect((await handler(new Request('app://tryout/', { method: 'POST', body: 'x' }))).status).toBe(405);
    expect((await handler(new Request('app://tryout/no-such-file.js'))).status).toBe(404);
  });
});
