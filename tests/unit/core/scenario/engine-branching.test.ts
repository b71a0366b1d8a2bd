import { describe, expect, it } from 'vitest';
import { createEngine, type EngineCommand, type EngineInput, type EngineState } from '../../../../core/scenario/engine.js';
import type { Scenario } from '../../../../core/scenario/schema.js';
import type { SessionEvent } from '../../../../core/session/events.js';

const SR = 16_000;
const s = (seconds: number) => seconds * SR;

/** Listen, then branch on what was said; a second branch reads talk-over. */
const scenario: Scenario = {
  id: 'branch-call',
  title: 'Branch call',
  brief: 'A test.',
  customer: { name: 'Pat', voice: 'us-slt' },
  checklists: [],
  // Silent turns here time out at once; the "are you still there?" has its own tests (still-there.test.ts).
  stillThere: false,
  steps: [
    { id: 'complain', say: 'I have waited forty minutes.' },
    { id: 'answer', listen: { timeoutSeconds: 10, maxSeconds: 30, typingNoise: false } },
    {
      id: 'decide',
      branch: { rules: [{ when: { saidContains: ['sorry', 'apologize'] }, goto: 'calmer' }, { when: { saidLacks: ['sorry'] }, goto: 'angrier' }], otherwise: 'unsure' },
    },
    { id: 'calmer', say: 'Well, thank you.', next: 'manners' },
    { id: 'angrier', say: 'Is that all you have to say?', next: 'manners' },
    { id: 'unsure', say: 'Hello? Are you still there?', next: 'manners' },
    { id: 'manners', branch: { rules: [{ when: { talkedOver: true }, goto: 'rude' }], otherwise: 'end' } },
    { id: 'rude', say: 'Please let me finish.' },
  ],
};

function drive(inputs: readonly EngineInput[], from: Scenario = scenario) {
  const engine = createEngine(from, SR);
  let state: EngineState = engine.initial;
  const events: SessionEvent[] = [];
  const commands: EngineCommand[] = [];
  for (const input of inputs) {
    const t = engine.transition(state, input);
    state = t.state;
    events.push(...t.events);
    commands.push(...t.commands);
  }
  return { state, events, commands };
}

/** The customer line, then an answer from 4 s to 7 s, ended by silence at 8.2 s. */
const answered: EngineInput[] = [
  { type: 'start', frame: 0 },
  { type: 'line-finished', frame: s(3) },
  { type: 'speech-started', frame: s(4) },
  { type: 'speech-ended', frame: s(8.2), speechEndFrame: s(7) },
];
const transcript = (text: string | null, engine = 'pocketsphinx'): EngineInput => ({ type: 'transcript', frame: s(9), stepId: 'decide', text, engine });
const branches = (events: readonly SessionEvent[]) => events.flatMap((e) => (e.type === 'branch-taken' ? [[e.stepId, e.rule, e.to]] : []));

describe('branching on what was said', () => {
  it('asks for a transcript of the turn and waits for it before choosing', () => {
    const { state, events, commands } = drive(answered);
    expect(commands.at(-1)).toEqual({ type: 'transcribe-turn', stepId: 'decide', fromFrame: s(3.75), toFrame: s(7.5) });
    expect(state.phase).toEqual({ kind: 'transcribing', stepId: 'decide' });
    expect(events.at(-1)).toMatchObject({ type: 'step-entered', stepId: 'decide' });
    expect(events.some((e) => e.type === 'branch-taken')).toBe(false);
  });

  it('transcribes a turn ended by "done" up to the press', () => {
    const done: EngineInput[] = [...answered.slice(0, 3), { type: 'done', frame: s(5) }];
    expect(drive(done).commands.at(-1)).toEqual({ type: 'transcribe-turn', stepId: 'decide', fromFrame: s(3.75), toFrame: s(5) });
  });

  it('ignores ticks, speech and stale transcripts while it waits', () => {
    const waiting = [...answered, { type: 'tick', frame: s(60) }, { type: 'transcript', frame: s(61), stepId: 'other', text: 'sorry', engine: 'pocketsphinx' }] as const;
    expect(drive(waiting).state.phase).toEqual({ kind: 'transcribing', stepId: 'decide' });
  });

  it('records the transcript on the turn and in an event, then takes the matching branch', () => {
    const { state, events } = drive([...answered, transcript("i'm so sorry about the wait"), { type: 'line-finished', frame: s(11) }]);
    expect(events).toContainEqual({ type: 'turn-transcribed', frame: s(9), stepId: 'answer', engine: 'pocketsphinx', text: "i'm so sorry about the wait" });
    expect(state.turns[0]).toMatchObject({ stepId: 'answer', transcript: "i'm so sorry about the wait", transcribedBy: 'pocketsphinx', talkedOver: false, checks: {} });
    expect(branches(events)).toEqual([['decide', 0, 'calmer'], ['manners', null, 'end']]);
  });

  it('takes saidLacks when the apology is missing', () => {
    const { events, state } = drive([...answered, transcript('what do you want')]);
    expect(branches(events)).toEqual([['decide', 1, 'angrier']]);
    expect(state.phase).toMatchObject({ kind: 'speaking', stepId: 'angrier' });
  });

  it('matches whole words only: "sorrowful" is not "sorry"', () => {
    expect(branches(drive([...answered, transcript('a sorrowful tale')]).events)).toEqual([['decide', 1, 'angrier']]);
  });

  it('takes otherwise when there is no transcript: no phrase rule holds, either way', () => {
    for (const input of [transcript(null, 'none'), transcript(null, 'pocketsphinx')]) {
      const { events, state } = drive([...answered, input]);
      expect(branches(events)).toEqual([['decide', null, 'unsure']]);
      expect(state.turns[0]).toMatchObject({ transcript: null });
    }
  });

  it('does not ask for a transcript of a silent turn: nothing was said, so saidLacks holds', () => {
    const { events, commands } = drive([{ type: 'start', frame: 0 }, { type: 'line-finished', frame: s(3) }, { type: 'tick', frame: s(13) }]);
    expect(commands.some((c) => c.type === 'transcribe-turn')).toBe(false);
    expect(branches(events)).toEqual([['decide', 1, 'angrier']]);
  });

  it('gives identical events and commands for identical inputs', () => {
    const inputs = [...answered, transcript('sorry about that'), { type: 'line-finished', frame: s(11) } as const];
    expect(drive(inputs)).toEqual(drive(inputs));
    expect(JSON.stringify(drive(inputs).events)).toBe(JSON.stringify(drive(inputs).events));
  });
});

