import { describe, expect, it } from 'vitest';
import type { SessionDetail } from '../../../core/api.js';
import { summarize } from '../../../scripts/rehearse/summary.js';

const detail: SessionDetail = {
  manifest: {
    formatVersion: 1, id: '20261123-120000-abcdef', scenarioId: 'x', scenarioTitle: 'X', candidate: { name: 'Ada' },
    createdAt: '2026-11-23T12:00:00.000Z', endedAt: null, status: 'complete', sampleRate: 16_000, channels: 2, durationFrames: 160_000, recoveredAt: null,
  },
  events: [
    { type: 'listen-started', frame: 16_000, stepId: 'answer', timeoutSeconds: 10 },
    { type: 'turn-ended', frame: 64_000, stepId: 'answer', reason: 'silence', speechStartFrame: 24_000, speechEndFrame: 48_000 },
    { type: 'turn-transcribed', frame: 70_000, stepId: 'answer', engine: 'pocketsphinx', text: "i'm sorry" },
    { type: 'branch-taken', frame: 70_000, stepId: 'decide', rule: 0, to: 'calmer' },
    { type: 'listen-started', frame: 90_000, stepId: 'later', timeoutSeconds: 10 },
    { type: 'turn-ended', frame: 100_000, stepId: 'later', reason: 'timeout', speechStartFrame: null, speechEndFrame: null },
  ],
  drafts: {},
};

describe('rehearsal summary', () => {
  it('gives a spoken turn its transcript when one was made, and leaves it out otherwise', () => {
    const [first, second] = summarize(detail).turns;
    expect(first).toMatchObject({ stepId: 'answer', transcript: "i'm sorry", speechStartSeconds: 1.5, durationSeconds: 1.5 });
    expect(second && 'transcript' in second).toBe(false);
  });
});
