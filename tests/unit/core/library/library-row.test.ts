import { describe, expect, it } from 'vitest';
import { libraryRowOf } from '../../../../core/library/library-row.js';
import type { SessionManifest } from '../../../../core/session/manifest.js';

const manifest: SessionManifest = {
  formatVersion: 1,
  id: '20261123-100000-aaaaaa',
  scenarioId: 'late-parcel',
  scenarioTitle: 'Late parcel',
  candidate: { name: 'Ada' },
  createdAt: '2026-11-23T10:00:00.000Z',
  endedAt: null,
  status: 'complete',
  sampleRate: 16_000,
  channels: 2,
  durationFrames: 16_000,
  recoveredAt: null,
};

const finding = (key: string, status: 'pass' | 'fail' | 'needs-review' | 'not-applicable') => {
  const [checklist = '', item = ''] = key.split('/');
  return { checklist, item, title: item, kind: 'auto' as const, status };
};
const AT = '2026-11-23T11:00:00.000Z';

describe('libraryRowOf', () => {
  it("carries the session's result in short: final counts and scores, needs-review, overridden and the verdict", () => {
    const row = libraryRowOf(
      manifest,
      [
        {
          coach: { id: 'bo', name: 'Bo' },
          decisions: { 'respect/no-blame': { automaticStatus: 'pass', status: 'fail', reason: 'blamed the courier', decidedAt: AT } },
          scores: {},
          verdict: 'hold',
        },
        { coach: { id: 'ana', name: 'Ana' }, decisions: {}, scores: {}, verdict: 'advance' },
      ],
      [finding('respect/no-blame', 'pass'), finding('respect/apologises', 'pass'), finding('patience/asks-before-hold', 'not-applicable'), finding('patience/answer-delay', 'needs-review')],
    );
    expect(row.result).toEqual({
      analysed: true,
      checklists: [
        { checklist: 'respect', passed: 1, failed: 1, needsReview: 0, notApplicable: 0, overridden: 1, score: 0.5 },
        // No hold in the call: not applicable, so patience has nothing decided and no score (not 100%).
        { checklist: 'patience', passed: 0, failed: 0, needsReview: 1, notApplicable: 1, overridden: 0, score: null },
      ],
      totals: { passed: 1, failed: 1, needsReview: 1, notApplicable: 1, overridden: 1, score: 0.5 },
      verdict: { state: 'split', final: null },
      // Bo's override is a coach's fail, not one waiting for a coach.
      outcome: 'fail',
      undecidedFails: 0,
    });
    expect(row.verdicts.map((v) => `${v.coach.id}:${v.verdict}`)).toEqual(['ana:advance', 'bo:hold']);
  });

  it('has an empty result for a session not analysed or reviewed', () => {
    expect(libraryRowOf(manifest, []).result).toEqual({
      analysed: false,
      checklists: [],
      totals: { passed: 0, failed: 0, needsReview: 0, notApplicable: 0, overridden: 0, score: null },
      verdict: { state: 'none', final: null },
      outcome: 'not-reviewed',
      undecidedFails: 0,
    });
  });
});
