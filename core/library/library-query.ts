import { z } from 'zod';
import { CoachNameSchema, VerdictSchema } from '../review/schema.js';
import { ScenarioIdSchema } from '../session/ids.js';
import { TryoutIdSchema } from '../tryout/schema.js';
import type { LibraryRow } from './library-row.js';
import { attentionOf, REVIEWED_BY, reviewedByOf, SESSION_OUTCOMES } from './library-triage.js';

/** searchSessions: search, filters, sort and paging over the library (pure; the back end keeps the rows in memory). */

export const LIBRARY_SORTS = ['date', 'candidate', 'scenario', 'duration', 'review-state', 'needs-attention'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];
export const MAX_LIBRARY_PAGE = 500;

export const LibraryQuerySchema = z.strictObject({
  /** Words that must all appear in the candidate's name or id or the scenario's title (case and accents ignored). */
  query: z.string().max(200).default(''),
  scenarioId: ScenarioIdSchema.optional(),
  /** One tryout's sessions. */
  tryoutId: TryoutIdSchema.optional(),
  reviewState: z.enum(['unreviewed', 'in-review', 'reviewed']).optional(),
  /** Sessions in which at least one coach gave this verdict. */
  verdict: VerdictSchema.optional(),
  recovered: z.boolean().optional(),
  /** One candidate's sessions: the exact name (case and accents ignored). */
  candidate: z.string().trim().min(1).max(120).optional(),
  /** The session's outcome (library-triage.ts): pass, fail, needs-review or not-reviewed. */
  result: z.enum(SESSION_OUTCOMES).optional(),
  /** Sessions where a coach reversed an automatic result (true), or where none did (false). */
  overridden: z.boolean().optional(),
  /** Reviewed by `coachName` (a review in any state), only by other coaches, or by nobody. */
  reviewedBy: z.enum(REVIEWED_BY).optional(),
  /** The coach asking, for `reviewedBy`. */
  coachName: CoachNameSchema.optional(),
  sort: z.enum(LIBRARY_SORTS).default('date'),
  /** Default: newest / longest / most reviewed first; names A to Z. */
  direction: z.enum(['asc', 'desc']).optional(),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(MAX_LIBRARY_PAGE).default(50),
}).refine((q) => q.reviewedBy === undefined || q.reviewedBy === 'nobody' || q.coachName !== undefined, {
  message: 'reviewedBy "me" or "others" needs the coachName',
  path: ['coachName'],
});
export type LibraryQuery = z.output<typeof LibraryQuerySchema>;

export interface ScenarioFacet {
  readonly scenarioId: string;
  readonly title: string;
  /** Sessions of this scenario in the whole library (not only the matches). */
  readonly sessions: number;
}

export interface LibraryPage {
  /** Matches of the search and filters, before paging. */
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly LibraryRow[];
  /** Every scenario with sessions, for the scenario filter. */
  readonly scenarios: readonly ScenarioFacet[];
}

/** A row with what searching and sorting need, computed once when the row enters the index. */
export interface IndexedRow {
  readonly row: LibraryRow;
  readonly text: string;
  readonly candidateKey: string;
  readonly scenarioKey: string;
  readonly time: number;
  readonly reviewRank: number;
  /** Open items plus unconfirmed fails: the "needs attention" order. */
  readonly attention: number;
}

/** Lowercase without accents: "José" and "jose" match. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function indexRow(row: LibraryRow): IndexedRow {
  const state = row.reviewState;
  return {
    row,
    text: foldText([row.candidateName, row.candidateId ?? '', row.scenarioTitle].join('\n')),
    candidateKey: foldText(row.candidateName),
    scenarioKey: foldText(row.scenarioTitle),
    time: Date.parse(row.createdAt),
    // unreviewed < in review < reviewed by 1 < reviewed by 2 ...
    reviewRank: state.kind === 'unreviewed' ? 0 : state.kind === 'in-review' ? 1 : 1 + state.coaches,
    attention: attentionOf(row.result),
  };
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Compare = (a: IndexedRow, b: IndexedRow) => number;

/** Ascending comparison of a sort key. */
const BY: Record<LibrarySort, Compare> = {
  date: (a, b) => a.time - b.time,
  candidate: (a, b) => compareStrings(a.candidateKey, b.candidateKey),
  scenario: (a, b) => compareStrings(a.scenarioKey, b.scenarioKey),
  duration: (a, b) => a.row.durationSeconds - b.row.durationSeconds,
  'review-state': (a, b) => a.reviewRank - b.reviewRank,
  'needs-attention': (a, b) => a.attention - b.attention,
};

