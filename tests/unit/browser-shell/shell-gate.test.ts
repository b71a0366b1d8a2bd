import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOOPBACK } from '../../../electron/browser-shell/server.js';
import { pathEscape } from '../../../electron/browser-shell/path-guard.js';
import { listTree, SCENARIO_ID } from '../services/fixtures.js';
import { SECRET, startHarness, type Harness } from './harness.js';

/**
 * The browser shell's own gate: loopback only, Host and Origin (403 unless its own), and no
 * path escape on any route, before the token and the service's role check.
 */

let h: Harness;
let treeBefore: string[];
beforeAll(async () => {
  h = await startHarness('shell-gate');
  treeBefore = listTree(h.root);
});
afterAll(async () => {
  await h.shell.close();
  rmSync(h.root, { recursive: true, force: true });
});

const auth = () => ({ authorization: `Bearer ${h.shell.token}` });
/** One path per route the shell has. */
const routes = () => ['/', '/healthz', '/app.js', '/assets/style.css', '/api/listSessions', `/media/clips/${SCENARIO_ID}/greet.wav`, '/media/sessions/x/audio.wav', '/media/exports/x', '/media/reports/x'];

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('browser shell: where it listens', () => {
  it('listens on 127.0.0.1 only: no other address of this machine answers', async () => {
    expect(LOOPBACK).toBe('127.0.0.1');
    expect(new URL(h.shell.origin).hostname).toBe('127.0.0.1');
    expect(await canConnect('127.0.0.1', h.port)).toBe(true);
    // Link-local IPv6 addresses are reached through their interface (fe80::1%eth0).
    const others = Object.entries(networkInterfaces())
      .flatMap(([name, list]) => (list ?? []).map((i) => (i.family === 'IPv6' && i.scopeid ? `${i.address}%${name}` : i.address)))
      .filter((address) => address !== '127.0.0.1');
    console.log(`other addresses of this machine tried: ${others.join(', ') || 'none (only 127.0.0.1 exists here)'}`);
    for (const address of others) expect(await canConnect(address, h.port), address).toBe(false);
  });
});

describe('browser shell: Host and Origin', () => {
  it('answers 403 to a foreign Host on every route, with the token', async () => {
    for (const path of routes()) {
      for (const host of ['evil.example', `evil.example:${h.port}`, `127.0.0.1:${h.port + 1}`, `0.0.0.0:${h.port}`, `[::1]:${h.port}`]) {
        const r = await h.request(path, { method: path.startsWith('/api/') ? 'POST' : 'GET', headers: { ...auth(), host, 'content-type': 'application/json' }, body: path.startsWith('/api/') ? '{}' : undefined });
        expect(r.status, `${host} ${path}`).toBe(403);
        expect(r.json.error?.code, `${host} ${path}`).toBe('forbidden');
      }
    }
  });

  it('answers 403 to a foreign Origin on every route, with the token', async () => {
    const foreign = ['http://evil.example', 'null', `http://127.0.0.1:${h.port + 1}`, `https://127.0.0.1:${h.port}`, `http://127.0.0.1.evil.example:${h.port}`];
    for (const path of routes()) {
      for (const origin of foreign) {
        const r = await h.request(path, { method: path.startsWith('/api/') ? 'POST' : 'GET', headers: { ...auth(), origin, 'content-type': 'application/json' }, body: path.startsWith('/api/') ? '{}' : undefined });
        expect(r.status, `${origin} ${path}`).toBe(403);
        expect(r.json.error?.message, `${origin} ${path}`).toMatch(/other origins/);
      }
    }
    expect((await h.api('listSessions', {}, { origin: h.shell.origin })).status).toBe(200);
    expect((await h.api('listSessions', {}, { origin: `http://localhost:${h.port}` })).status).toBe(200);
    expect((await h.request('/app.js', { headers: { origin: h.shell.origin } })).status).toBe(200);
  });
});