describe('talking over the customer', () => {
  const overLine: EngineInput[] = [
    { type: 'start', frame: 0 },
    { type: 'speech-started', frame: s(2) },
    { type: 'speech-ended', frame: s(3.5), speechEndFrame: s(2.5) },
    { type: 'line-finished', frame: s(4) },
    { type: 'speech-started', frame: s(5) },
    { type: 'speech-ended', frame: s(8), speechEndFrame: s(7) },
  ];

  it('records a talk-over event and marks the next turn', () => {
    const { events, state } = drive([...overLine, transcript('sorry'), { type: 'line-finished', frame: s(11) }]);
    expect(events).toContainEqual({ type: 'talked-over', frame: s(2), stepId: 'complain' });
    expect(state.turns[0]).toMatchObject({ talkedOver: true, speechStartFrame: s(5) });
    expect(branches(events)).toEqual([['decide', 0, 'calmer'], ['manners', 0, 'rude']]);
  });

  it('counts speech still running when the listen step begins as the turn', () => {
    const inputs: EngineInput[] = [
      { type: 'start', frame: 0 },
      { type: 'speech-started', frame: s(2) },
      { type: 'line-finished', frame: s(3) },
      { type: 'speech-ended', frame: s(6.2), speechEndFrame: s(5) },
    ];
    const { events, state, commands } = drive(inputs);
    expect(events.filter((e) => e.type === 'talked-over')).toHaveLength(1);
    expect(events).toContainEqual({ type: 'turn-started', frame: s(3), stepId: 'answer' });
    expect(events).toContainEqual({ type: 'turn-ended', frame: s(6.2), stepId: 'answer', reason: 'silence', speechStartFrame: s(2), speechEndFrame: s(5) });
    expect(state.turns[0]).toMatchObject({ talkedOver: true, invitedFrame: s(3), speechStartFrame: s(2) });
    expect(commands.at(-1)).toEqual({ type: 'transcribe-turn', stepId: 'decide', fromFrame: s(1.75), toFrame: s(5.5) });
  });

  it('is not a talk-over to speak during a listen step; the mark clears after one turn', () => {
    const { events, state } = drive([...answered, transcript('sorry'), { type: 'line-finished', frame: s(11) }]);
    expect(events.some((e) => e.type === 'talked-over')).toBe(false);
    expect(state.turns[0]?.talkedOver).toBe(false);
  });
});

describe('starting from a chosen step', () => {
  it('starts at fromStepId and records it on call-started', () => {
    const { events, state } = drive([{ type: 'start', frame: 0, fromStepId: 'angrier' }]);
    expect(events.slice(0, 2)).toEqual([
      { type: 'call-started', frame: 0, scenarioId: 'branch-call', fromStepId: 'angrier' },
      { type: 'step-entered', frame: 0, stepId: 'angrier', kind: 'say' },
    ]);
    expect(state.phase).toMatchObject({ kind: 'speaking', stepId: 'angrier' });
  });

  it('a branch with no turn yet takes otherwise', () => {
    const { events } = drive([{ type: 'start', frame: 0, fromStepId: 'decide' }]);
    expect(branches(events)).toEqual([['decide', null, 'unsure']]);
  });

  it('refuses a step the scenario does not have', () => {
    expect(() => drive([{ type: 'start', frame: 0, fromStepId: 'nope' }])).toThrow(/no step "nope"/);
  });

  it('leaves fromStepId out of call-started for a normal start', () => {
    expect(drive([{ type: 'start', frame: 0 }]).events[0]).toEqual({ type: 'call-started', frame: 0, scenarioId: 'branch-call' });
  });
});
