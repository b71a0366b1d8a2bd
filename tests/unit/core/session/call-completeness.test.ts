import { describe, expect, it } from 'vitest';
import { incompleteCall, incompleteText } from '../../../../core/session/call-completeness.js';
import type { SessionEvent } from '../../../../core/session/events.js';

const SR = 16_000;
const start: SessionEvent[] = [
  { type: 'call-started', frame: 0, scenarioId: 'angry-caller' },
  { type: 'step-entered', frame: 0, stepId: 'open', kind: 'say' },
  { type: 'line-started', frame: 800, stepId: 'open', caption: 'Hello.', clip: 'open.wav', voice: 'clip', durationFrames: 48_000 },
];

describe('a call hung up before its first answer is incomplete', () => {
  it('during the first customer line: incomplete, with the moment it was hung up', () => {
    const events = [...start, { type: 'call-ended', frame: 4.2 * SR, reason: 'hung-up' } as const];
    const incomplete = incompleteCall(events);
    expect(incomplete).toEqual({ reason: 'hung-up-before-first-answer', hungUpAtFrame: 4.2 * SR });
    expect(incomplete && incompleteText(incomplete, SR)).toBe('hung up at 0:04 before the first answer');
  });

  it('while the first answer is still being given (listening, speech started): still incomplete', () => {
    const events: SessionEvent[] = [
      ...start,
      { type: 'listen-started', frame: 3 * SR, stepId: 'first-answer', timeoutSeconds: 12 },
      { type: 'turn-started', frame: 4 * SR, stepId: 'first-answer' },
      { type: 'call-ended', frame: 75.5 * SR, reason: 'hung-up' },
    ];
    const incomplete = incompleteCall(events);
    expect(incomplete && incompleteText(incomplete, SR)).toBe('hung up at 1:15 before the first answer');
  });

  it('after a first answer (spoken, typed, or even one that timed out): complete', () => {
    const answers: SessionEvent[] = [
      { type: 'turn-ended', frame: 9 * SR, stepId: 'first-answer', reason: 'silence', speechStartFrame: 4 * SR, speechEndFrame: 8 * SR },
      { type: 'typed-submitted', frame: 9 * SR, stepId: 'note', text: 'Sorry', keystrokes: 5, firstKeyFrame: 8 * SR },
      { type: 'turn-ended', frame: 15 * SR, stepId: 'first-answer', reason: 'timeout', speechStartFrame: null, speechEndFrame: null },
    ];
    for (const answer of answers) expect(incompleteCall([...start, answer, { type: 'call-ended', frame: 20 * SR, reason: 'hung-up' }])).toBeNull();
  });

  it('a call the customer ended, or one with no end recorded: not marked incomplete', () => {
    expect(incompleteCall([...start, { type: 'call-ended', frame: 5 * SR, reason: 'completed' }])).toBeNull();
    expect(incompleteCall(start)).toBeNull();
  });
});
