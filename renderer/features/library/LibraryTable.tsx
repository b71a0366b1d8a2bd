import type { LibrarySort } from '../../../core/library/library-query.js';
import type { LibraryRow } from '../../../core/library/library-row.js';
import { scoreText } from '../findings/labels.js';
import { VERDICT_LABEL } from '../review/VerdictPicker.js';
import { formatDate, formatDuration } from '../sessions/format.js';
import { reviewStateText } from './labels.js';
import type { LibrarySortState } from './use-library.js';

export interface LibraryTableProps {
  readonly rows: readonly LibraryRow[];
  readonly sort: LibrarySortState;
  readonly selected: ReadonlyMap<string, LibraryRow>;
  readonly openId: string | null;
  readonly onSort: (by: LibrarySort) => void;
  readonly onToggle: (row: LibraryRow) => void;
  readonly onOpen: (sessionId: string | null) => void;
  readonly onReview: (sessionId: string) => void;
}

const COLUMNS: readonly { readonly label: string; readonly sort: LibrarySort | null }[] = [
  { label: 'Candidate', sort: 'candidate' },
  { label: 'Scenario', sort: 'scenario' },
  { label: 'Date', sort: 'date' },
  { label: 'Duration', sort: 'duration' },
  { label: 'Review', sort: 'review-state' },
  { label: 'Verdicts', sort: null },
  { label: 'Result', sort: null },
  { label: 'State', sort: null },
];

/** The sessions of one page: sortable columns, a checkbox per row, Open (timeline) and Review. Props only. */
export function LibraryTable({ rows, sort, selected, openId, onSort, onToggle, onOpen, onReview }: LibraryTableProps) {
  return (
    <table className="session-table library-table" data-testid="sessions-table">
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Select</span>
          </th>
          {COLUMNS.map((c) => (
            <th key={c.label} scope="col" aria-sort={c.sort && sort.by === c.sort ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
              {c.sort ? (
                <button type="button" className="sort-button" onClick={() => c.sort && onSort(c.sort)} data-testid={`sort-${c.sort}`}>
                  {c.label}
                  <span aria-hidden="true" className="sort-arrow">{sort.by === c.sort ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              ) : (
                c.label
              )}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.sessionId} data-testid={`session-row-${r.sessionId}`} data-status={r.status} data-review={r.reviewState.kind} className={openId === r.sessionId ? 'selected' : selected.has(r.sessionId) ? 'picked' : ''}>
            <td>
              <input
                type="checkbox"
                checked={selected.has(r.sessionId)}
                onChange={() => onToggle(r)}
                aria-label={`Select ${r.candidateName}, ${r.scenarioTitle}, ${formatDate(r.createdAt)}`}
                data-testid="select-session"
              />
            </td>
            <td>{r.candidateName}</td>
            <td>{r.scenarioTitle}</td>
            <td className="nowrap">{formatDate(r.createdAt)}</td>
            <td className="num">{formatDuration(r.durationSeconds)}</td>
            <td>
              <span className={`status review-${r.reviewState.kind}`} data-testid="review-state">{reviewStateText(r.reviewState)}</span>
            </td>
            <td data-testid="verdicts">
              {r.verdicts.map((v) => (
                <span key={v.coach.id} className={`verdict-chip verdict-${v.verdict}`} title={v.coach.name}>
                  {VERDICT_LABEL[v.verdict]}
                </span>
              ))}
            </td>
            <td data-testid="result" className="small">
              <ResultCell result={r.result} />
            </td>
            <td>
              {r.recovered ? (
                <span className="status status-recovered">recovered</span>
              ) : (
                <span className={`status status-${r.status}`}>{r.status === 'recording' ? 'in progress' : r.status}</span>
              )}
              {r.incompleteReason !== null && (
                <div className="small" data-testid="incomplete-reason">
                  {r.incompleteReason}
                </div>
              )}
            </td>
            <td>
              <div className="row-actions">
                <button type="button" onClick={() => onOpen(openId === r.sessionId ? null : r.sessionId)} aria-expanded={openId === r.sessionId} aria-label={`${openId === r.sessionId ? 'Close' : 'Open'} ${r.candidateName}`}>
                  {openId === r.sessionId ? 'Close' : 'Open'}
                </button>
                <button type="button" className="primary" onClick={() => onReview(r.sessionId)} data-testid="review-session" aria-label={`Review ${r.candidateName}, ${r.scenarioTitle}`}>
                  Review
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The session's result in short: each checklist's score, then what needs a coach (not-applicable is never scored). */
function ResultCell({ result }: { result: LibraryRow['result'] }) {
  if (!result.analysed) return <span className="muted">not checked</span>;
  return (
    <>
      {result.checklists.map((c) => (
        <div key={c.checklist} className="nowrap" data-checklist={c.checklist} data-score={c.score ?? ''}>
          {c.checklist}: {c.score === null ? '—' : `${Math.round(c.score * 100)}%`}
        </div>
      ))}
      {result.totals.needsReview > 0 && <div className="muted nowrap">{result.totals.needsReview} to review</div>}
      {result.totals.overridden > 0 && <div className="muted nowrap">{result.totals.overridden} overridden</div>}
      <span className="visually-hidden">overall {scoreText(result.totals)}</span>
    </>
  );
}