const DEFAULT_DIRECTION: Record<LibrarySort, 'asc' | 'desc'> = { date: 'desc', candidate: 'asc', scenario: 'asc', duration: 'desc', 'review-state': 'desc', 'needs-attention': 'desc' };

function matcher(query: LibraryQuery): (r: IndexedRow) => boolean {
  const words = foldText(query.query).split(/\s+/).filter((w) => w.length > 0);
  const candidate = query.candidate === undefined ? undefined : foldText(query.candidate);
  return (r) =>
    (query.scenarioId === undefined || r.row.scenarioId === query.scenarioId) &&
    (query.tryoutId === undefined || r.row.tryoutId === query.tryoutId) &&
    (query.reviewState === undefined || r.row.reviewState.kind === query.reviewState) &&
    (query.verdict === undefined || r.row.verdicts.some((v) => v.verdict === query.verdict)) &&
    (query.recovered === undefined || r.row.recovered === query.recovered) &&
    (candidate === undefined || r.candidateKey === candidate) &&
    (query.result === undefined || r.row.result.outcome === query.result) &&
    (query.overridden === undefined || r.row.result.totals.overridden > 0 === query.overridden) &&
    (query.reviewedBy === undefined || reviewedByOf(r.row.reviewers, query.coachName) === query.reviewedBy) &&
    words.every((w) => r.text.includes(w));
}

export function scenarioFacets(rows: Iterable<IndexedRow>): ScenarioFacet[] {
  const facets = new Map<string, { title: string; sessions: number; time: number }>();
  for (const { row, time } of rows) {
    const facet = facets.get(row.scenarioId);
    if (!facet) facets.set(row.scenarioId, { title: row.scenarioTitle, sessions: 1, time });
    else {
      facet.sessions++;
      // The newest session's title wins (a scenario may have been renamed).
      if (time > facet.time) Object.assign(facet, { title: row.scenarioTitle, time });
    }
  }
  return [...facets].map(([scenarioId, f]) => ({ scenarioId, title: f.title, sessions: f.sessions })).sort((a, b) => compareStrings(foldText(a.title), foldText(b.title)));
}

/** The key of one ordering of the library, e.g. "date:desc" (the back end caches each). */
export function orderKey(query: Pick<LibraryQuery, 'sort' | 'direction'>): string {
  return `${query.sort}:${query.direction ?? DEFAULT_DIRECTION[query.sort]}`;
}

/** A sorted copy of `rows` in the query's order. Ties go newest first, then by session id. */
export function sortRows(rows: readonly IndexedRow[], query: Pick<LibraryQuery, 'sort' | 'direction'>): IndexedRow[] {
  const sign = (query.direction ?? DEFAULT_DIRECTION[query.sort]) === 'asc' ? 1 : -1;
  const by = BY[query.sort];
  return [...rows].sort((a, b) => sign * by(a, b) || b.time - a.time || compareStrings(a.row.sessionId, b.row.sessionId));
}

/** The page the query asks for, from rows already in its order (sortRows): one filtering pass, no sort. */
export function pageOf(sorted: readonly IndexedRow[], query: LibraryQuery, scenarios: readonly ScenarioFacet[]): LibraryPage {
  const matches = sorted.filter(matcher(query));
  return { total: matches.length, offset: query.offset, rows: matches.slice(query.offset, query.offset + query.limit).map((r) => r.row), scenarios };
}

/** The page of `rows` the query asks for. */
export function searchLibrary(rows: readonly IndexedRow[], query: LibraryQuery, scenarios: readonly ScenarioFacet[] = scenarioFacets(rows)): LibraryPage {
  return pageOf(sortRows(rows, query), query, scenarios);
}
