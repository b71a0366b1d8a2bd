import { describe, expect, it } from 'vitest';
import { createEngine, type EngineInput, type EngineState } from '../../../../core/scenario/engine.js';
import { formatProblem, parseScenario } from '../../../../core/scenario/load.js';
import type { Scenario } from '../../../../core/scenario/schema.js';
import { DEFAULT_STILL_THERE_CLIP, DEFAULT_STILL_THERE_LINE, stillThereLine } from '../../../../core/scenario/still-there.js';
import type { SessionEvent } from '../../../../core/session/events.js';

const SR = 16_000;
const s = (seconds: number) => seconds * SR;

const base: Scenario = {
  id: 'quiet-call',
  title: 'Quiet call',
  brief: 'A test.',
  customer: { name: 'Pat', voice: 'us-slt' },
  checklists: [],
  steps: [
    { id: 'greet', say: 'Hello, is this the help desk?' },
    { id: 'answer', listen: { timeoutSeconds: 10, maxSeconds: 30, typingNoise: false } },
    { id: 'decide', branch: { rules: [{ when: { noAnswer: true }, goto: 'gone' }], otherwise: 'thanks' } },
    { id: 'thanks', say: 'Thank you.', next: 'end' },
    { id: 'gone', say: 'I will call back later.' },
  ],
};

function drive(scenario: Scenario, inputs: readonly EngineInput[]) {
  const engine = createEngine(scenario, SR);
  let state: EngineState = engine.initial;
  const events: SessionEvent[] = [];
  const commands: string[] = [];
  for (const input of inputs) {
    const t = engine.transition(state, input);
    state = t.state;
    events.push(...t.events);
    commands.push(...t.commands.map((c) => (c.type === 'ask-still-there' ? `${c.type}:${c.stepId}:${c.clip}:${c.caption}` : c.type + ('stepId' in c ? `:${c.stepId}` : ''))));
  }
  return { state, events, commands };
}

// The greeting ends at 2 s; the listen's deadline is 12 s.
const untilTimeout: EngineInput[] = [
  { type: 'start', frame: 0 },
  { type: 'line-finished', frame: s(2) },
  { type: 'tick', frame: s(12.03) },
];

describe('"are you still there?" after a silent timeout', () => {
  it('asks once at the deadline, records it, and keeps listening', () => {
    const { state, events, commands } = drive(base, untilTimeout);
    expect(events.at(-1)).toEqual({ type: 'still-there', frame: s(12), stepId: 'answer', caption: DEFAULT_STILL_THERE_LINE });
    expect(commands.at(-1)).toBe(`ask-still-there:answer:${DEFAULT_STILL_THERE_CLIP}:${DEFAULT_STILL_THERE_LINE}`);
    expect(state.phase).toMatchObject({ kind: 'listening', stepId: 'answer', stillThere: 'asking' });
    expect(events.some((e) => e.type === 'turn-ended')).toBe(false);
  });

  it('gives the trainee waitSeconds from the end of the line, then the step moves on unanswered', () => {
    const inputs: EngineInput[] = [...untilTimeout, { type: 'line-finished', frame: s(13.5) }, { type: 'tick', frame: s(18.4) }];
    const before = drive(base, inputs);
    expect(before.state.phase).toMatchObject({ kind: 'listening', stillThere: 'done', deadlineFrame: s(18.5) });
    const after = drive(base, [...inputs, { type: 'tick', frame: s(18.55) }]);
    expect(after.events.filter((e) => e.type === 'turn-ended')).toEqual([
      { type: 'turn-ended', frame: s(18.5), stepId: 'answer', reason: 'timeout', speechStartFrame: null, speechEndFrame: null },
    ]);
    expect(after.events.filter((e) => e.type === 'still-there')).toHaveLength(1);
    expect(after.events.find((e) => e.type === 'branch-taken')).toMatchObject({ to: 'gone' });
    // The turn still counts from the first invitation, not from the still-there line.
    expect(after.state.turns[0]).toMatchObject({ stepId: 'answer', invitedFrame: s(2), speechStartFrame: null });
  });

  it('takes an answer begun during or after the line as the turn of the step', () => {
    const inputs: EngineInput[] = [
      ...untilTimeout,
      { type: 'speech-started', frame: s(12.8) },
      { type: 'line-finished', frame: s(13.5) },
      { type: 'speech-ended', frame: s(16), speechEndFrame: s(15.4) },
    ];
    const { events, state } = drive(base, inputs);
    expect(events.filter((e) => e.type === 'talked-over')).toEqual([]);
    expect(events.find((e) => e.type === 'turn-ended')).toMatchObject({ stepId: 'answer', reason: 'silence', speechStartFrame: s(12.8), speechEndFrame: s(15.4) });
    expect(events.find((e) => e.type === 'branch-taken')).toMatchObject({ to: 'thanks' });
    expect(state.phase).toMatchObject({ kind: 'speaking', stepId: 'thanks' });
  });

  it('uses the scenario\'s own words, clip and wait', () => {
    const own: Scenario = { ...base, stillThere: { say: 'Hello? Did we get cut off?', clip: 'cut-off.wav', waitSeconds: 2 } };
    const { events, commands, state } = drive(own, [...untilTimeout, { type: 'line-finished', frame: s(13) }]);
    expect(events.at(-1)).toMatchObject({ type: 'still-there', caption: 'Hello? Did we get cut off?' });
    expect(commands.at(-1)).toBe('ask-still-there:answer:cut-off.wav:Hello? Did we get cut off?');
    expect(state.phase).toMatchObject({ deadlineFrame: s(15) });
  });

  it('does not ask when the scenario or the step turns it off', () => {
    const off = drive({ ...base, stillThere: false }, untilTimeout);
    expect(off.events.map((e) => e.type)).not.toContain('still-there');
    expect(off.events.find((e) => e.type === 'turn-ended')).toMatchObject({ frame: s(12), reason: 'timeout' });
    const quietStep: Scenario = { ...base, steps: base.steps.map((st) => ('listen' in st ? { ...st, listen: { ...st.listen, stillThere: false } } : st)) };
    const skipped = drive(quietStep, untilTimeout);
    expect(skipped.events.map((e) => e.type)).not.toContain('still-there');
    expect(skipped.events.find((e) => e.type === 'turn-ended')).toMatchObject({ frame: s(12), reason: 'timeout' });
  });

  it('stops waiting for a line that never reports its end', () => {
    const { events } = drive(base, [...untilTimeout, { type: 'tick', frame: s(12 + 30 + 5 + 0.1) }]);
    expect(events.find((e) => e.type === 'turn-ended')).toMatchObject({ frame: s(12 + 30 + 5), reason: 'timeout' });
  });
});

