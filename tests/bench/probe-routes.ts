import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { SECRET, startHarness, type Harness } from '../unit/browser-shell/harness.js';
import { listTree, SCENARIO_ID } from '../unit/services/fixtures.js';

/**
 * Hostile HTTP requests against a real browser shell, per route: no token, a wrong token, a
 * foreign Host (DNS rebinding), a foreign Origin, and path escapes (dot-dot plain and encoded,
 * backslashes, NUL, drive letters, absolute paths). A request is refused when the status is 4xx
 * and the body holds nothing of the secret file next to the renderer; afterwards the shell's
 * whole folder must be as it was (nothing written anywhere).
 */

export interface Tally {
  tried: number;
  refused: number;
  /** The first few requests that were not refused, to print. */
  readonly leaks: string[];
}

const ROUTES = ['/', '/app.js', '/assets/style.css', '/api/listSessions', `/media/clips/${SCENARIO_ID}/greet.wav`, '/media/sessions/', '/media/exports/', '/media/reports/'];
const ESCAPES = ['../secret.txt', '../../secret.txt', 'x/../../secret.txt', '%2e%2e/secret.txt', '%2E%2E%2Fsecret.txt', '..%2f..%2fsecret.txt', '..\\secret.txt', '..%5csecret.txt', '%00secret.txt', 'C:%5csecret.txt', 'c%3a%2fsecret.txt'];

function routeOf(path: string): string {
  return ROUTES.filter((r) => r !== '/' && path.startsWith(r)).sort((a, b) => b.length - a.length)[0] ?? '/';
}

async function attempt(h: Harness, tallies: Map<string, Tally>, route: string, label: string, path: string, headers: Record<string, string>, mustBe: (status: number) => boolean): Promise<void> {
  const api = path.startsWith('/api/');
  const r = await h.request(path, { method: api ? 'POST' : 'GET', headers: { ...(api ? { 'content-type': 'application/json' } : {}), ...headers }, ...(api ? { body: '{}' } : {}) });
  const tally = tallies.get(route) ?? { tried: 0, refused: 0, leaks: [] };
  tallies.set(route, tally);
  tally.tried += 1;
  if (mustBe(r.status) && !r.text.includes(SECRET)) tally.refused += 1;
  else if (tally.leaks.length < 3) tally.leaks.push(`${label} ${path} -> ${r.status}`);
}

/** Per route: hostile requests refused / tried; and whether anything was written under the shell's folder. */
export async function probeRoutes(): Promise<{ tallies: Map<string, Tally>; unchanged: boolean }> {
  const h = await startHarness('probe-routes');
  const tallies = new Map<string, Tally>();
  try {
    const before = listTree(h.root);
    const token = { authorization: `Bearer ${h.shell.token}` };
    const is4xx = (status: number) => status >= 400 && status < 500;
    for (const route of ROUTES) {
      const guarded = route.startsWith('/api/') || route.startsWith('/media/');
      if (guarded) {
        await attempt(h, tallies, route, 'no token', route, {}, (s) => s === 401);
        await attempt(h, tallies, route, 'wrong token', route, { authorization: 'Bearer not-the-token-at-all-0000000000' }, (s) => s === 401);
      }
      for (const host of ['evil.example', `evil.example:${h.port}`, `127.0.0.1:${h.port + 1}`, `0.0.0.0:${h.port}`]) await attempt(h, tallies, route, `Host ${host}`, route, { ...token, host }, (s) => s === 403);
      for (const origin of ['http://evil.example', `http://localhost:${h.port + 1}`, 'null']) await attempt(h, tallies, route, `Origin ${origin}`, route, { ...token, origin }, (s) => s === 403);
      for (const tail of ESCAPES) await attempt(h, tallies, routeOf(`${route}${tail}`), 'escape', `${route === '/' ? '/' : route.replace(/[^/]*$/, '')}${tail}`, token, is4xx);
      await attempt(h, tallies, route, 'absolute', `${route === '/' ? '' : route.replace(/[^/]*$/, '')}${join(h.root, 'secret.txt')}`, token, is4xx);
    }
    return { tallies, unchanged: JSON.stringify(listTree(h.root)) === JSON.stringify(before) };
  } finally {
    await h.shell.close();
    rmSync(h.root, { recursive: true, force: true });
  }
}
