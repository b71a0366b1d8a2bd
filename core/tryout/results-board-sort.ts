import { z } from 'zod';
import type { Verdict } from '../review/schema.js';
import type { BoardRow } from './results-board.js';

/**
 * Sorting the results board by any column. Rows without a value (no score yet, no verdict yet)
 * go last whichever the direction, so "best first" never starts with empty rows; ties fall back
 * to the candidate's name.
 */

export type BoardColumn = 'candidate' | 'fails' | 'needsReview' | 'verdict' | 'reviewedBy' | 'calls' | `checklist:${string}`;

/** The words aria-sort uses. */
export type SortDirection = 'ascending' | 'descending';

export interface BoardSort {
  readonly column: BoardColumn;
  readonly direction: SortDirection;
}

export const DEFAULT_BOARD_SORT: BoardSort = { column: 'candidate', direction: 'ascending' };

/** Best first: advance before hold before not-a-fit; a split (coaches or calls disagree) after them. */
const VERDICT_RANK: Readonly<Record<Verdict | 'split', number>> = { advance: 0, hold: 1, 'not-a-fit': 2, split: 3 };

export function checklistColumn(checklist: string): BoardColumn {
  return `checklist:${checklist}`;
}

/** The value a row sorts by in a column: a number or text, null when it has none. */
export function sortValue(row: BoardRow, column: BoardColumn): number | string | null {
  switch (column) {
    case 'candidate':
      return row.candidateName.toLowerCase();
    case 'fails':
      return row.fails;
    case 'needsReview':
      return row.needsReview;
    case 'verdict':
      if (row.verdict.state === 'split') return VERDICT_RANK.split;
      return row.verdict.final === null ? null : VERDICT_RANK[row.verdict.final];
    case 'reviewedBy':
      return row.reviewedBy.length === 0 ? null : row.reviewedBy.map((c) => c.name.toLowerCase()).join(', ');
    case 'calls':
      return row.callsDone;
    default: {
      const checklist = column.slice('checklist:'.length);
      return row.cells.find((c) => c.checklist === checklist)?.score ?? null;
    }
  }
}

function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** A sorted copy of `rows`. */
export function sortBoardRows(rows: readonly BoardRow[], sort: BoardSort): BoardRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byName = (a: BoardRow, b: BoardRow) => a.candidateName.localeCompare(b.candidateName) || a.candidateKey.localeCompare(b.candidateKey);
  return [...rows].sort((a, b) => {
    const va = sortValue(a, sort.column);
    const vb = sortValue(b, sort.column);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return sign * compareValues(va, vb) || byName(a, b);
  });
}

/** The direction a column starts in when first clicked: names A-Z, verdicts best first, scores highest first, fails most first. */
export function firstDirection(column: BoardColumn): SortDirection {
  return column === 'candidate' || column === 'reviewedBy' || column === 'verdict' ? 'ascending' : 'descending';
}

/** The sort after a click on a column header: the same column turns round, another starts in its first direction. */
export function nextSort(current: BoardSort, column: BoardColumn): BoardSort {
  if (current.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: firstDirection(column) };
}

const COLUMN = /^(?:candidate|fails|needsReview|verdict|reviewedBy|calls|checklist:[a-z0-9][a-z0-9-]{0,63})$/;

/** A sort as the API takes it (the export keeps the order on screen). */
export const BoardSortSchema = z.strictObject({
  // The regex admits exactly the BoardColumn shapes, so the cast only names what was checked.
  column: z
    .string()
    .regex(COLUMN, 'not a column of the results board')
    .transform((c) => c as BoardColumn),
  direction: z.enum(['ascending', 'descending']),
});
