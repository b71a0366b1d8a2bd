import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenario, type ParseScenarioOptions } from '../../../../core/scenario/load.js';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/scenarios-goals');
const HEAD = 'id: small\ntitle: T\nbrief: B\ncustomer:\n  name: Robin\nchecklists: [respect]\n';

function check(name: string, options: ParseScenarioOptions = {}) {
  const result = parseScenario(name, readFileSync(join(FIXTURES, name), 'utf8'), options);
  return { ...result, lines: result.problems.map(formatProblem) };
}

function lines(text: string, options: ParseScenarioOptions = {}): string[] {
  return parseScenario('small.yaml', text, options).problems.map(formatProblem);
}

describe('scenario goals: a good file', () => {
  it('loads goals, facts, outcomes and because, with defaults filled in', () => {
    const asked: string[] = [];
    const { scenario, lines: got } = check('goals-good.yaml', { itemExists: (ref) => (asked.push(ref), true) });
    expect(got).toEqual([]);
    expect(asked).toEqual(['respect/no-red-flags']);
    expect(scenario?.facts).toEqual([{ id: 'order-number', label: 'the order number', value: '4471', kind: 'number', accept: ['four four seven one'] }]);
    const answer = scenario?.steps[1];
    expect(answer && 'listen' in answer ? answer.goals : null).toEqual({
      expect: [
        { move: 'apologise', examples: ['Sorry it never came.'] },
        { move: 'next-step', examples: [] },
      ],
      redFlags: [{ flag: 'blame', examples: ['You must have missed the courier.'] }],
      facts: ['order-number'],
      modelAnswer: "Sorry it never came. I'm refunding order four four seven one today.",
    });
    expect(scenario?.steps.flatMap((s) => ('say' in s && s.outcome ? [`${s.id}:${s.outcome}`] : []))).toEqual(['upset:cancelled', 'happy:resolved']);
  });

  it('allows an outcome on the last customer line even when a written note follows it', () => {
    // goals-good's "happy" goes on to a type step, then ends: no customer line can follow.
    expect(check('goals-good.yaml').lines).toEqual([]);
  });
});

describe('scenario goals: each problem, with its exact position', () => {
  it('reports every goal problem of a file in one pass', () => {
    const { scenario, lines: got } = check('goals-bad.yaml', { itemExists: (ref) => ref !== 'respect/no-such-item' });
    expect(scenario).toBeNull();
    expect(got).toEqual([
      'goals-bad.yaml:12:9: duplicate fact id "order-number"',
      `goals-bad.yaml:18:14: outcome in step "greet": only the customer's last line says how the call ended, and step "bye" can still follow`,
      'goals-bad.yaml:24:17: move "apologise" is expected twice in step "answer"',
      `goals-bad.yaml:25:15: step "answer" names unknown fact "order-numbr" (the scenario's facts are order-number)`,
      'goals-bad.yaml:31:20: because in step "decide" names the "patience" checklist, which this scenario does not use (it uses respect)',
      'goals-bad.yaml:34:20: because in step "decide" names unknown checklist item "respect/no-such-item"',
    ]);
  });

  it('checks because items only when the checklists are known', () => {
    expect(check('goals-bad.yaml').lines.filter((l) => l.includes('no-such-item'))).toEqual([]);
  });

  it('names a fact when the scenario has none', () => {
    const text = `${HEAD}steps:\n  - id: a\n    listen: {}\n    goals: { facts: [flight] }\n`;
    expect(lines(text)).toEqual([`small.yaml:10:22: step "a" names unknown fact "flight" (the scenario has no facts)`]);
  });

  it('refuses an outcome on a line the call goes back from (a loop to a listening step)', () => {
    const text = `${HEAD}steps:\n  - id: a\n    listen: {}\n  - id: cut-in\n    say: Let me finish!\n    outcome: calmed\n    next: a\n`;
    expect(lines(text)).toEqual([`small.yaml:12:14: outcome in step "cut-in": only the customer's last line says how the call ended, and step "cut-in" can still follow`]);
  });

  it('accepts an outcome on the last step, which ends the call without next: end', () => {
    const text = `${HEAD}steps:\n  - id: a\n    listen: {}\n  - id: bye\n    say: Bye.\n    outcome: hung-up\n`;
    expect(lines(text)).toEqual([]);
  });

  it('refuses an outcome on a step that is not a say step, and an unknown outcome', () => {
    const text = `${HEAD}steps:\n  - id: a\n    listen: {}\n    outcome: resolved\n  - id: bye\n    say: Bye.\n    outcome: happy\n`;
    expect(lines(text)).toEqual([
      'small.yaml:10:5: unknown key "outcome" in step "a"',
      'small.yaml:13:14: "outcome" in step "bye" must be "resolved", "calmed", "escalated", "hung-up" or "cancelled"',
    ]);
  });

  it('refuses a because that is not <checklist>/<item>', () => {
    const text = `${HEAD}steps:\n  - id: a\n    branch:\n      rules:\n        - { when: { noAnswer: true }, goto: end, because: blame }\n      otherwise: end\n`;
    expect(lines(text)).toEqual(['small.yaml:11:59: item must be "<checklist>/<item-id>", e.g. respect/no-red-flags (step "a")']);
  });
});
