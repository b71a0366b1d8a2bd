import { describe, expect, it } from 'vitest';
import { createEngine, type EngineInput, type EngineState } from '../../../../core/scenario/engine.js';
import type { Scenario } from '../../../../core/scenario/schema.js';
import type { SessionEvent } from '../../../../core/session/events.js';

const SR = 16_000;
const s = (seconds: number) => seconds * SR;

const scenario: Scenario = {
  id: 'test-call',
  title: 'Test call',
  brief: 'A test.',
  customer: { name: 'Pat', voice: 'us-slt' },
  checklists: ['respect'],
  // The "are you still there?" after a silent timeout has its own tests (still-there.test.ts).
  stillThere: false,
  steps: [
    { id: 'greet', say: 'Hello, I have waited twenty minutes.' },
    { id: 'answer', listen: { timeoutSeconds: 10, maxSeconds: 30, typingNoise: false } },
    { id: 'hold', hold: { seconds: 5, music: true } },
    { id: 'again', repeat: { of: 'answer', say: 'Sorry, say that again?', timeoutSeconds: 10, maxSeconds: 30, typingNoise: false } },
    {
      id: 'decide',
      branch: { rules: [{ when: { spokeAtLeastSeconds: 2 }, goto: 'thanks' }, { when: { noAnswer: true }, goto: 'upset' }], otherwise: 'note' },
    },
    { id: 'thanks', say: 'Thank you.', next: 'note' },
    { id: 'upset', say: 'Hello? Anyone there?' },
    { id: 'note', type: { prompt: 'Write the account note', minChars: 3 } },
    { id: 'ask', branch: { rules: [{ when: { typedContains: ['sorry'] }, goto: 'bye' }], otherwise: 'end' } },
    { id: 'bye', say: 'Bye then.' },
  ],
};

/** Drives the engine with a fake clock: each input is stamped by the test, no audio involved. */
function drive(inputs: EngineInput[]) {
  const engine = createEngine(scenario, SR);
  let state: EngineState = engine.initial;
  const events: SessionEvent[] = [];
  const commands: string[] = [];
  for (const input of inputs) {
    const t = engine.transition(state, input);
    state = t.state;
    events.push(...t.events);
    commands.push(...t.commands.map((c) => c.type + ('stepId' in c ? `:${c.stepId}` : '')));
  }
  return { state, events, commands };
}

const patientCall: EngineInput[] = [
  { type: 'start', frame: 0 },
  { type: 'line-finished', frame: s(3) },
  { type: 'speech-started', frame: s(4) },
  { type: 'speech-ended', frame: s(8.5), speechEndFrame: s(7) },
  { type: 'tick', frame: s(10) },
  { type: 'tick', frame: s(13.5) },
  { type: 'line-finished', frame: s(15) },
  { type: 'speech-started', frame: s(16) },
  { type: 'speech-ended', frame: s(20), speechEndFrame: s(19) },
  { type: 'line-finished', frame: s(21) },
  { type: 'typed-submitted', frame: s(40), text: 'So sorry — I’ve logged it ✓', keystrokes: 30, firstKeyFrame: s(22) },
  { type: 'line-finished', frame: s(42) },
];

