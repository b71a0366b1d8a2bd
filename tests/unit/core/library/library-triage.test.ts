import { describe, expect, it } from 'vitest';
import { indexRow, LibraryQuerySchema, searchLibrary, type LibraryQuery } from '../../../../core/library/library-query.js';
import { libraryRowOf } from '../../../../core/library/library-row.js';
import { outcomeOf, reviewedByOf } from '../../../../core/library/library-triage.js';
import type { FindingStatus } from '../../../../core/analysis/findings.js';
import type { ResultFinding, ResultReview } from '../../../../core/result/session-result.js';
import type { SessionManifest } from '../../../../core/session/manifest.js';

function manifest(id: string, minute: number, tryoutId?: string): SessionManifest {
  return {
    formatVersion: 1,
    id,
    scenarioId: 'late-parcel',
    scenarioTitle: 'Late parcel',
    candidate: { name: `Candidate ${id.slice(-1)}` },
    createdAt: `2026-11-23T10:${String(minute).padStart(2, '0')}:00.000Z`,
    endedAt: null,
    status: 'complete',
    sampleRate: 16_000,
    channels: 2,
    durationFrames: 60 * 16_000,
    recoveredAt: null,
    ...(tryoutId ? { tryoutId } : {}),
  };
}

const finding = (item: string, status: FindingStatus): ResultFinding => ({ checklist: 'respect', item, title: item, kind: 'auto', status });

function review(name: string, decisions: Record<string, { automaticStatus: FindingStatus; status: 'pass' | 'fail'; reason?: string }>): ResultReview {
  const full = Object.fromEntries(Object.entries(decisions).map(([k, d]) => [k, { reason: '', decidedAt: '2026-11-23T12:00:00.000Z', ...d }]));
  return { coach: { id: name.toLowerCase().replace(/\s+/g, '-'), name }, decisions: full, scores: {}, verdict: null };
}

/**
 * a: two open items and a fail nobody called (attention 3), nobody reviewed;
 * b: one open item (attention 1), Ana confirmed its pass;
 * c: a fail Bo overrode to a pass (attention 0), all passed;
 * d: not analysed, no review (not-reviewed);
 * e: a fail Ana confirmed (attention 0), on the Monday tryout.
 */
const rows = [
  libraryRowOf(manifest('20261123-100000-aaaaaa', 0), [], [finding('x', 'needs-review'), finding('y', 'needs-review'), finding('z', 'fail'), finding('w', 'not-applicable')]),
  libraryRowOf(manifest('20261123-100100-bbbbbb', 1), [review('Ana', { 'respect/x': { automaticStatus: 'pass', status: 'pass' } })], [finding('x', 'pass'), finding('y', 'needs-review')]),
  libraryRowOf(manifest('20261123-100200-cccccc', 2), [review('Bo', { 'respect/z': { automaticStatus: 'fail', status: 'pass', reason: 'banter' } })], [finding('x', 'pass'), finding('z', 'fail')]),
  libraryRowOf(manifest('20261123-100300-dddddd', 3), [], null),
  libraryRowOf(manifest('20261123-100400-eeeeee', 4, 'monday-tryout'), [review('Ana', { 'respect/z': { automaticStatus: 'fail', status: 'fail' } })], [finding('x', 'pass'), finding('z', 'fail')]),
].map(indexRow);

const ids = (query: Partial<LibraryQuery>) => searchLibrary(rows, LibraryQuerySchema.parse(query)).rows.map((r) => r.sessionId.slice(-1));

describe('the coach triage of the library', () => {
  it('gives each row its outcome, open items, overrides and unconfirmed fails from the session result', () => {
    const byId = new Map(rows.map((r) => [r.row.sessionId.slice(-1), r.row.result]));
    expect(byId.get('a')).toMatchObject({ outcome: 'fail', undecidedFails: 1, totals: { needsReview: 2, notApplicable: 1, overridden: 0 } });
    expect(byId.get('b')).toMatchObject({ outcome: 'needs-review', undecidedFails: 0, totals: { needsReview: 1 } });
    expect(byId.get('c')).toMatchObject({ outcome: 'pass', undecidedFails: 0, totals: { overridden: 1, failed: 0 } });
    expect(byId.get('d')).toMatchObject({ outcome: 'not-reviewed', analysed: false });
    expect(byId.get('e')).toMatchObject({ outcome: 'fail', undecidedFails: 0, totals: { failed: 1, overridden: 0 } });
  });

  it('sorts by needs attention: most open items and unconfirmed fails first, then newest', () => {
    expect(ids({ sort: 'needs-attention' })).toEqual(['a', 'b', 'e', 'd', 'c']);
    expect(ids({ sort: 'needs-attention', direction: 'asc' })).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it('filters by outcome, by overridden, and by tryout day', () => {
    expect(ids({ result: 'fail' })).toEqual(['e', 'a']);
    expect(ids({ result: 'needs-review' })).toEqual(['b']);
    expect(ids({ result: 'pass' })).toEqual(['c']);
    expect(ids({ result: 'not-reviewed' })).toEqual(['d']);
    expect(ids({ overridden: true })).toEqual(['c']);
    expect(ids({ overridden: false })).toEqual(['e', 'd', 'b', 'a']);
    expect(ids({ tryoutId: 'monday-tryout', sort: 'needs-attention' })).toEqual(['e']);
  });

  it('filters by who reviewed: me (any spelling of my name), others only, nobody', () => {
    expect(ids({ reviewedBy: 'me', coachName: 'ana' })).toEqual(['e', 'b']);
    expect(ids({ reviewedBy: 'others', coachName: 'Ana' })).toEqual(['c']);
    expect(ids({ reviewedBy: 'nobody' })).toEqual(['d', 'a']);
    // Combined with the sort and paging as any other filter.
    const page = searchLibrary(rows, LibraryQuerySchema.parse({ reviewedBy: 'me', coachName: 'Ana', sort: 'needs-attention', limit: 1, offset: 1 }));
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.sessionId.slice(-1))).toEqual(['e']);
  });

  it('refuses "reviewed by me" without the coach name, and unknown outcomes', () => {
    expect(LibraryQuerySchema.safeParse({ reviewedBy: 'me' }).success).toBe(false);
    expect(LibraryQuerySchema.safeParse({ reviewedBy: 'others', coachName: '  ' }).success).toBe(false);
    expect(LibraryQuerySchema.safeParse({ result: 'maybe' }).success).toBe(false);
    expect(LibraryQuerySchema.safeParse({ reviewedBy: 'nobody' }).success).toBe(true);
  });

  it('names the outcome from the counts and the reviewer from the name', () => {
    expect(outcomeOf({ passed: 0, failed: 0, needsReview: 0 })).toBe('not-reviewed');
    expect(outcomeOf({ passed: 3, failed: 0, needsReview: 0 })).toBe('pass');
    expect(outcomeOf({ passed: 3, failed: 0, needsReview: 1 })).toBe('needs-review');
    expect(outcomeOf({ passed: 3, failed: 1, needsReview: 1 })).toBe('fail');
    expect(reviewedByOf([{ id: 'ana-maria' }], 'Ana María')).toBe('me');
    expect(reviewedByOf([{ id: 'ana-maria' }], undefined)).toBe('others');
    expect(reviewedByOf([], 'Ana')).toBe('nobody');
  });
});
