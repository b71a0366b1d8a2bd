import type { SessionAnalysis } from '../../../core/analysis/analyze.js';
import type { Evidence, Finding } from '../../../core/analysis/findings.js';
import type { AnalysisStatus } from '../../../core/analysis/progress.js';
import { clockText, measuredText, STAGE_LABEL, STATUS_LABEL } from './labels.js';

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

/** Per checklist item: status, why, and the evidence to listen to. Props only. */
export function FindingsPanel({ analysis, progress, error, onSeek, onRun, selectedEvidence = null }: FindingsPanelProps) {
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
          {analysis.checklists.map((id) => (
            <div key={id} className="checklist" data-testid="checklist" data-checklist={id}>
              <h4>{id.charAt(0).toUpperCase() + id.slice(1)}</h4>
              <ul>
                {analysis.findings.filter((f) => f.checklist === id).map((f) => (
                  <FindingRow key={f.item} finding={f} sampleRate={analysis.sampleRate} onSeek={onSeek} selected={selectedEvidence} />
                ))}
              </ul>
            </div>
          ))}
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

function FindingRow({ finding, sampleRate, onSeek, selected }: { finding: Finding; sampleRate: number; onSeek: (frame: number, evidence?: Evidence) => void; selected: Evidence | null }) {
  const evidence = finding.evidence.slice(0, MAX_EVIDENCE);
  return (
    <li className={`finding status-${finding.status}`} data-testid="finding" data-item={finding.item} data-status={finding.status}>
      <span className={`finding-status status-${finding.status}`}>{STATUS_LABEL[finding.status]}</span> <b>{finding.title}</b>
      {finding.kind === 'coach-only' && <span className="chip">coach only</span>}
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
