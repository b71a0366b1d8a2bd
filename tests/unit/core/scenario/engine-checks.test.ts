import { describe, expect, it } from 'vitest';
import type { Checklist } from '../../../../core/analysis/checklist-schema.js';
import { checkRuleProblems, createTurnChecker, judgeTurn } from '../../../../core/analysis/turn-checks.js';
import { createEngine, type EngineInput, type EngineState } from '../../../../core/scenario/engine.js';
import type { Scenario } from '../../../../core/scenario/schema.js';
import type { Turn } from '../../../../core/scenario/turns.js';
import type { SessionEvent } from '../../../../core/session/events.js';
import { shippedVocabulary } from '../../../support/judgement-fixtures.js';
import { shippedChecklists } from '../analysis/session-fixtures.js';

const SR = 16_000;
const s = (seconds: number) => seconds * SR;
const checklists: Checklist[] = shippedChecklists();
const vocabulary = shippedVocabulary();

/** The customer reacts to the respect checklist's verdict on the answer, as angry-caller does. */
const scenario: Scenario = {
  id: 'check-call',
  title: 'Check call',
  brief: 'A test.',
  customer: { name: 'Sandra Keane', voice: 'us-slt' },
  checklists: ['respect'],
  steps: [
    { id: 'complain', say: 'I was charged twice.' },
    { id: 'answer', listen: { timeoutSeconds: 10, maxSeconds: 30, typingNoise: false } },
    {
      id: 'react',
      branch: {
        rules: [
          { when: { check: { checklist: 'respect', item: 'no-red-flags', is: 'fail' } }, goto: 'escalate' },
          { when: { check: { checklist: 'respect', item: 'uses-name', is: 'pass' } }, goto: 'warm' },
        ],
        otherwise: 'neutral',
      },
    },
    { id: 'escalate', say: 'Do not tell me to calm down!', next: 'end' },
    { id: 'warm', say: 'Thank you.', next: 'end' },
    { id: 'neutral', say: 'Fine.', next: 'end' },
  ],
};

function drive(said: string | null, checkTurn = createTurnChecker(checklists, scenario, vocabulary)) {
  const engine = createEngine(scenario, SR, { checkTurn });
  let state: EngineState = engine.initial;
  const events: SessionEvent[] = [];
  const inputs: EngineInput[] = [
    { type: 'start', frame: 0 },
    { type: 'line-finished', frame: s(2) },
    { type: 'speech-started', frame: s(3) },
    { type: 'speech-ended', frame: s(7), speechEndFrame: s(6) },
    { type: 'transcript', frame: s(8), stepId: 'react', text: said, engine: 'pocketsphinx' },
  ];
  const commands = [];
  for (const input of inputs) {
    const t = engine.transition(state, input);
    state = t.state;
    events.push(...t.events);
    commands.push(...t.commands);
  }
  const taken = events.flatMap((e) => (e.type === 'branch-taken' ? [`${e.stepId} -> ${e.to} (${e.rule ?? 'otherwise'})`] : []));
  return { state, taken, commands };
}

describe('branch rules on checklist results during the call', () => {
  it('asks for a transcript first: the checks read the words', () => {
    const { commands } = drive('anything');
    expect(commands.some((c) => c.type === 'transcribe-turn' && c.stepId === 'react')).toBe(true);
  });

  it('escalates when the answer has a red flag, judged on meaning', () => {
    const { taken, state } = drive('look just calm down i will check it');
    expect(taken).toEqual(['react -> escalate (0)']);
    expect(state.turns[0]?.checks).toMatchObject({ 'respect.no-red-flags': 'fail' });
  });

  it('takes the name rule when the answer is courteous and names the customer', () => {
    expect(drive("i'm so sorry sandra let me fix that").taken).toEqual(['react -> warm (1)']);
  });

  it('takes otherwise when no checklist rule holds, or the words are unknown', () => {
    expect(drive('i am sorry let me fix that').taken).toEqual(['react -> neutral (otherwise)']);
    const unknown = drive(null);
    expect(unknown.taken).toEqual(['react -> neutral (otherwise)']);
    expect(unknown.state.turns[0]?.checks).toMatchObject({ 'respect.no-red-flags': 'needs-review' });
  });

  it('follows the vocabulary file: a wording a coach adds changes the branch', () => {
    const edited = { ...vocabulary, redFlags: vocabulary.redFlags.map((f) => (f.id === 'dismiss' ? { ...f, examples: [...f.examples, 'Hold your horses, madam.'] } : f)) };
    expect(drive('hold your horses madam').taken).toEqual(['react -> neutral (otherwise)']);
    expect(drive('hold your horses madam', createTurnChecker(checklists, scenario, edited)).taken).toEqual(['react -> escalate (0)']);
  });
});

describe('judgeTurn', () => {
  const base: Turn = {
    stepId: 'answer', kind: 'spoken', invitedFrame: 0, endedFrame: s(5), speechStartFrame: s(1), speechEndFrame: s(4),
    text: null, repeatOf: null, transcript: null, transcribedBy: null, talkedOver: false, checks: {},
  };

  it('judges typed answers on their text, and only the items that read one answer', () => {
    const typed: Turn = { ...base, kind: 'typed', text: 'Obviously, you should have read the terms.', speechStartFrame: null, speechEndFrame: null };
    const results = judgeTurn(checklists, scenario, typed, vocabulary);
    expect(results['respect.no-red-flags']).toBe('fail');
    expect(results['respect.no-talk-over']).toBeUndefined();
    expect(results['patience.answers-promptly']).toBeUndefined();
  });

  it('treats a silent answer as saying nothing', () => {
    const silent = judgeTurn(checklists, scenario, { ...base, speechStartFrame: null, speechEndFrame: null }, vocabulary);
    // Nothing said is no red flag, but no pass either: the rule on it does not hold.
    expect(silent['respect.no-red-flags']).toBeUndefined();
    expect(silent['patience.answers-every-step']).toBe('fail');
    expect(silent['respect.uses-name']).toBe('fail');
  });
});

describe('checkRuleProblems', () => {
  it('accepts rules on phrase and goal items and reports unknown or after-the-call items', () => {
    expect(checkRuleProblems(scenario, checklists)).toEqual([]);
    const bad: Scenario = {
      ...scenario,
      steps: scenario.steps.map((st) =>
        'branch' in st
          ? { ...st, branch: { ...st.branch, rules: [{ when: { check: { checklist: 'respect', item: 'voice-steady', is: 'fail' } }, goto: 'escalate' }, { when: { check: { checklist: 'respect', item: 'no-such', is: 'fail' } }, goto: 'warm' }] } }
          : st,
      ),
    };
    expect(checkRuleProblems(bad, checklists).map((p) => p.message)).toEqual([
      'step react: check rule on respect/voice-steady: that item is judged after the call, so the rule never holds during it (use a phrase or goal item)',
      'step react: check rule on respect/no-such: there is no such checklist item',
    ]);
  });
});
