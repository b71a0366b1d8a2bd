import { describe, expect, it } from 'vitest';
import { libraryRowOf } from '../../../../core/library/library-row.js';
import { compareSessions } from '../../../../core/review/compare.js';
import type { SessionManifest } from '../../../../core/session/manifest.js';
import { finding, review, sessionId } from './review-fixtures.js';

const TALK = 'respect/no-talk-down';
const WAIT = 'patience/waits';
const WARMTH = 'respect/warmth';
const HOLD = 'patience/asks-before-hold';

function row(n: number) {
  const manifest: SessionManifest = {
    formatVersion: 1,
    id: sessionId(n),
    scenarioId: 'late-parcel',
    scenarioTitle: 'Late parcel',
    candidate: { name: 'Ada' },
    createdAt: `2026-11-23T10:0${n}:00.000Z`,
    endedAt: null,
    status: 'complete',
    sampleRate: 16_000,
    channels: 2,
    durationFrames: 16_000,
    recoveredAt: null,
  };
  return libraryRowOf(manifest, []);
}

describe('compareSessions', () => {
  const auto1 = { [TALK]: 'pass', [WAIT]: 'needs-review' } as const;
  const result = compareSessions([
    {
      row: row(1),
      findings: [finding(TALK, 'pass'), finding(WAIT, 'needs-review'), finding(WARMTH, 'needs-review', 'coach-only'), finding(HOLD, 'not-applicable')],
      reviews: [review('Bo', sessionId(1), { decisions: { [TALK]: 'fail' }, scores: { [WARMTH]: 3 }, verdict: 'hold' }, auto1), review('Ana', sessionId(1), { verdict: null }, auto1)],
    },
    { row: row(2), findings: null, reviews: [] },
  ]);

  it('puts every checklist item of any session in a row, with a cell per session', () => {
    // Grouped by checklist, as the session's result lists them.
    expect(result.items.map((i) => [i.key, i.kind])).toEqual([
      [TALK, 'auto'],
      [WARMTH, 'coach-only'],
      [WAIT, 'auto'],
      [HOLD, 'auto'],
    ]);
    const talk = result.items[0];
    expect(talk?.cells.map((c) => c.sessionId)).toEqual([sessionId(1), sessionId(2)]);
    expect(talk?.cells[1]).toEqual({ sessionId: sessionId(2), automatic: null, final: null, source: null, reason: '', coaches: [] });
  });

  // The cells carry the session's result (core/result/session-result.ts): the final status,
  // how it came about and the override reason. Each coach's own "final" (the automatic status
  // let stand in a finished review) is calibration's notion and is no longer shown here.
  it('shows the automatic status, the final result with its reason, and each coach\'s call', () => {
    const cell = result.items[0]?.cells[0];
    expect(cell).toMatchObject({ automatic: 'pass', final: 'fail', source: 'overridden', reason: 'Bo disagrees' });
    expect(cell?.coaches).toEqual([
      { coach: { id: 'ana', name: 'Ana' }, decision: null, reason: '', score: null },
      { coach: { id: 'bo', name: 'Bo' }, decision: 'fail', reason: 'Bo disagrees', score: null },
    ]);
    expect(result.items[1]?.cells[0]).toMatchObject({ final: 'pass', source: 'decided' });
    expect(result.items[1]?.cells[0]?.coaches[1]).toMatchObject({ score: 3, decision: null });
  });

  it('keeps not-applicable as its own status, never a pass', () => {
    expect(result.items[3]?.cells[0]).toMatchObject({ automatic: 'not-applicable', final: 'not-applicable', source: 'automatic' });
  });

  it('tallies each session\'s final result per checklist, with the automatic counts beside it', () => {
    expect(result.sessions[0]?.analysed).toBe(true);
    expect(result.sessions[1]?.analysed).toBe(false);
    // Before, the tallies were the automatic pass/fail and each coach's; they are now the
    // session's result: Bo's override of TALK fails it, his warmth score of 3 passes it.
    expect(result.sessions[0]?.checklists).toEqual([
      {
        checklist: 'respect',
        passed: 1,
        failed: 1,
        needsReview: 0,
        notApplicable: 0,
        overridden: 1,
        score: 0.5,
        automatic: { passed: 1, failed: 0, needsReview: 1, notApplicable: 0, score: 1 },
      },
      {
        checklist: 'patience',
        passed: 0,
        failed: 0,
        needsReview: 1,
        notApplicable: 1,
        overridden: 0,
        score: null,
        automatic: { passed: 0, failed: 0, needsReview: 1, notApplicable: 1, score: null },
      },
    ]);
    expect(result.sessions[1]?.checklists).toEqual([]);
  });
});
