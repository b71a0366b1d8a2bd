import type { CompareCell, SessionComparison } from '../../../core/review/compare.js';
import { openCountsText, scoreText, SOURCE_LABEL, STATUS_LABEL } from '../findings/labels.js';
import { VERDICT_LABEL } from '../review/VerdictPicker.js';
import { formatDate } from '../sessions/format.js';
import '../findings/findings.css';

export interface CompareViewProps {
  readonly comparison: SessionComparison;
  readonly onReview: (sessionId: string) => void;
  readonly onClose: () => void;
}

/** The final result (coach over automatic), with the automatic result and the reason beside it, then each coach's call. */
function CellView({ cell }: { cell: CompareCell }) {
  if (cell.final === null) return <span className="muted">—</span>;
  const changed = cell.source !== null && cell.source !== 'automatic';
  return (
    <>
      <span className={`auto-status status-${cell.final}`} data-testid="compare-final" data-status={cell.final} data-source={cell.source ?? ''} title={cell.reason || undefined}>
        {STATUS_LABEL[cell.final]}
        {changed && cell.source ? ` (${SOURCE_LABEL[cell.source]})` : ''}
      </span>
      {changed && (
        <span className="small muted" data-testid="compare-automatic">
          check: {cell.automatic ? STATUS_LABEL[cell.automatic] : 'none'}
          {cell.reason ? ` · ${cell.reason}` : ''}
        </span>
      )}
      {cell.coaches.map((c) => (
        <span key={c.coach.id} className="coach-cell" title={c.reason || undefined}>
          {c.coach.name}: {c.score !== null ? `${c.score}/5` : c.decision ? STATUS_LABEL[c.decision] : '—'}
        </span>
      ))}
    </>
  );
}

/** The picked sessions side by side: per checklist item the check's status and each coach's, then the verdicts. Props only. */
export function CompareView({ comparison, onReview, onClose }: CompareViewProps) {
  const { sessions, items } = comparison;
  return (
    <section className="compare" aria-labelledby="compare-title" data-testid="compare-view">
      <div className="section-head">
        <h3 id="compare-title">Side by side</h3>
        <button type="button" onClick={onClose} data-testid="close-compare">
          Close
        </button>
      </div>
      <div className="table-scroll">
        <table className="compare-table">
          <thead>
            <tr>
              <th scope="col">Item</th>
              {sessions.map((s) => (
                <th key={s.row.sessionId} scope="col">
                  <div>{s.row.candidateName}</div>
                  <div className="small muted">{s.row.scenarioTitle}</div>
                  <div className="small muted">{formatDate(s.row.createdAt)}</div>
                  <button type="button" className="link-button small" onClick={() => onReview(s.row.sessionId)}>
                    Review
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="tally-row">
              <th scope="row">Result per checklist</th>
              {sessions.map((s) => (
                <td key={s.row.sessionId} data-testid="compare-scores">
                  {s.analysed
                    ? s.checklists.map((c) => (
                        <div key={c.checklist} className="small">
                          {c.checklist}: {scoreText(c)}
                          {openCountsText(c) ? ` · ${openCountsText(c)}` : ''}
                          {c.overridden > 0 ? ` · ${c.overridden} overridden` : ''}
                        </div>
                      ))
                    : <span className="muted small">not checked</span>}
                </td>
              ))}
            </tr>
            {items.map((item) => (
              <tr key={item.key} data-testid="compare-item" data-key={item.key}>
                <th scope="row">
                  {item.title}
                  <div className="small muted">
                    {item.checklist}
                    {item.kind === 'coach-only' ? ' · coach only' : ''}
                  </div>
                </th>
                {item.cells.map((cell) => (
                  <td key={cell.sessionId} className="compare-cell">
                    <CellView cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            <tr className="verdict-row">
              <th scope="row">Verdicts</th>
              {sessions.map((s) => (
                <td key={s.row.sessionId} data-testid="compare-verdicts">
                  {s.row.verdicts.length === 0
                    ? <span className="muted small">none yet</span>
                    : s.row.verdicts.map((v) => (
                        <div key={v.coach.id}>
                          <span className={`verdict-chip verdict-${v.verdict}`}>{VERDICT_LABEL[v.verdict]}</span> <span className="small">{v.coach.name}</span>
                        </div>
                      ))}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
