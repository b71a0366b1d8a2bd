import { describe, expect, it } from 'vitest';
import { indexRow, LibraryQuerySchema, searchLibrary, type LibraryQuery } from '../../../../core/library/library-query.js';
import { libraryRowOf } from '../../../../core/library/library-row.js';
import type { SessionManifest } from '../../../../core/session/manifest.js';
import type { Verdict } from '../../../../core/review/schema.js';

function manifest(id: string, name: string, scenario: string, minute: number, seconds: number, extra: Partial<SessionManifest> = {}): SessionManifest {
  return {
    formatVersion: 1,
    id,
    scenarioId: scenario,
    scenarioTitle: scenario === 'late-parcel' ? 'Late parcel' : 'Not listening',
    candidate: { name, candidateId: `cand-${name.toLowerCase().slice(0, 3)}` },
    createdAt: `2026-11-23T10:${String(minute).padStart(2, '0')}:00.000Z`,
    endedAt: null,
    status: 'complete',
    sampleRate: 16_000,
    channels: 2,
    durationFrames: seconds * 16_000,
    recoveredAt: null,
    ...extra,
  };
}

const coach = (name: string, verdict: Verdict | null) => ({ coach: { id: name.toLowerCase(), name }, verdict, decisions: {}, scores: {} });

const rows = [
  libraryRowOf(manifest('20261123-100000-aaaaaa', 'José Ruiz', 'late-parcel', 0, 300), []),
  libraryRowOf(manifest('20261123-100100-bbbbbb', 'Ada Byron', 'not-listening', 1, 120), [coach('Ana', null)]),
  libraryRowOf(manifest('20261123-100200-cccccc', 'ada byron', 'late-parcel', 2, 200, { status: 'recovered', recoveredAt: '2026-11-23T11:00:00.000Z' }), [coach('Ana', 'advance'), coach('Bo', 'hold')]),
  libraryRowOf(manifest('20261123-100300-dddddd', 'Zoe Quinn', 'not-listening', 3, 60, { tryoutId: 'monday-tryout' }), [coach('Bo', 'not-a-fit')]),
].map(indexRow);

const search = (query: Partial<LibraryQuery>) => searchLibrary(rows, LibraryQuerySchema.parse(query));
const ids = (query: Partial<LibraryQuery>) => search(query).rows.map((r) => r.sessionId.slice(-1));

describe('the library search', () => {
  it('lists newest first by default, with review state, verdicts and the recovered flag', () => {
    const page = search({});
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.sessionId.slice(-1))).toEqual(['d', 'c', 'b', 'a']);
    expect(page.rows[1]).toMatchObject({
      candidateName: 'ada byron',
      durationSeconds: 200,
      recovered: true,
      reviewState: { kind: 'reviewed', coaches: 2 },
      verdicts: [{ coach: { id: 'ana', name: 'Ana' }, verdict: 'advance' }, { coach: { id: 'bo', name: 'Bo' }, verdict: 'hold' }],
    });
    expect(page.rows[2]?.reviewState).toEqual({ kind: 'in-review', coaches: 1 });
    expect(page.scenarios).toEqual([
      { scenarioId: 'late-parcel', title: 'Late parcel', sessions: 2 },
      { scenarioId: 'not-listening', title: 'Not listening', sessions: 2 },
    ]);
  });

  it('searches candidate name, candidate id and scenario title, ignoring case and accents', () => {
    expect(ids({ query: 'jose' })).toEqual(['a']);
    expect(ids({ query: 'cand-zoe' })).toEqual(['d']);
    expect(ids({ query: 'ADA parcel' })).toEqual(['c']);
    expect(ids({ query: 'nobody' })).toEqual([]);
  });

  it('filters by scenario, review state, verdict, recovered and candidate', () => {
    expect(ids({ scenarioId: 'not-listening' })).toEqual(['d', 'b']);
    expect(ids({ reviewState: 'unreviewed' })).toEqual(['a']);
    expect(ids({ reviewState: 'reviewed' })).toEqual(['d', 'c']);
    expect(ids({ verdict: 'hold' })).toEqual(['c']);
    expect(ids({ recovered: true })).toEqual(['c']);
    expect(ids({ recovered: false })).toEqual(['d', 'b', 'a']);
    expect(ids({ candidate: 'ADA BYRON' })).toEqual(['c', 'b']);
    expect(ids({ tryoutId: 'monday-tryout' })).toEqual(['d']);
  });

  it('sorts by each column, both ways', () => {
    expect(ids({ sort: 'candidate' })).toEqual(['c', 'b', 'a', 'd']);
    expect(ids({ sort: 'scenario', direction: 'desc' })).toEqual(['d', 'b', 'c', 'a']);
    expect(ids({ sort: 'duration' })).toEqual(['a', 'c', 'b', 'd']);
    expect(ids({ sort: 'duration', direction: 'asc' })).toEqual(['d', 'b', 'c', 'a']);
    expect(ids({ sort: 'review-state' })).toEqual(['c', 'd', 'b', 'a']);
    expect(ids({ sort: 'date', direction: 'asc' })).toEqual(['a', 'b', 'c', 'd']);
  });

  it('pages', () => {
    const page = search({ offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.offset).toBe(1);
    expect(page.rows.map((r) => r.sessionId.slice(-1))).toEqual(['c', 'b']);
    expect(search({ offset: 10 }).rows).toEqual([]);
  });

  it('refuses a page larger than 500 rows', () => {
    expect(LibraryQuerySchema.safeParse({ limit: 501 }).success).toBe(false);
  });
});
