import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../electron/browser-shell/cli-options.js';
import { createTrainerService } from '../../../electron/services/trainer-service.js';
import { makeScenariosDir, SCENARIO_ID, stereoPcm, tempRoot } from '../services/fixtures.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = ['--import', 'tsx', 'electron/browser-shell/cli.ts'];
const root = tempRoot('cli');
const scenariosDir = makeScenariosDir(root);
const rendererDir = join(root, 'renderer');
mkdirSync(rendererDir);
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('browser shell CLI', () => {
  it('recovers crashed sessions, prints one ready line, and stops cleanly on SIGTERM', async () => {
    const dataDir = join(root, 'data');
    const crashed = createTrainerService({ dataDir, scenariosDir, log: () => undefined });
    const m = await crashed.api.startSession({ scenarioId: SCENARIO_ID, candidate: { name: 'Ada' }, sampleRate: 16_000 });
    await crashed.api.appendAudio({ sessionId: m.id, seq: 0, pcm: stereoPcm(100) });
    await crashed.close();

    const token = 'fixed-test-token-123';
    const child = spawn(process.execPath, [...CLI, '--data-dir', dataDir, '--scenarios-dir', scenariosDir, '--renderer-dir', rendererDir, '--token', token], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const lines: string[] = [];
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no ready line: ${lines.join('\n')}`)), 30_000);
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        const match = /^Tryout browser shell ready: (\S+)$/.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          done(match[1]);
        }
      });
    });
    expect(lines).toEqual([`recovered session ${m.id}`, `Tryout browser shell ready: ${url}`]);
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?token=${token}$`));
    const origin = new URL(url).origin;
    expect(await (await fetch(`${origin}/healthz`)).text()).toBe('ok');
    const sessions = await fetch(`${origin}/api/listSessions`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(((await sessions.json()) as { result: { status: string }[] }).result[0]?.status).toBe('recovered');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('says "run npm run build first" in one line when the renderer is not built', () => {
    const r = spawnSync(process.execPath, [...CLI, '--data-dir', join(root, 'data2'), '--renderer-dir', join(root, 'nowhere')], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('run npm run build first');
  });

  it('refuses bad options', () => {
    const r = spawnSync(process.execPath, [...CLI, '--port', 'abc', '--renderer-dir', rendererDir], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--port must be a number/);
  });

  it('picks a platform-appropriate data folder', () => {
    expect(defaultDataDir({ TRYOUT_DATA_DIR: '/x/y' }, 'linux')).toBe('/x/y');
    expect(defaultDataDir({ HOME: '/home/a' }, 'linux')).toMatch(/\.local\/share\/tryout$/);
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Tryout$/);
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toMatch(/Tryout$/);
  });
});
