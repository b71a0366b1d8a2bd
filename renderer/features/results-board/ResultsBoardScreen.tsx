import { useEffect, useRef } from 'react';
import { useStore } from '../../store/index.js';
import { ExportStatus } from './ExportStatus.js';
import { POLL_MS, useResultsBoard } from './use-results-board.js';
import { ResultsBoardTable } from './ResultsBoardTable.js';
import './results-board.css';

const timeOf = (d: Date) => d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The tryout lead's one view of the day: every candidate's results, sortable, each cell a way into the review. */
export function ResultsBoardScreen() {
  const b = useResultsBoard();
  const openReviewAt = useStore((s) => s.openReviewAt);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { board } = b;
  const busy = b.exported.kind === 'busy';
  return (
    <section className="results-board" aria-labelledby="results-board-title" data-testid="results-board" data-tryout-id={b.tryoutId ?? ''}>
      <div className="results-board-head">
        <h2 id="results-board-title" ref={heading} tabIndex={-1}>
          Results board{board ? `: ${board.tryout.name}` : ''}
        </h2>
        {b.tryouts && b.tryouts.length > 1 && (
          <label className="field results-board-pick">
            <span>Tryout</span>
            <select value={b.tryoutId ?? ''} onChange={(e) => b.choose(e.target.value)} data-testid="board-tryout">
              {b.tryouts.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} ({t.date})
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="results-board-actions">
          <button type="button" onClick={() => void b.exportAs('csv')} disabled={!board || busy} data-testid="board-export-csv">
            Export CSV
          </button>
          <button type="button" onClick={() => void b.exportAs('pdf')} disabled={!board || busy} data-testid="board-export-pdf">
            Export PDF
          </button>
        </div>
      </div>
      {board && (
        <p className="small muted" data-testid="board-summary">
          {board.tryout.date} · {board.rows.length} {board.rows.length === 1 ? 'candidate' : 'candidates'} · {board.sessions} {board.sessions === 1 ? 'call' : 'calls'} taken · {board.tryout.scenarioIds.length} per candidate
          {b.live ? ' · tryout day on' : ''}
          {b.updatedAt && (
            <span aria-live="off">
              {' '}
              · updated {timeOf(b.updatedAt)}, every {POLL_MS / 1000} s
            </span>
          )}
        </p>
      )}
      <ExportStatus state={b.exported} />
      {b.error && (
        <p role="alert" className="banner error" data-testid="board-error">
          {b.error}
        </p>
      )}
      {b.tryouts?.length === 0 && <p className="muted">No tryouts on this laptop yet: make one on the Coach screen.</p>}
      {b.tryoutId !== null && !board && !b.error && <p className="muted">Loading the board…</p>}
      {board && board.rows.length === 0 && (
        <p className="muted" data-testid="board-empty">
          No candidate has taken a call of this tryout yet. Calls appear here as soon as they are checked.
        </p>
      )}
      {board && board.rows.length > 0 && (
        <>
          <div className="results-board-scroll">
            <ResultsBoardTable checklists={board.checklists} rows={b.rows} sort={b.sort} onSort={b.sortBy} onOpen={(link) => openReviewAt(link.sessionId, link.itemKey)} />
          </div>
          <p className="small muted">
            A score is the items passed over the items decided, over all of the candidate’s calls; not-applicable items and items to review are left out. Each cell opens the call at its first fail (else the first item to review).
          </p>
        </>
      )}
    </section>
  );
}
