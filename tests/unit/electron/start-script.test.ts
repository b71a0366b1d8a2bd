import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { makeScenariosDir, tempRoot } from '../services/fixtures.js';

/**
 * scripts/start.mjs, run for real. ELECTRON_OVERRIDE_DIST_PATH makes node_modules/electron
 * return `<dir>/electron` without downloading, so the lookup can be made to fail fast (an
 * empty dir) or to succeed (a dir holding a fake `electron` executable).
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const START = join(ROOT, 'scripts', 'start.mjs');
const root = tempRoot('start');
const scenariosDir = makeScenariosDir(root);
const rendererDir = join(root, 'renderer');
mkdirSync(rendererDir);
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const FALLBACK = /^Electron runtime not available here \((.+)\); starting the browser shell instead\.$/;

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  delete base['TRYOUT_BROWSER_SHELL'];
  return { ...base, ...extra };
}

// Each test starts real processes (tsx, the shell): generous timeouts for a loaded 2-core machine.
describe('npm start (scripts/start.mjs)', { timeout: 60_000 }, () => {
  it('falls back to the browser shell in one line when Electron cannot be had, and forwards SIGTERM', async () => {
    const child = spawn(process.execPath, [START, '--data-dir', join(root, 'data'), '--scenarios-dir', scenariosDir, '--renderer-dir', rendererDir, '--port', '0'], {
      cwd: ROOT,
      env: env({ ELECTRON_OVERRIDE_DIST_PATH: join(root, 'no-electron-here') }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const lines: string[] = [];
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no ready line: ${lines.join('\n')}`)), 30_000);
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        if (line.startsWith('Tryout browser shell ready: ')) {
          clearTimeout(timer);
          done();
        }
      });
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(FALLBACK);
    expect(FALLBACK.exec(lines[0] ?? '')?.[1]).toBe(`no executable at ${join(root, 'no-electron-here', 'electron')}`);
    expect(lines[1]).toMatch(/^Tryout browser shell ready: http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('skips the Electron attempt with TRYOUT_BROWSER_SHELL=1 and passes on the shell exit code', () => {
    const r = spawnSync(process.execPath, [START, '--data-dir', join(root, 'data2'), '--renderer-dir', join(root, 'nowhere')], {
      cwd: ROOT,
      env: env({ TRYOUT_BROWSER_SHELL: '1', ELECTRON_OVERRIDE_DIST_PATH: join(root, 'unused') }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.stdout.trim()).toBe('Electron runtime not available here (skipped: TRYOUT_BROWSER_SHELL=1); starting the browser shell instead.');
    expect(r.stderr).toContain('run npm run build first');
    expect(r.status).toBe(1);
  });

  it.skipIf(process.platform === 'win32')('runs an available Electron on the project folder and exits with its code', () => {
    const dist = join(root, 'fake-electron');
    mkdirSync(dist);
    const fake = join(dist, 'electron');
    writeFileSync(fake, '#!/bin/sh\necho "fake electron: $1"\nexit 7\n');
    chmodSync(fake, 0o755);
    const r = spawnSync(process.execPath, [START], { cwd: ROOT, env: env({ ELECTRON_OVERRIDE_DIST_PATH: dist }), encoding: 'utf8', timeout: 30_000 });
    expect(r.stdout.trim()).toBe(`fake electron: ${ROOT}`);
    expect(r.status).toBe(7);
  });
});