const HEAD = 'id: quiet\ntitle: Quiet\nbrief: B\ncustomer: { name: Pat }\n';
const STEPS = 'steps:\n  - id: greet\n    say: Hi.\n  - id: answer\n    listen: { timeoutSeconds: 5 }\n';
const clipExists = (_id: string, clip: string) => clip === 'greet.wav';
const problems = (text: string) => parseScenario('quiet.yaml', text, { clipExists }).problems.map(formatProblem);

describe('the stillThere key of the scenario format', () => {
  it('defaults to the shipped line when absent, and reads false and a mapping', () => {
    const absent = parseScenario('quiet.yaml', HEAD + STEPS, { clipExists }).scenario;
    expect(absent && stillThereLine(absent)).toEqual({ caption: DEFAULT_STILL_THERE_LINE, clip: DEFAULT_STILL_THERE_CLIP, waitSeconds: 5, authored: false });
    const off = parseScenario('quiet.yaml', `${HEAD}stillThere: false\n${STEPS}`, { clipExists }).scenario;
    expect(off && stillThereLine(off)).toBeNull();
    const own = parseScenario('quiet.yaml', `${HEAD}stillThere:\n  say: Anyone?\n  clip: greet.wav\n${STEPS.replace('say: Hi.', 'say: Anyone?')}`, { clipExists });
    expect(own.problems).toEqual([]);
    expect(own.scenario && stillThereLine(own.scenario)).toEqual({ caption: 'Anyone?', clip: 'greet.wav', waitSeconds: 5, authored: true });
  });

  it('reports wrong values with file:line:col', () => {
    expect(problems(`${HEAD}stillThere: yes please\n${STEPS}`)).toEqual(['quiet.yaml:5:13: "stillThere" must be false, or a mapping with say, clip and waitSeconds']);
    expect(problems(`${HEAD}stillThere:\n  sya: Anyone?\n${STEPS}`)).toEqual(['quiet.yaml:6:3: unknown key "sya" under "stillThere"']);
    expect(problems(`${HEAD}stillThere:\n  waitSeconds: 0\n${STEPS}`)).toEqual(['quiet.yaml:6:16: "stillThere.waitSeconds" must be more than 0']);
    expect(problems(`${HEAD}stillThere:\n  clip: Greet.mp3\n${STEPS}`)[0]).toMatch(/^quiet\.yaml:6:9: clip must be a file name like "greet\.wav"/);
    expect(problems(HEAD + STEPS.replace('{ timeoutSeconds: 5 }', '{ timeoutSeconds: 5, stillThere: maybe }'))).toEqual([
      'quiet.yaml:9:46: "listen.stillThere" in step "answer" must be true or false, not text',
    ]);
  });

  it('needs a clip for a line the scenario words itself, and no clip shared with other words', () => {
    expect(problems(`${HEAD}stillThere:\n  say: Anyone?\n${STEPS}`)).toEqual(['quiet.yaml:6:8: missing clip audio/quiet/are-you-still-there.wav for the still-there line']);
    expect(problems(`${HEAD}stillThere:\n  clip: greet.wav\n${STEPS}`)).toEqual([
      'quiet.yaml:6:9: clip "greet.wav" is both the still-there line and step "greet", with different words; give one of them another clip',
    ]);
  });
});
