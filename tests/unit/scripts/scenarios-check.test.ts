import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarios, resolveClipPath } from '../../../electron/services/scenarios/scenario-repository.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const BAD = 'tests/fixtures/scenarios-bad';
const GOOD = 'tests/fixtures/scenarios-good';
const temp = mkdtempSync(join(tmpdir(), 'tryout-check-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function runCheck(...files: string[]) {
  const r = spawnSync('npx', ['tsx', 'scripts/scenarios-check.ts', ...files], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout.split('\n').filter(Boolean), stderr: r.stderr };
}

describe('npm run scenarios:check', () => {
  it('prints one file:line:col: message line per problem and exits 1', () => {
    const r = runCheck(`${BAD}/wrong-type.yaml`, `${BAD}/missing-clip.yaml`, `${BAD}/unknown-key.yaml`, `${GOOD}/good-call.yaml`);
    expect(r.code).toBe(1);
    expect(r.stdout).toEqual([
      `${BAD}/wrong-type.yaml:9:23: "listen.timeoutSeconds" in step "answer" must be a number, not text`,
      `${BAD}/missing-clip.yaml:8:5: missing clip audio/missing-clip/greet.wav for step "greet"`,
      `${BAD}/unknown-key.yaml:9:5: step "greet" needs one of say, hold, listen, type, repeat or branch`,
      `${BAD}/unknown-key.yaml:10:5: unknown key "speak" in step "greet"`,
    ]);
    expect(r.stderr).toContain('scenarios:check: 4 files, 4 problems');
  });

  it('reports every problem of a file with several at once', () => {
    const r = runCheck(`${BAD}/many-problems.yaml`);
    expect(r.code).toBe(1);
    const positions = ['6:10', '9:5', '12:23', '13:9', '16:7', '21:17', '26:5'];
    expect(r.stdout.map((line) => line.split(': ')[0])).toEqual(positions.map((p) => `${BAD}/many-problems.yaml:${p}`));
    expect(r.stderr).toContain('scenarios:check: 1 file, 7 problems');
  });

  it('exits 0 for a good file whose clips are in <dir of file>/audio/<id>/', () => {
    const r = runCheck(`${GOOD}/good-call.yaml`);
    expect(r.code).toBe(0);
    expect(r.stdout).toEqual([]);
    expect(r.stderr).toContain('scenarios:check: 1 file, 0 problems');
  });

  it('accepts a folder, and names files outside the working directory by absolute path', () => {
    const dir = join(temp, 'outside');
    mkdirSync(dir);
    writeFileSync(join(dir, 'broken.yaml'), 'id: broken\ntitle: Broken\nbrief: b\ncustomer: { name: X }\nsteps:\n  - id: a\n    speak: "hi"\n');
    const r = runCheck(dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${join(dir, 'broken.yaml')}:7:5: unknown key "speak" in step "a"`);
    expect(r.stderr).toContain('scenarios:check: 1 file, 2 problems');
  });

  it('warns, without failing, about words the phrase spotter\'s dictionary lacks, on the line that has them', () => {
    const dir = join(temp, 'names');
    cpSync(join(ROOT, GOOD), dir, { recursive: true });
    const file = join(dir, 'good-call.yaml');
    const text = readFileSync(file, 'utf8').replace('name: Robin', 'name: Robin Zentrova').replace('hint: Apologise', 'hint: Give the booking code QX7R2L, then apologise');
    writeFileSync(file, text.replace('ask for the order number.\n', 'ask for the order number.\n    goals:\n      facts: [code]\n').replace('steps:', 'facts:\n  - id: code\n    label: the booking code\n    value: QX7R2L\n    kind: code\nsteps:'));
    const r = runCheck(file);
    expect(r.stderr).toContain('0 problems');
    expect(r.code).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('warning:'));
    const line = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(warnings).toContainEqual(expect.stringMatching(new RegExp(`good-call\\.yaml:${line('name: Robin Zentrova')}:\\d+: warning: "zentrova" is not in the phrase spotter's dictionary; it will be listened for as [A-Z ]+, guessed from its spelling`)));
    expect(warnings.some((w) => w.includes('"qx7r2l"') && w.includes('spelled out letter by letter'))).toBe(true);
    expect(r.stderr).toMatch(/1 file, 0 problems, [1-9]\d* warnings?/);
  });

  it('reports a file that cannot be read', () => {
    const r = runCheck(`${BAD}/no-such-file.yaml`);
    expect(r.code).toBe(1);
    expect(r.stdout).toEqual([`${BAD}/no-such-file.yaml:1:1: cannot read the file (ENOENT)`]);
  });
});

describe('scenario repository', () => {
  it('loads the good scenarios sorted by title and lists the problems of the others', () => {
    const dir = join(temp, 'repo');
    cpSync(join(ROOT, GOOD), dir, { recursive: true });
    writeFileSync(join(dir, 'another-call.yaml'), 'id: another-call\ntitle: Another call\nbrief: b\ncustomer: { name: X }\nsteps:\n  - id: a\n    listen: {}\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a scenario');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'ignored.yaml'), 'id: [');
    cpSync(join(ROOT, BAD, 'wrong-type.yaml'), join(dir, 'wrong-type.yaml'));
    const { scenarios, problems } = loadScenarios(dir);
    expect(scenarios.map((s) => s.title)).toEqual(['A good call', 'Another call']);
    expect(problems).toEqual([{ file: join(dir, 'wrong-type.yaml'), line: 9, col: 23, message: '"listen.timeoutSeconds" in step "answer" must be a number, not text' }]);
  });

  it('resolveClipPath returns existing clips and refuses anything path-like', () => {
    const dir = join(ROOT, GOOD);
    expect(resolveClipPath(dir, 'good-call', 'greet.wav')).toBe(join(dir, 'audio', 'good-call', 'greet.wav'));
    expect(resolveClipPath(dir, 'good-call', 'missing.wav')).toBeNull();
    for (const [id, clip] of [
      ['good-call', '../good-call/greet.wav'],
      ['good-call', '..'],
      ['good-call', '/etc/passwd'],
      ['good-call', 'greet.mp3'],
      ['good-call', 'Greet.wav'],
      ['..', 'greet.wav'],
      ['good-call/../good-call', 'greet.wav'],
      ['', 'greet.wav'],
    ] as const) {
      expect(resolveClipPath(dir, id, clip)).toBeNull();
    }
  });
});
