import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, MAX_SCENARIO_SIZE, parseScenario } from '../../../../core/scenario/load.js';

const FIXTURES = join(import.meta.dirname, '../../../fixtures');
const HEAD = (id: string) => `id: ${id}\ntitle: T\nbrief: B\ncustomer:\n  name: Robin\nsteps:\n`;

type ClipExists = (scenarioId: string, clip: string) => boolean;
const allClips: ClipExists = () => true;

/** Parses a fixture and returns its problems as `file:line:col: message` lines. */
function check(dir: 'scenarios-bad' | 'scenarios-good', name: string, clipExists: ClipExists = allClips) {
  const result = parseScenario(name, readFileSync(join(FIXTURES, dir, name), 'utf8'), { clipExists });
  return { ...result, lines: result.problems.map(formatProblem) };
}

function lines(file: string, text: string, clipExists?: ClipExists): string[] {
  return parseScenario(file, text, clipExists ? { clipExists } : {}).problems.map(formatProblem);
}

describe('parseScenario: a good file', () => {
  it('returns the scenario with defaults filled in and no problems', () => {
    const seen: string[] = [];
    const { scenario, problems } = check('scenarios-good', 'good-call.yaml', (id, clip) => {
      seen.push(`${id}/${clip}`);
      return true;
    });
    expect(problems).toEqual([]);
    expect(scenario?.id).toBe('good-call');
    expect(scenario?.customer).toEqual({ name: 'Robin', voice: 'kal' });
    expect(scenario?.steps.map((s) => s.id)).toEqual(['greet', 'answer', 'again', 'decide', 'wait', 'write']);
    expect(scenario?.steps[1]).toEqual({ id: 'answer', listen: { timeoutSeconds: 10, maxSeconds: 90, hint: 'Apologise and ask for the order number.', typingNoise: false } });
    expect(seen).toEqual(['good-call/greet.wav', 'good-call/greet.wav']);
  });

  it('does not check clips without clipExists', () => {
    const text = readFileSync(join(FIXTURES, 'scenarios-good/good-call.yaml'), 'utf8');
    expect(parseScenario('good-call.yaml', text, {}).problems).toEqual([]);
  });
});