describe('browser shell: path escapes', () => {
  const prefixes = ['/', '/assets/', '/healthz/', '/api/', `/media/clips/${SCENARIO_ID}/`, '/media/sessions/', '/media/exports/', '/media/reports/'];
  const kinds: Record<string, readonly string[]> = {
    'dot-dot': ['../secret.txt', '../../secret.txt', 'x/../../secret.txt', '..'],
    'encoded dot-dot': ['%2e%2e/secret.txt', '%2E%2E%2Fsecret.txt', '..%2f..%2fsecret.txt', '%2e%2e'],
    backslash: ['..\\secret.txt', '..%5csecret.txt', '%5c..%5csecret.txt'],
    'NUL and drive letters': ['%00secret.txt', 'C:%5csecret.txt', 'c%3a%2fsecret.txt'],
  };

  for (const [kind, tails] of Object.entries(kinds)) {
    it(`refuses ${kind} on every route (400, nothing served)`, async () => {
      for (const prefix of prefixes) {
        for (const tail of tails) {
          const path = `${prefix}${tail}`;
          const r = await h.request(path, { headers: auth() });
          expect(r.status, path).toBe(400);
          expect(r.json.error?.message, path).toMatch(/path is not allowed/);
          expect(r.text, path).not.toContain(SECRET);
        }
      }
    });
  }

  it('refuses absolute and protocol-relative request targets on every route (400, nothing served)', async () => {
    const secret = join(h.root, 'secret.txt');
    const paths = [`http://127.0.0.1:${h.port}/../secret.txt`, `http://127.0.0.1:${h.port}/app.js`, '//etc/passwd', `/${secret}`, '*'];
    for (const prefix of prefixes) paths.push(`${prefix}${secret}`, `${prefix}${encodeURIComponent(secret)}`);
    for (const path of paths) {
      const r = await h.request(path, { headers: auth() });
      expect(r.status, path).toBe(400);
      expect(r.text, path).not.toContain(SECRET);
    }
  });

  it('screens paths by one rule (path-guard.ts)', () => {
    for (const ok of ['/', '/app.js', '/assets/style.css', '/api/listSessions', '/media/clips/test-call/greet.wav', '/media/clips/test-call/hello%20there.wav']) expect(pathEscape(ok), ok).toBeNull();
    for (const bad of ['', 'app.js', '//x', '/a/../b', '/a/%2e%2e/b', '/a%2fb', '/a\\b', '/a%5cb', '/%00', '/%E0%A4%A', '/C:', '/.', '/a/./b', '/assets//etc/passwd']) expect(pathEscape(bad), bad).not.toBeNull();
  });

  it('wrote nothing anywhere under its folder while refusing', () => {
    expect(listTree(h.root)).toEqual(treeBefore);
  });
});

describe('browser shell: the role check', () => {
  it('goes through the service’s one gate: a candidate on a locked kiosk may not change settings', async () => {
    const tryout = await h.api('saveTryout', { name: 'Day', date: '2026-11-24', scenarioIds: [SCENARIO_ID], checklistIds: ['respect'], typedStepsAllowed: false });
    expect(tryout.status).toBe(200);
    expect((await h.api('setCoachPin', { pin: '8642' })).json).toEqual({ ok: true, result: { ok: true, retryAfterMs: 0 } });
    expect((await h.api('startTryoutDay', { tryoutId: (tryout.json.result as { id: string }).id })).status).toBe(200);
    const before = listTree(h.dataDir);
    const refused = await h.api('updateSettings', { patch: { retentionDays: 1 } });
    expect(refused.status).toBe(401);
    expect(refused.json.error).toEqual({ code: 'unauthorized', message: expect.stringMatching(/^Not allowed: updateSettings .*"candidate"/) });
    // Refused before the input is read: a malformed one gets the same answer.
    expect((await h.api('listSessions', { junk: true })).json.error?.message).toMatch(/^Not allowed: listSessions/);
    expect(listTree(h.dataDir)).toEqual(before);
  });
});