describe('scenario engine', () => {
  it('plays the first line on start and waits for it to finish', () => {
    const { state, events, commands } = drive([{ type: 'start', frame: 0 }]);
    expect(state.phase).toMatchObject({ kind: 'speaking', stepId: 'greet' });
    expect(events.map((e) => e.type)).toEqual(['call-started', 'step-entered']);
    expect(commands).toEqual(['play-line:greet']);
  });

  it('listens after a line and records the spoken turn with its frames', () => {
    const { state, events } = drive(patientCall.slice(0, 4));
    expect(state.turns[0]).toMatchObject({ stepId: 'answer', kind: 'spoken', invitedFrame: s(3), speechStartFrame: s(4), speechEndFrame: s(7) });
    expect(events.find((e) => e.type === 'turn-ended')).toMatchObject({ frame: s(8.5), reason: 'silence' });
    expect(state.phase).toMatchObject({ kind: 'holding', stepId: 'hold', untilFrame: s(8.5 + 5) });
  });

  it('ends a hold when its time is up, stamped at the exact end frame', () => {
    const { events, commands, state } = drive(patientCall.slice(0, 6));
    expect(events.find((e) => e.type === 'hold-ended')).toEqual({ type: 'hold-ended', frame: s(13.5), stepId: 'hold', reason: 'elapsed' });
    expect(commands).toContain('stop-hold:hold');
    expect(state.phase).toMatchObject({ kind: 'speaking', stepId: 'again' });
  });

  it('lets the trainee resume a hold early', () => {
    const inputs = [...patientCall.slice(0, 4), { type: 'resume', frame: s(10) } as const];
    const { events } = drive(inputs);
    expect(events.find((e) => e.type === 'hold-ended')).toMatchObject({ frame: s(10), reason: 'resumed' });
  });

  it('a repeat step plays its line, then listens for the repeated answer', () => {
    const { state } = drive(patientCall.slice(0, 9));
    expect(state.turns[1]).toMatchObject({ stepId: 'again', repeatOf: 'answer', speechStartFrame: s(16) });
  });

  it('branches on the last spoken turn: a long answer takes the first rule', () => {
    const { events, state } = drive(patientCall.slice(0, 9));
    expect(events.find((e) => e.type === 'branch-taken')).toMatchObject({ stepId: 'decide', rule: 0, to: 'thanks' });
    expect(state.phase).toMatchObject({ kind: 'speaking', stepId: 'thanks' });
  });

  it('times out a silent listen step and branches on noAnswer', () => {
    const inputs: EngineInput[] = [...patientCall.slice(0, 7), { type: 'tick', frame: s(15 + 10.2) }];
    const { events, state } = drive(inputs);
    expect(events.filter((e) => e.type === 'turn-ended').at(-1)).toMatchObject({ reason: 'timeout', frame: s(25), speechStartFrame: null });
    expect(events.find((e) => e.type === 'branch-taken')).toMatchObject({ rule: 1, to: 'upset' });
    expect(state.phase).toMatchObject({ kind: 'speaking', stepId: 'upset' });
  });

  it('follows next: after a say step and keeps typed text exactly, Unicode included', () => {
    const { state, events } = drive(patientCall);
    const typed = events.find((e) => e.type === 'typed-submitted');
    expect(typed).toMatchObject({ text: 'So sorry — I’ve logged it ✓', keystrokes: 30, firstKeyFrame: s(22) });
    expect(state.path).toEqual(['greet', 'answer', 'hold', 'again', 'decide', 'thanks', 'note', 'ask', 'bye']);
    expect(state.phase.kind).toBe('ended');
    expect(events.at(-1)).toEqual({ type: 'call-ended', frame: s(42), reason: 'completed' });
  });

  it('refuses a typed answer shorter than minChars', () => {
    const inputs: EngineInput[] = [...patientCall.slice(0, 10), { type: 'typed-submitted', frame: s(30), text: ' a ', keystrokes: 1, firstKeyFrame: null }];
    expect(drive(inputs).state.phase).toMatchObject({ kind: 'typing', stepId: 'note' });
  });

  it('ignores inputs that do not fit the phase', () => {
    const { state, events } = drive([{ type: 'start', frame: 0 }, { type: 'resume', frame: 10 }, { type: 'done', frame: 20 }, { type: 'tick', frame: s(100) }]);
    expect(state.phase).toMatchObject({ kind: 'speaking', stepId: 'greet' });
    expect(events).toHaveLength(2);
  });

  it('ends the call on hang-up and ignores everything after', () => {
    const { state, events } = drive([...patientCall.slice(0, 5), { type: 'hang-up', frame: s(11) }, { type: 'tick', frame: s(50) }]);
    expect(state.phase.kind).toBe('ended');
    expect(events.slice(-2)).toEqual([
      { type: 'hold-ended', frame: s(11), stepId: 'hold', reason: 'resumed' },
      { type: 'call-ended', frame: s(11), reason: 'hung-up' },
    ]);
  });

  it('gives the same path and event sequence for the same inputs', () => {
    expect(drive(patientCall)).toEqual(drive(patientCall));
  });
});
