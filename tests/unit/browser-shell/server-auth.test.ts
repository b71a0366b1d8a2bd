import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../../../electron/browser-shell/http-common.js';
import { SCENARIO_ID } from '../services/fixtures.js';
import { INDEX_HTML, SECRET, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('shell-auth');
});
afterAll(async () => {
  await h.shell.close();
  rmSync(h.root, { recursive: true, force: true });
});

describe('browser shell: sign-in, Host, Origin, static files', () => {
  it('prints a 127.0.0.1 URL with a random base64url token', () => {
    expect(h.shell.url).toBe(`http://127.0.0.1:${h.port}/?token=${h.shell.token}`);
    expect(h.shell.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('answers /healthz without a token', async () => {
    const r = await h.request('/healthz');
    expect(r.status).toBe(200);
    expect(r.text).toBe('ok');
  });

  it('turns the printed URL into an HttpOnly SameSite=Strict cookie and redirects to /', async () => {
    const r = await h.request(`/?token=${h.shell.token}`);
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe('/');
    expect(r.headers['set-cookie']).toEqual([`tryout_token=${h.shell.token}; HttpOnly; SameSite=Strict; Path=/`]);
    const withCookie = await h.request('/api/listSessions', { method: 'POST', headers: { 'content-type': 'application/json', cookie: `other=1; tryout_token=${h.shell.token}` }, body: '{}' });
    expect(withCookie.status).toBe(200);
    expect(withCookie.json).toEqual({ ok: true, result: [] });
  });

  it('refuses a wrong token in the URL', async () => {
    const r = await h.request('/?token=wrong-token-value');
    expect(r.status).toBe(401);
    expect(r.headers['set-cookie']).toBeUndefined();
  });

  it('refuses API calls and media without the right token (401 JSON)', async () => {
    const cases: Record<string, string>[] = [{}, { authorization: 'Bearer nope' }, { authorization: `Basic ${h.shell.token}` }, { cookie: 'tryout_token=nope' }];
    for (const headers of cases) {
      const r = await h.request('/api/listSessions', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
      expect(r.status).toBe(401);
      expect(r.json).toEqual({ ok: false, error: { code: 'unauthorized', message: expect.stringMatching(/token/) } });
      expect(r.headers['cache-control']).toBe('no-store');
    }
    const media = await h.request(`/media/clips/${SCENARIO_ID}/greet.wav`);
    expect(media.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    for (const host of ['evil.example', `evil.example:${h.port}`, '127.0.0.1', `127.0.0.1:${h.port + 1}`, `localhost.evil:${h.port}`]) {
      const r = await h.api('listSessions', {}, { host });
      expect(r.status, host).toBe(403);
      expect(r.json.error?.code, host).toBe('forbidden');
      expect(r.json.error?.message).toMatch(/127\.0\.0\.1 or localhost/);
    }
    expect((await h.api('listSessions', {}, { host: `localhost:${h.port}` })).status).toBe(200);
    expect((await h.request('/', { headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('refuses a foreign Origin', async () => {
    const r = await h.api('listSessions', {}, { origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect(r.json.error?.code).toBe('forbidden');
    expect((await h.api('listSessions', {}, { origin: h.shell.origin })).status).toBe(200);
  });

  it('serves the renderer with security headers and content types', async () => {
    const index = await h.request('/');
    expect(index.status).toBe(200);
    expect(index.text).toBe(INDEX_HTML);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CSP);
    expect(CSP).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await h.request('/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await h.request('/assets/style.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const missing = await h.request('/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-security-policy']).toBe(CSP);
    expect((await h.request('/', { method: 'DELETE' })).status).toBe(400);
  });

  it('refuses path traversal in static and media paths', async () => {
    const paths = [
      '/../secret.txt',
      '/../../etc/passwd',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/%00index.html',
      '/%E0%A4%A',
      '/media/sessions/../../x',
      '/media/sessions/%2e%2e/%2e%2e/secret.txt',
      `/media/clips/${SCENARIO_ID}/..%2f..%2f..%2fsecret.txt`,
      `/media/clips/..%2f..%2f/secret.txt`,
      '/media/clips/../../secret.txt',
    ];
    for (const path of paths) {
      const r = await h.request(path, { headers: { authorization: `Bearer ${h.shell.token}` } });
      expect([400, 404], path).toContain(r.status);
      expect(r.json.ok, path).toBe(false);
      expect(r.json.error?.message, path).toBeTruthy();
      expect(r.text, path).not.toContain(SECRET);
    }
  });
});
