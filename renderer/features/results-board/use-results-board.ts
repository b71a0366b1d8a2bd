import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ResultsBoardExport } from '../../../core/api.js';
import type { ResultsBoard } from '../../../core/tryout/results-board.js';
import { DEFAULT_BOARD_SORT, nextSort, sortBoardRows, type BoardColumn, type BoardSort } from '../../../core/tryout/results-board-sort.js';
import type { Tryout } from '../../../core/tryout/schema.js';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';

/**
 * The results board's data: the tryouts to choose from, the board of the chosen one, re-asked
 * every POLL_MS while the screen is open (there is no event channel from the back end; a call's
 * row fills in as soon as its analysis is saved), its sort, and the exports.
 */

export const POLL_MS = 3000;

export type ExportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly format: 'csv' | 'pdf' }
  | { readonly kind: 'done'; readonly file: ResultsBoardExport }
  | { readonly kind: 'failed'; readonly format: 'csv' | 'pdf'; readonly message: string };

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function useResultsBoard() {
  const chosen = useStore((s) => s.boardTryoutId);
  const dayTryoutId = useStore((s) => s.tryoutDay?.tryout?.id ?? null);
  const choose = useStore((s) => s.openResultsBoard);
  const [tryouts, setTryouts] = useState<readonly Tryout[] | null>(null);
  const [board, setBoard] = useState<ResultsBoard | null>(null);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sort, setSort] = useState<BoardSort>(DEFAULT_BOARD_SORT);
  const [exported, setExported] = useState<ExportState>({ kind: 'idle' });

  useEffect(() => {
    client.listTryouts({}).then(setTryouts, (e: unknown) => setError(`The tryouts could not be listed: ${messageOf(e)}`));
  }, []);
  // The chosen tryout, else the one whose day is on, else the latest (listTryouts is newest first).
  const tryoutId = chosen ?? dayTryoutId ?? tryouts?.[0]?.id ?? null;

  useEffect(() => {
    if (tryoutId === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setBoard((b) => (b?.tryout.id === tryoutId ? b : null));
    const load = async () => {
      try {
        const next = await client.getResultsBoard({ tryoutId });
        if (stopped) return;
        setBoard(next);
        setUpdatedAt(new Date());
        setError(null);
      } catch (e) {
        if (!stopped) setError(`The results board could not be loaded: ${messageOf(e)}`);
      }
      // The next ask only after this answer, so a slow disk never stacks requests.
      if (!stopped) timer = setTimeout(() => void load(), POLL_MS);
    };
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [tryoutId]);

  const rows = useMemo(() => (board ? sortBoardRows(board.rows, sort) : []), [board, sort]);
  const sortBy = useCallback((column: BoardColumn) => setSort((s) => nextSort(s, column)), []);
  const exportAs = useCallback(
    async (format: 'csv' | 'pdf') => {
      if (tryoutId === null) return;
      setExported({ kind: 'busy', format });
      try {
        setExported({ kind: 'done', file: await client.exportResultsBoard({ tryoutId, format, sort }) });
      } catch (e) {
        setExported({ kind: 'failed', format, message: messageOf(e) });
      }
    },
    [tryoutId, sort],
  );
  return { tryouts, tryoutId, choose, board, rows, updatedAt, error, sort, sortBy, exported, exportAs, live: tryoutId !== null && tryoutId === dayTryoutId };
}
