import { describe, expect, it } from 'vitest';
import { libraryRowOf } from '../../../../core/library/library-row.js';
import { compareSessions } from '../../../../core/review/compare.js';
import type { SessionManifest } from '../../../../core/session/manifest.js';
import { finding, review, sessionId } from './review-fixtures.js';

const TALK = 'respect/no-talk-down';
const WAIT = 'patience/waits';
const WARMTH = 'respect/warmth';

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
      findings: [finding(TALK, 'pass'), finding(WAIT, 'needs-review'), finding(WARMTH, 'needs-review', 'coach-only')],
      reviews: [review('Bo', sessionId(1), { decisions: { [TALK]: 'fail' }, scores: { [WARMTH]: 3 }, verdict: 'hold' }, auto1), review('Ana', sessionId(1), { verdict: null }, auto1)],
    },
    { row: row(2), findings: null, reviews: [] },
  ]);

  it('puts every checklist item of any session in a row, with a cell per session', () => {
    expect(result.items.map((i) => [i.key, i.kind])).toEqual([
      [TALK, 'auto'],
      [WAIT, 'auto'],
      [WARMTH, 'coach-only'],
    ]);
    const talk = result.items[0];
    expect(talk?.cells.map((c) => c.sessionId)).toEqual([sessionId(1), sessionId(2)]);
    expect(talk?.cells[1]).toEqual({ sessionId: sessionId(2), automatic: null, coaches: [] });
  });

  it("shows the automatic status and each coach's decision and final status", () => {
    const cell = result.items[0]?.cells[0];
    expect(cell?.automatic).toBe('pass');
    expect(cell?.coaches).toEqual([
      // Ana's review is not finished: her undecided item has no final status yet.
      { coach: { id: 'ana', name: 'Ana' }, decision: null, reason: '', final: null, score: null },
      { coach: { id: 'bo', name: 'Bo' }, decision: 'fail', reason: 'Bo disagrees', final: 'fail', score: null },
    ]);
    expect(result.items[2]?.cells[0]?.coaches[1]).toMatchObject({ score: 3, final: null });
  });

  it('tallies passes and fails per checklist, automatic and per coach', () => {
    expect(result.sessions[0]?.analysed).toBe(true);
    expect(result.sessions[1]?.analysed).toBe(false);
    expect(result.sessions[0]?.checklists).toEqual([
      {
        checklist: 'respect',
        automatic: { pass: 1, fail: 0, needsReview: 1 },
        coaches: [
          { coach: { id: 'ana', name: 'Ana' }, pass: 0, fail: 0 },
          { coach: { id: 'bo', name: 'Bo' }, pass: 0, fail: 1 },
        ],
      },
      {
        checklist: 'patience',
        automatic: { pass: 0, fail: 0, needsReview: 1 },
        coaches: [
          { coach: { id: 'ana', name: 'Ana' }, pass: 0, fail: 0 },
          { coach: { id: 'bo', name: 'Bo' }, pass: 0, fail: 0 },
        ],
      },
    ]);
    expect(result.sessions[1]?.checklists).toEqual([]);
  });
});
