import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const temp = mkdtempSync(join(tmpdir(), 'tryout-check-goals-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function runCheck(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'scripts/scenarios-check.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout.split('\n').filter(Boolean), stderr: r.stderr };
}

/** A scenarios folder: the shipped checklists, a vocabulary fixture and a goals fixture. */
function folder(name: string, vocabulary: string, scenario: string): string {
  const dir = join(temp, name);
  mkdirSync(join(dir, 'checklists'), { recursive: true });
  mkdirSync(join(dir, 'judgement'));
  for (const id of ['respect', 'patience', 'recall', 'escalation', 'writing']) cpSync(join(ROOT, 'scenarios/checklists', `${id}.yaml`), join(dir, 'checklists', `${id}.yaml`));
  cpSync(join(ROOT, 'tests/fixtures/judgement', vocabulary), join(dir, 'judgement', 'moves.yaml'));
  cpSync(join(ROOT, 'tests/fixtures/scenarios-goals', scenario), join(dir, scenario));
  return dir;
}

describe('npm run scenarios:check with goals', () => {
  it('checks judgement/moves.yaml and branch because items against the folder\'s checklists', () => {
    const dir = folder('bad', 'moves-bad.yaml', 'goals-bad.yaml');
    const r = runCheck(dir);
    expect(r.code).toBe(1);
    const moves = join(dir, 'judgement', 'moves.yaml');
    const scenario = join(dir, 'goals-bad.yaml');
    expect(r.stdout).toContain(`${moves}:5:47: move "apologise" counts toward unknown checklist item "respect/apologizes"`);
    expect(r.stdout).toContain(`${moves}:15:100: example "Leave it with me!" is both a red flag "sarcasm" and a move "own"`);
    expect(r.stdout).toContain(`${scenario}:34:20: because in step "decide" names unknown checklist item "respect/no-such-item"`);
    expect(r.stdout).toContain(`${scenario}:25:15: step "answer" names unknown fact "order-numbr" (the scenario's facts are order-number)`);
    expect(r.stderr).toContain('scenarios:check: 7 files,');
  });

  it('passes a folder whose goals, because items and vocabulary are all good', () => {
    const dir = folder('good', 'moves-good.yaml', 'goals-good.yaml');
    const r = runCheck(dir);
    // The fixture has no clips: those are the only problems.
    expect(r.stdout.filter((line) => !line.includes('missing clip'))).toEqual([]);
    expect(r.stdout.length).toBeGreaterThan(0);
  });
});
