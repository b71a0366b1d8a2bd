import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../../core/session/events.js';
import { heardByTurn } from '../../../../renderer/features/sessions/turn-transcripts.js';

const turnEnded = (stepId: string, frame: number): SessionEvent => ({ type: 'turn-ended', frame, stepId, reason: 'silence', speechStartFrame: frame - 10, speechEndFrame: frame - 5 });

describe('what was heard, per turn of the session timeline', () => {
  it('puts each transcript on the latest turn of its step before it', () => {
    const events: SessionEvent[] = [
      turnEnded('answer', 100),
      { type: 'turn-transcribed', frame: 110, stepId: 'answer', engine: 'pocketsphinx', text: 'first try' },
      { type: 'line-started', frame: 120, stepId: 'again', caption: 'Pardon?', clip: null, voice: 'system', durationFrames: null },
      turnEnded('answer', 200),
      turnEnded('other', 250),
      { type: 'turn-transcribed', frame: 260, stepId: 'answer', engine: 'pocketsphinx', text: 'second try' },
      { type: 'turn-transcribed', frame: 270, stepId: 'other', engine: 'none', text: null },
    ];
    expect([...heardByTurn(events)]).toEqual([
      [0, 'first try'],
      [3, 'second try'],
    ]);
  });
});
