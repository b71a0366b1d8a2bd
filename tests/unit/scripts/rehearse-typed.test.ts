import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../../core/scenario/load.js';
import { checkRehearsal, RehearsalInputError } from '../../../scripts/rehearse/rehearsal.js';
import { typedAnswersProblem } from '../../../scripts/rehearse/typed-answers.js';
import { makeScenariosDir, SCENARIO_YAML, tempRoot } from '../services/fixtures.js';

const root = tempRoot('rehearse-typed');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const TWO_TYPED = `id: two-notes
title: Two notes
brief: b
customer: {name: A}
steps:
  - id: hi
    say: Hi
  - id: note
    type: {prompt: Write the account note., minChars: 10}
  - id: email
    type: {prompt: Reply to the e-mail.}
`;

describe('typed answers of a rehearsal', () => {
  const { scenario } = parseScenario('two-notes.yaml', TWO_TYPED);
  if (!scenario) throw new Error('the test scenario does not parse');

  it('names each typed step, its answer line and what is wrong with it', () => {
    expect(typedAnswersProblem(scenario, [])).toBe(
      'scenario "two-notes" has 2 typed steps, and --typed gave 0 answers. Pass --typed <file> with one answer per line, in the order the call reaches them:\n' +
        '  line 1 -> step "note" (at least 10 characters): Write the account note. [missing]\n' +
        '  line 2 -> step "email" (at least 1 characters): Reply to the e-mail. [missing]',
    );
    expect(typedAnswersProblem(scenario, ['too short', 'ok'])).toMatch(/line 1 -> step "note".*\[too short: 9 of at least 10 characters\]\n.*line 2 -> step "email".*\[given\]/);
    expect(typedAnswersProblem(scenario, ['Refund sent today.', 'Sorry'])).toBeNull();
  });

  it('refuses before anything starts', () => {
    const scenariosDir = makeScenariosDir(root);
    writeFileSync(join(scenariosDir, 'two-notes.yaml'), TWO_TYPED);
    expect(() => checkRehearsal({ scenarioId: 'two-notes', typed: [], scenariosDir })).toThrow(RehearsalInputError);
    expect(() => checkRehearsal({ scenarioId: 'two-notes', typed: [], scenariosDir })).toThrow(/step "note"/);
    expect(() => checkRehearsal({ scenarioId: 'no-such-one', typed: [], scenariosDir })).toThrow(/no scenario "no-such-one"/);
    expect(() => checkRehearsal({ scenarioId: 'test-call', typed: [], scenariosDir })).not.toThrow();
    expect(SCENARIO_YAML).not.toContain('type:');
  });

  it('npm run rehearse on a shipped scenario with a typed step and no --typed says which step needs which answer and exits 2', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/rehearse.ts', '--scenario', 'written-reply'], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^rehearse: scenario "written-reply" has 1 typed step, and --typed gave 0 answers/);
    expect(run.stderr).toMatch(/line 1 -> step "[a-z0-9-]+" \(at least \d+ characters\): \S/);
    // Stopped before the browser shell started.
    expect(run.stdout).not.toContain('session folder');
  });
});
