import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LibraryPage, LibrarySort } from '../../../core/library/library-query.js';
import type { LibraryRow } from '../../../core/library/library-row.js';
import type { ReviewedBy, SessionOutcome } from '../../../core/library/library-triage.js';
import type { Verdict } from '../../../core/review/schema.js';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';
import { rememberLibraryOrder } from '../review/review-queue.js';

export const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 200;

export type ReviewStateFilter = 'unreviewed' | 'in-review' | 'reviewed';

export interface LibraryFilters {
  readonly query: string;
  readonly scenarioId: string | null;
  readonly reviewState: ReviewStateFilter | null;
  readonly verdict: Verdict | null;
  readonly recovered: boolean | null;
  readonly result: SessionOutcome | null;
  readonly overridden: boolean | null;
  readonly reviewedBy: ReviewedBy | null;
  /** One tryout day's sessions. */
  readonly tryoutId: string | null;
}

export const NO_FILTERS: LibraryFilters = { query: '', scenarioId: null, reviewState: null, verdict: null, recovered: null, result: null, overridden: null, reviewedBy: null, tryoutId: null };

/** Whether any filter (or the search box) narrows the list. */
export function anyFilter(typed: string, f: LibraryFilters): boolean {
  return typed !== '' || Object.entries(f).some(([k, v]) => k !== 'query' && v !== null);
}

export interface LibrarySortState {
  readonly by: LibrarySort;
  readonly direction: 'asc' | 'desc';
}

/** The library query as searchSessions takes it (undefined = no filter); `coachName` is the coach using the app. */
function queryOf(f: LibraryFilters, sort: LibrarySortState, offset: number, coachName: string) {
  return {
    query: f.query.trim(),
    ...(f.scenarioId ? { scenarioId: f.scenarioId } : {}),
    ...(f.reviewState ? { reviewState: f.reviewState } : {}),
    ...(f.verdict ? { verdict: f.verdict } : {}),
    ...(f.recovered !== null ? { recovered: f.recovered } : {}),
    ...(f.result ? { result: f.result } : {}),
    ...(f.overridden !== null ? { overridden: f.overridden } : {}),
    ...(f.tryoutId ? { tryoutId: f.tryoutId } : {}),
    // "By me" and "by others" need the coach's name (the filter offers them only once it is set).
    ...(f.reviewedBy && (f.reviewedBy === 'nobody' || coachName.trim()) ? { reviewedBy: f.reviewedBy } : {}),
    ...(coachName.trim() ? { coachName: coachName.trim() } : {}),
    sort: sort.by,
    direction: sort.direction,
    offset,
    limit: PAGE_SIZE,
  };
}

/**
 * Filters, search and sort as the coach left them, so a trip to a review and back (or a walk
 * through the next unreviewed sessions) comes back to the same triaged list. In memory only.
 */
const kept: { filters: LibraryFilters; typed: string; sort: LibrarySortState } = { filters: NO_FILTERS, typed: '', sort: { by: 'date', direction: 'desc' } };

/** The library: search, filters, sort and paging, with the rows picked for comparing or exporting. */
export function useLibrary() {
  const [filters, setFilters] = useState<LibraryFilters>(kept.filters);
  const [typed, setTyped] = useState(kept.typed);
  const [sort, setSort] = useState<LibrarySortState>(kept.sort);
  useEffect(() => {
    Object.assign(kept, { filters, typed, sort });
  }, [filters, typed, sort]);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<LibraryPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Picked sessions, kept across pages and searches. */
  const [selected, setSelected] = useState<ReadonlyMap<string, LibraryRow>>(new Map());
  const [revision, setRevision] = useState(0);

  // The search box waits for a pause in typing before it searches.
  useEffect(() => {
    const t = setTimeout(() => setFilters((f) => (f.query === typed ? f : { ...f, query: typed })), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [typed]);

  const coachName = useStore((s) => s.settings?.coachName ?? '');
  const q = useMemo(() => queryOf(filters, sort, offset, coachName), [filters, sort, offset, coachName]);
  // The review screen's next / previous unreviewed follow this order and these filters.
  useEffect(() => rememberLibraryOrder({ ...q, offset: 0 }), [q]);
  useEffect(() => {
    let alive = true;
    client.searchSessions(q).then(
      (p: LibraryPage) => {
        if (!alive) return;
        setPage(p);
        setError(null);
      },
      (e: unknown) => alive && setError(`The sessions could not be listed: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      alive = false;
    };
  }, [q, revision]);

  const filter = useCallback((change: Partial<LibraryFilters>) => {
    setFilters((f) => ({ ...f, ...change }));
    setOffset(0);
  }, []);

  const sortBy = useCallback((by: LibrarySort) => {
    // A second click on the same column turns the order round; a new column starts at its natural order.
    setSort((s) => (s.by === by ? { by, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { by, direction: by === 'candidate' || by === 'scenario' ? 'asc' : 'desc' }));
    setOffset(0);
  }, []);

  const toggle = useCallback((row: LibraryRow) => {
    setSelected((s) => {
      const next = new Map(s);
      if (!next.delete(row.sessionId)) next.set(row.sessionId, row);
      return next;
    });
  }, []);

  return {
    coachName,
    filters,
    typed,
    setTyped: (text: string) => {
      setTyped(text);
      setOffset(0);
    },
    filter,
    clearFilters: () => {
      setTyped('');
      filter(NO_FILTERS);
    },
    sort,
    sortBy,
    page,
    error,
    offset,
    goTo: (o: number) => setOffset(Math.max(0, o)),
    selected,
    toggle,
    clearSelection: () => setSelected(new Map()),
    refresh: () => setRevision((r) => r + 1),
  };
}

export type LibraryState = ReturnType<typeof useLibrary>;