describe('parseScenario: each kind of problem, with its exact position', () => {
  const cases: [string, string[]][] = [
    ['bad-indent.yaml', ['bad-indent.yaml:10:1: bad indentation: all mapping items must start at the same column']],
    ['tab-indent.yaml', ['tab-indent.yaml:9:1: tab used for indentation; indent with spaces']],
    ['duplicate-key.yaml', ['duplicate-key.yaml:4:1: duplicate key "title"']],
    [
      'unknown-key.yaml',
      [
        'unknown-key.yaml:9:5: step "greet" needs one of say, hold, listen, type, repeat or branch',
        'unknown-key.yaml:10:5: unknown key "speak" in step "greet"',
      ],
    ],
    ['wrong-type.yaml', ['wrong-type.yaml:9:23: "listen.timeoutSeconds" in step "answer" must be a number, not text']],
    ['duplicate-step-id.yaml', ['duplicate-step-id.yaml:9:9: duplicate step id "answer" (first used on line 7)']],
    ['unknown-branch-target.yaml', ['unknown-branch-target.yaml:13:17: branch in step "decide" goes to unknown step "calmm"']],
  ];
  it.each(cases)('%s', (name, expected) => {
    const { scenario, lines: got } = check('scenarios-bad', name);
    expect(got).toEqual(expected);
    expect(scenario).toBeNull();
  });

  it('missing clip: names the expected path and points at the say key', () => {
    const asked: string[] = [];
    const { lines: got } = check('scenarios-bad', 'missing-clip.yaml', (id, clip) => {
      asked.push(`${id}/${clip}`);
      return false;
    });
    expect(got).toEqual(['missing-clip.yaml:8:5: missing clip audio/missing-clip/greet.wav for step "greet"']);
    expect(asked).toEqual(['missing-clip/greet.wav']);
  });

  it('missing clip given by name: points at the clip value', () => {
    const text = `${HEAD('named-clip')}  - id: greet\n    say: Hello\n    clip: hello.wav\n`;
    expect(lines('named-clip.yaml', text, () => false)).toEqual(['named-clip.yaml:9:11: missing clip audio/named-clip/hello.wav for step "greet"']);
  });

  it('alias bomb: reported at the first alias, fast, without expanding it', () => {
    const started = performance.now();
    const { lines: got } = check('scenarios-bad', 'alias-bomb.yaml');
    expect(got).toEqual(['alias-bomb.yaml:7:10: too many aliases: the file expands to more than 100 copies (an "alias bomb"?)']);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a deeper alias bomb (10^30 strings) also finishes fast', () => {
    const levels = Array.from({ length: 30 }, (_, i) => `b${i + 1}: &b${i + 1} [${Array<string>(10).fill(`*b${i}`).join(', ')}]`);
    const text = `b0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${levels.join('\n')}\n`;
    const started = performance.now();
    const got = lines('deep-bomb.yaml', text);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/^deep-bomb\.yaml:2:10: too many aliases/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('several problems in one file: all reported in one pass, in file order', () => {
    const { lines: got } = check('scenarios-bad', 'many-problems.yaml', (_id, clip) => clip !== 'greet.wav');
    expect(got).toEqual([
      'many-problems.yaml:6:10: "customer.voice" must be "us-slt" or "kal"',
      'many-problems.yaml:9:5: missing clip audio/many-problems/greet.wav for step "greet"',
      'many-problems.yaml:12:23: "listen.timeoutSeconds" in step "answer" must be a number, not text',
      'many-problems.yaml:13:9: duplicate step id "answer" (first used on line 10)',
      'many-problems.yaml:16:7: duplicate key "prompt"',
      'many-problems.yaml:21:17: branch in step "decide" goes to unknown step "calmm"',
      'many-problems.yaml:26:5: unknown key "speak" in step "wait"',
    ]);
  });
});

describe('parseScenario: other checks', () => {
  it('the scenario id must match the file name', () => {
    const text = `${HEAD('long-hol')}  - id: a\n    listen: {}\n`;
    expect(lines('scenarios/long-hold.yaml', text)).toEqual(['scenarios/long-hold.yaml:1:5: scenario id "long-hol" does not match the file name (expected "long-hold")']);
  });

  it('a step with two kinds, a step that is not a mapping, next to an unknown step; "end" is allowed', () => {
    const text = `${HEAD('steps')}  - id: a\n    say: Hi\n    listen: {}\n  - just text\n  - id: b\n    listen: {}\n    next: nowhere\n  - id: c\n    listen: {}\n    next: end\n`;
    expect(lines('steps.yaml', text)).toEqual([
      'steps.yaml:7:5: step "a" has more than one of say, listen; a step does one thing',
      'steps.yaml:10:5: step 2 must be a mapping with an "id" and one of say, hold, listen, type, repeat or branch',
      'steps.yaml:13:11: next in step "b" goes to unknown step "nowhere"',
    ]);
  });

  it('repeat.of must name a listen step', () => {
    const text = `${HEAD('repeats')}  - id: a\n    say: Hi\n  - id: b\n    repeat: { of: a, say: Again? }\n  - id: c\n    repeat: { of: zz, say: Again? }\n`;
    expect(lines('repeats.yaml', text)).toEqual([
      'repeats.yaml:10:19: repeat in step "b" must name a listen step, and "a" is not one',
      'repeats.yaml:12:19: repeat in step "c" names unknown step "zz"',
    ]);
  });

  it('missing fields, bad values and a rule with two keys', () => {
    const text = 'id: rules\ntitle: ""\nbrief: B\ncustomer: {}\nsteps:\n  - id: d\n    branch:\n      rules:\n        - when: { noAnswer: true, typedContains: [x] }\n          goto: end\n      otherwise: end\n  - id: h\n    hold: { seconds: 0 }\n';
    expect(lines('rules.yaml', text)).toEqual([
      'rules.yaml:2:8: "title" must not be empty',
      'rules.yaml:4:11: missing "customer.name"',
      'rules.yaml:9:17: "branch.rules[0].when" in step "d" must have exactly one of typedContains, typedLacks, saidContains, saidLacks, talkedOver, check, spokeAtLeastSeconds, spokeUnderSeconds, answeredWithinSeconds or noAnswer',
      'rules.yaml:13:22: "hold.seconds" in step "h" must be more than 0',
    ]);
  });

  it('an empty file and a file that is a list', () => {
    expect(lines('empty.yaml', '')).toEqual(['empty.yaml:1:1: the file must be a mapping (key: value lines), not empty']);
    expect(lines('list.yaml', '- a\n')).toEqual(['list.yaml:1:1: the file must be a mapping (key: value lines), not a list']);
  });

  it('an unknown alias is reported at the alias', () => {
    expect(lines('alias.yaml', `${HEAD('alias')}  - id: a\n    say: *nope\n`)).toEqual(['alias.yaml:8:10: unknown alias "*nope"']);
  });

  it('a problem inside an alias is shown where the step uses it', () => {
    const text = `${HEAD('shared')}  - id: a\n    listen: &l\n      timeoutSeconds: "x"\n  - id: b\n    listen: *l\n`;
    expect(lines('shared.yaml', text)).toEqual([
      'shared.yaml:9:23: "listen.timeoutSeconds" in step "a" must be a number, not text',
      'shared.yaml:11:13: "listen.timeoutSeconds" in step "b" must be a number, not text',
    ]);
  });

  it('after a broken line, keeps earlier problems and drops what follows from the break', () => {
    const text = `${HEAD('broken')}  - id: a\n    listen: {}\n    speak: hi\n  - id: b\n    listen:\n\t  timeoutSeconds: 3\n    next: nowhere\n`;
    expect(lines('broken.yaml', text)).toEqual([
      'broken.yaml:9:5: unknown key "speak" in step "a"',
      'broken.yaml:12:1: tab used for indentation; indent with spaces',
    ]);
  });

  it('a byte order mark does not shift columns', () => {
    expect(lines('bom.yaml', `\uFEFF${HEAD('bom')}  - id: a\n    listen: {}\n    x: 1\n`)).toEqual(['bom.yaml:9:5: unknown key "x" in step "a"']);
  });

  it('refuses a file too large for a scenario without parsing it', () => {
    const text = `${HEAD('big')}# ${'x'.repeat(MAX_SCENARIO_SIZE)}\n`;
    expect(lines('big.yaml', text)).toEqual(['big.yaml:1:1: file is too large for a scenario (over 128 KB)']);
  });

  it('sums up the problems beyond the first hundred in one line', () => {
    const keys = Array.from({ length: 150 }, (_, i) => `    x${i}: 1\n`).join('');
    const got = lines('crowded.yaml', `${HEAD('crowded')}  - id: a\n    listen: {}\n${keys}`);
    expect(got).toHaveLength(101);
    expect(got.at(-1)).toBe('crowded.yaml:108:5: 50 more problems not shown');
  });

  it('formatProblem gives file:line:col: message', () => {
    expect(formatProblem({ file: 'scenarios/a.yaml', line: 3, col: 7, message: 'oops' })).toBe('scenarios/a.yaml:3:7: oops');
  });
});
