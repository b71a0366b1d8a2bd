import { describe, expect, it } from 'vitest';
import { resultsBoardOf } from '../../../../core/tryout/results-board.js';
import { BoardSortSchema, checklistColumn, nextSort, sortBoardRows, type BoardColumn, type SortDirection } from '../../../../core/tryout/results-board-sort.js';
import { anaReview } from '../../services/report-fixtures.js';
import { AT, daySessions, review, session, TRYOUT } from './board-fixtures.js';

describe('sorting the results board', () => {
  // Ada: respect 80%, 1 fail, advance. Bo: respect 100%, 0 fails, split. Cy: no score, no verdict. Dee: respect 100%, hold.
  const dee = session('s-dee-1', 'Dee Park', 'angry-caller', '2026-11-24T12:00:00.000Z', [review('Ana Ruiz', { ...anaReview(AT), verdict: 'hold' })]);
  const rows = resultsBoardOf(TRYOUT, [...daySessions(), dee]).rows;
  const names = (column: BoardColumn, direction: SortDirection) => sortBoardRows(rows, { column, direction }).map((r) => r.candidateName.split(' ')[0]);

  it('sorts by name either way', () => {
    expect(names('candidate', 'ascending')).toEqual(['Ada', 'Bo', 'Cy', 'Dee']);
    expect(names('candidate', 'descending')).toEqual(['Dee', 'Cy', 'Bo', 'Ada']);
  });

  it('sorts by a checklist’s score with candidates without a score last either way, ties by name', () => {
    expect(names(checklistColumn('respect'), 'descending')).toEqual(['Bo', 'Dee', 'Ada', 'Cy']);
    expect(names(checklistColumn('respect'), 'ascending')).toEqual(['Ada', 'Bo', 'Dee', 'Cy']);
  });

  it('sorts by fails, needs review, calls done and reviewers', () => {
    expect(names('fails', 'descending')).toEqual(['Ada', 'Bo', 'Cy', 'Dee']);
    // Ada: 1 (warmth, call 2); Bo: 1 (coaches differ); Cy 0; Dee 0.
    expect(names('needsReview', 'descending')).toEqual(['Ada', 'Bo', 'Cy', 'Dee']);
    expect(names('calls', 'ascending')).toEqual(['Cy', 'Bo', 'Dee', 'Ada']);
    expect(names('reviewedBy', 'ascending')).toEqual(['Ada', 'Dee', 'Bo', 'Cy']);
  });

  it('sorts verdicts best first (advance, hold, not a fit, split), none last', () => {
    expect(names('verdict', 'ascending')).toEqual(['Ada', 'Dee', 'Bo', 'Cy']);
    expect(names('verdict', 'descending')).toEqual(['Bo', 'Dee', 'Ada', 'Cy']);
  });

  it('leaves the rows given untouched', () => {
    const before = rows.map((r) => r.candidateKey);
    sortBoardRows(rows, { column: 'fails', direction: 'ascending' });
    expect(rows.map((r) => r.candidateKey)).toEqual(before);
  });

  it('turns a column round on a second click, and starts another in its own direction', () => {
    expect(nextSort({ column: 'candidate', direction: 'ascending' }, 'candidate')).toEqual({ column: 'candidate', direction: 'descending' });
    expect(nextSort({ column: 'candidate', direction: 'ascending' }, 'checklist:respect')).toEqual({ column: 'checklist:respect', direction: 'descending' });
    expect(nextSort({ column: 'fails', direction: 'descending' }, 'verdict')).toEqual({ column: 'verdict', direction: 'ascending' });
  });

  it('accepts only the board’s columns from the API', () => {
    expect(BoardSortSchema.parse({ column: 'checklist:respect', direction: 'descending' })).toEqual({ column: 'checklist:respect', direction: 'descending' });
    expect(BoardSortSchema.safeParse({ column: 'candidateName', direction: 'ascending' }).success).toBe(false);
    expect(BoardSortSchema.safeParse({ column: 'checklist:../x', direction: 'ascending' }).success).toBe(false);
    expect(BoardSortSchema.safeParse({ column: 'fails', direction: 'up' }).success).toBe(false);
  });
});
