import type { LibrarySort } from '../../../core/library/library-query.js';
import type { LibraryRow } from '../../../core/library/library-row.js';
import { scoreText } from '../findings/labels.js';
import { VERDICT_LABEL } from '../review/VerdictPicker.js';
import { formatDate, formatDuration } from '../sessions/format.js';
import { coachIdOf } from '../../../core/review/schema.js';
import { OUTCOME_LABEL, reviewStateText } from './labels.js';
import './triage.css';
import type { LibrarySortState } from './use-library.js';

export interface LibraryTableProps {
  readonly rows: readonly LibraryRow[];
  readonly sort: LibrarySortState;
  readonly selected: ReadonlyMap<string, LibraryRow>;
  readonly openId: string | null;
  /** The coach using the app, shown as "you" among the reviewers ('' when not known yet). */
  readonly coachName: string;
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
  { label: 'Needs attention', sort: 'needs-attention' },
];

/** The sessions of one page: sortable columns, a checkbox per row, Open (timeline) and Review. Props only. */
export function LibraryTable({ rows, sort, selected, openId, coachName, onSort, onToggle, onOpen, onReview }: LibraryTableProps) {
  const me = coachName ? coachIdOf(coachName) : null;
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
          <tr
            key={r.sessionId}
            data-testid={`session-row-${r.sessionId}`}
            data-status={r.status}
            data-review={r.reviewState.kind}
            data-outcome={r.result.outcome}
            data-attention={r.result.totals.needsReview + r.result.undecidedFails}
            className={openId === r.sessionId ? 'selected' : selected.has(r.sessionId) ? 'picked' : ''}>
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
            <td>
              <div className="nowrap">{formatDate(r.createdAt)}</div>
              {/* The call's state beside its date; a complete call (the usual case) says nothing more. */}
              {r.recovered ? (
                <span className="status status-recovered">recovered</span>
              ) : (
                r.status !== 'complete' && <span className={`status status-${r.status}`}>{r.status === 'recording' ? 'in progress' : r.status}</span>
              )}
              {r.incompleteReason !== null && (
                <div className="small" data-testid="incomplete-reason">
                  {r.incompleteReason}
                </div>
              )}
            </td>
            <td className="num">{formatDuration(r.durationSeconds)}</td>
            <td>
              <span className={`status review-${r.reviewState.kind}`} data-testid="review-state">{reviewStateText(r.reviewState)}</span>
              {r.reviewers.length > 0 && (
                <div className="small muted" data-testid="reviewers">
                  {r.reviewers.map((c) => (c.id === me ? 'you' : c.name)).join(', ')}
                </div>
              )}
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
            <td className="num" data-testid="attention">
              <AttentionCell result={r.result} />
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
  const outcome = <span className={`outcome-chip outcome-${result.outcome}`} data-testid="outcome">{OUTCOME_LABEL[result.outcome]}</span>;
  if (!result.analysed) return <>{outcome} <span className="muted">not checked</span></>;
  return (
    <>
      {outcome}
      {result.checklists.map((c) => (
        <div key={c.checklist} className="nowrap" data-checklist={c.checklist} data-score={c.score ?? ''}>
          {c.checklist}: {c.score === null ? '—' : `${Math.round(c.score * 100)}%`}
        </div>
      ))}
      {result.totals.overridden > 0 && (
        <div className="nowrap overridden-note" data-testid="overridden">
          {result.totals.overridden} overridden
        </div>
      )}
      <span className="visually-hidden">overall {scoreText(result.totals)}</span>
    </>
  );
}

/** What still waits for a coach: items needing review, and fails no coach has confirmed. */
function AttentionCell({ result }: { result: LibraryRow['result'] }) {
  if (result.totals.needsReview === 0 && result.undecidedFails === 0) return <span className="muted">—</span>;
  return (
    <>
      {result.totals.needsReview > 0 && (
        <div className="nowrap" data-testid="needs-review-count">
          {result.totals.needsReview} to review
        </div>
      )}
      {result.undecidedFails > 0 && <div className="nowrap small">{result.undecidedFails} {result.undecidedFails === 1 ? 'fail' : 'fails'} to confirm</div>}
    </>
  );
}
