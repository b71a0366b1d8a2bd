import type { BoardCell, BoardLink, BoardRow } from '../../../core/tryout/results-board.js';
import { checklistColumn, type BoardColumn, type BoardSort } from '../../../core/tryout/results-board-sort.js';
import { callsText, checklistTitle, percentText, reviewedByText, verdictLabel } from '../../../core/tryout/results-board-text.js';

export interface ResultsBoardTableProps {
  readonly checklists: readonly string[];
  readonly rows: readonly BoardRow[];
  readonly sort: BoardSort;
  readonly onSort: (column: BoardColumn) => void;
  readonly onOpen: (link: BoardLink) => void;
}

/** What opening a cell does, for its accessible name: "Open Ada Byron’s call at the first fail: Lets the customer finish". */
function openLabel(who: string, what: string, link: BoardLink): string {
  if (link.itemTitle === null) return `${who}, ${what}: open the first call`;
  return `${who}, ${what}: open the ${link.reason === 'fail' ? 'first fail' : 'first item to review'}, ${link.itemTitle}`;
}

/** "1 fail · 2 to review", or '' when nothing is open. */
function openCounts(cell: Pick<BoardCell, 'failed' | 'needsReview'>): string {
  return [cell.failed > 0 ? `${cell.failed} ${cell.failed === 1 ? 'fail' : 'fails'}` : '', cell.needsReview > 0 ? `${cell.needsReview} to review` : ''].filter(Boolean).join(' · ');
}

function SortHeader({ label, column, sort, onSort, numeric }: { label: string; column: BoardColumn; sort: BoardSort; onSort: (c: BoardColumn) => void; numeric: boolean }) {
  const current = sort.column === column;
  return (
    <th scope="col" aria-sort={current ? sort.direction : 'none'} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(column)} data-testid={`board-sort-${column.replace(':', '-')}`}>
        {label}
        <span aria-hidden="true" className="sort-arrow">
          {current ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </th>
  );
}

function ChecklistCell({ row, cell, onOpen }: { row: BoardRow; cell: BoardCell; onOpen: (l: BoardLink) => void }) {
  const open = openCounts(cell);
  const body = (
    <>
      <span className="board-line">
        <span className="board-score">{cell.score === null ? '–' : percentText(cell.score)}</span>
        {cell.score !== null && <span className="small muted"> {cell.passed} of {cell.passed + cell.failed}</span>}
      </span>
      {open && <span className={`board-open small ${cell.failed > 0 ? 'has-fails' : ''}`}>{open}</span>}
    </>
  );
  const link = cell.open;
  return (
    <td data-testid={`board-cell-${cell.checklist}`} data-score={cell.score ?? ''}>
      {link ? (
        <button type="button" className="board-cell" onClick={() => onOpen(link)} data-session-id={link.sessionId} data-item={link.itemKey ?? ''}>
          {body}
          {/* After the visible text, so the button's name starts with what is seen (WCAG 2.5.3). */}
          <span className="visually-hidden">: {openLabel(row.candidateName, checklistTitle(cell.checklist), link)}</span>
        </button>
      ) : (
        body
      )}
    </td>
  );
}

/** Candidates by rows, checklists and the verdict by columns; every header sorts, every cell opens a review. Props only. */
export function ResultsBoardTable({ checklists, rows, sort, onSort, onOpen }: ResultsBoardTableProps) {
  const header = (label: string, column: BoardColumn, numeric = false) => <SortHeader key={column} label={label} column={column} sort={sort} onSort={onSort} numeric={numeric} />;
  return (
    <table className="session-table results-board-table" data-testid="results-board-table">
      <caption className="visually-hidden">Candidates of the tryout day; column headers sort the table, cells open the call at its first failing item.</caption>
      <thead>
        <tr>
          {header('Candidate', 'candidate')}
          {checklists.map((c) => header(checklistTitle(c), checklistColumn(c)))}
          {header('Fails', 'fails', true)}
          {header('To review', 'needsReview', true)}
          {header('Verdict', 'verdict')}
          {header('Reviewed by', 'reviewedBy')}
          {header('Calls', 'calls')}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.candidateKey} data-testid="board-row" data-candidate={row.candidateName}>
            <th scope="row">
              {row.open ? (
                <button type="button" className="board-cell board-candidate" onClick={() => row.open && onOpen(row.open)} aria-label={openLabel(row.candidateName, 'all checklists', row.open)} data-testid="board-candidate">
                  {row.candidateName}
                </button>
              ) : (
                row.candidateName
              )}
              {row.candidateId && <span className="board-candidate-id small muted">{row.candidateId}</span>}
            </th>
            {row.cells.map((cell) => (
              <ChecklistCell key={cell.checklist} row={row} cell={cell} onOpen={onOpen} />
            ))}
            <td className={`num ${row.fails > 0 ? 'has-fails' : ''}`} data-testid="board-fails">
              {row.fails}
            </td>
            <td className="num" data-testid="board-needs-review">
              {row.needsReview}
            </td>
            <td data-testid="board-verdict" data-verdict={row.verdict.state === 'agreed' ? (row.verdict.final ?? '') : row.verdict.state}>
              <span className={`verdict-chip ${row.verdict.final ? `verdict-${row.verdict.final}` : ''}`}>{verdictLabel(row.verdict)}</span>
              {row.verdict.state !== 'none' && (
                <span className="board-open small">
                  {row.verdict.decidedCalls} of {row.verdict.calls} {row.verdict.calls === 1 ? 'call' : 'calls'}
                </span>
              )}
            </td>
            <td className="small" data-testid="board-reviewed-by">
              {reviewedByText(row) || <span className="muted">nobody yet</span>}
            </td>
            <td className="small nowrap" data-testid="board-calls" data-done={row.callsDone}>
              {callsText(row)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
