import type { SessionAnalysis } from '../../../core/analysis/analyze.js';
import type { Evidence, Finding } from '../../../core/analysis/findings.js';
import type { AnalysisStatus } from '../../../core/analysis/progress.js';
import type { ChecklistResult, ItemResult } from '../../../core/result/session-result.js';
import { findingKey } from '../../../core/review/schema.js';
import { clockText, measuredText, openCountsText, scoreText, SOURCE_LABEL, STAGE_LABEL, STATUS_LABEL } from './labels.js';
import { useSessionResult } from './use-session-result.js';
import './findings.css';

export interface FindingsPanelProps {
  readonly analysis: SessionAnalysis | null;
  readonly progress: AnalysisStatus | null;
  readonly error: string | null;
  /** Plays the recording from this frame (the evidence clicked, for a player that highlights it). */
  readonly onSeek: (frame: number, evidence?: Evidence) => void;
  /** The evidence the replay is showing, marked in the list. */
  readonly selectedEvidence?: Evidence | null;
  readonly onRun: () => void;
}

const MAX_EVIDENCE = 6;

/** Decided and open items first; not-applicable ones last, as they count for nothing. */
function shownOrder(items: readonly ItemResult[]): ItemResult[] {
  return [...items.filter((i) => i.final !== 'not-applicable'), ...items.filter((i) => i.final === 'not-applicable')];
}

/** Per checklist: its score, then per item its result, why, and the evidence to listen to. */
export function FindingsPanel({ analysis, progress, error, onSeek, onRun, selectedEvidence = null }: FindingsPanelProps) {
  const result = useSessionResult(analysis?.findings);
  const byKey = new Map((analysis?.findings ?? []).map((f) => [findingKey(f), f]));
  const checklistResult = (id: string): ChecklistResult | undefined => result?.checklists.find((c) => c.checklist === id);
  return (
    <section className="findings" data-testid="findings-panel" aria-labelledby="findings-title" data-state={progress ? 'running' : analysis ? 'done' : 'none'}>
      <h3 id="findings-title">Checks</h3>
      {progress && (
        <p role="status" data-testid="findings-progress">
          {STAGE_LABEL[progress.stage ?? ''] ?? 'Waiting to start'}… {Math.round(progress.fraction * 100)}%
          <progress max={1} value={progress.fraction} />
        </p>
      )}
      {error && <p role="alert" className="banner error" data-testid="findings-error">{error}</p>}
      {!analysis && !progress && (
        <button type="button" onClick={onRun} data-testid="run-checks">
          Run the checks
        </button>
      )}
      {analysis && (
        <>
          <p className="muted small" data-testid="transcriber-engine">
            Speech recognition: {analysis.transcriber.engine === 'none' ? 'none available' : analysis.transcriber.engine}
            {analysis.transcriber.note ? ` (${analysis.transcriber.note})` : ''}
          </p>
          {analysis.checklists.map((id) => {
            const c = checklistResult(id);
            return (
              <div key={id} className="checklist" data-testid="checklist" data-checklist={id}>
                <h4>
                  {id.charAt(0).toUpperCase() + id.slice(1)}
                  {c && (
                    <span className="checklist-score" data-testid="checklist-score" data-score={c.score ?? ''}>
                      {scoreText(c)}
                    </span>
                  )}
                  {c && openCountsText(c) && <span className="checklist-open">{openCountsText(c)}</span>}
                </h4>
                <ul>
                  {shownOrder(c?.items ?? []).map((item) => {
                    const f = byKey.get(item.key);
                    return f ? <FindingRow key={item.item} finding={f} result={item} sampleRate={analysis.sampleRate} onSeek={onSeek} selected={selectedEvidence} /> : null;
                  })}
                </ul>
              </div>
            );
          })}
          {!progress && (
            <button type="button" onClick={onRun} data-testid="rerun-checks">
              Run the checks again
            </button>
          )}
        </>
      )}
    </section>
  );
}

interface FindingRowProps {
  readonly finding: Finding;
  readonly result: ItemResult;
  readonly sampleRate: number;
  readonly onSeek: (frame: number, evidence?: Evidence) => void;
  readonly selected: Evidence | null;
}

function FindingRow({ finding, result, sampleRate, onSeek, selected }: FindingRowProps) {
  const evidence = finding.evidence.slice(0, MAX_EVIDENCE);
  const status = result.final;
  return (
    <li className={`finding status-${status}`} data-testid="finding" data-item={finding.item} data-status={status} data-source={result.source}>
      <span className={`finding-status status-${status}`}>{STATUS_LABEL[status]}</span> <b>{finding.title}</b>
      {finding.kind === 'coach-only' && <span className="chip">coach only</span>}
      {result.source !== 'automatic' && (
        <span className="muted small">
          {' '}
          ({SOURCE_LABEL[result.source]}; check: {result.automatic ? STATUS_LABEL[result.automatic] : 'none'})
        </span>
      )}
      <div className="finding-summary">{finding.summary}</div>
      {evidence.length > 0 && (
        <ul className="evidence">
          {evidence.map((e, i) => {
            const measured = measuredText(e);
            return (
              <li key={i} data-testid="evidence" className={e === selected ? 'selected' : undefined} aria-current={e === selected ? 'true' : undefined}>
                <button type="button" className="seek" title="Play from here" data-testid="evidence-time" onClick={() => onSeek(e.startFrame, e)}>
                  {clockText(e.startFrame, sampleRate)}
                </button>{' '}
                {e.quote && <q>{e.quote}</q>} {measured && <span className="measured">{measured}</span>} {e.note && <span className="muted">{e.note}</span>}
              </li>
            );
          })}
          {finding.evidence.length > MAX_EVIDENCE && <li className="muted">and {finding.evidence.length - MAX_EVIDENCE} more</li>}
        </ul>
      )}
    </li>
  );
}
