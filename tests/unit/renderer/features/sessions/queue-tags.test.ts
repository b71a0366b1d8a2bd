import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../../../core/session/events.js';
import { queueTags } from '../../../../../renderer/features/sessions/queue-tags.js';

describe('queue changes on the session timeline', () => {
  it('tags a timeline line with the count at its frame when it changed, instead of a line per change', () => {
    const events: SessionEvent[] = [
      { type: 'call-started', frame: 0, scenarioId: 'x' },
      { type: 'step-entered', frame: 0, stepId: 'hello', kind: 'say' },
      // Logged before the first count (it is scheduled ahead), but at a later frame.
      { type: 'line-started', frame: 800, stepId: 'hello', caption: 'Hi', clip: 'hello.wav', voice: 'clip', durationFrames: 100 },
      { type: 'queue-changed', frame: 0, count: 3 },
      { type: 'queue-changed', frame: 900, count: 4 },
      { type: 'queue-changed', frame: 1000, count: 5 },
      { type: 'hold-started', frame: 1100, stepId: 'wait', seconds: 3 },
      { type: 'hold-ended', frame: 1200, stepId: 'wait', reason: 'elapsed' },
      { type: 'queue-changed', frame: 1300, count: 6 },
      { type: 'call-ended', frame: 1400, reason: 'completed' },
    ];
    const { tags, trailing } = queueTags(events);
    expect([...tags]).toEqual([[2, 3], [6, 5]]);
    expect(trailing).toEqual({ frame: 1300, count: 6 });
  });

  it('has nothing to tag in a call without a queue', () => {
    expect(queueTags([{ type: 'call-started', frame: 0, scenarioId: 'x' }])).toEqual({ tags: new Map(), trailing: null });
  });
});
