import type { KeyboardEvent } from 'react';
import type { Evidence, Finding } from '../../../core/analysis/findings.js';
import { findingKey, type CoachScore, type Review, type ReviewContent, type Verdict } from '../../../core/review/schema.js';
import { CoachScoreRow } from './CoachScoreRow.js';
import { FindingDecisionRow } from './FindingDecisionRow.js';
import { missingReasons, type CoachCall } from './review-content.js';
import type { SaveState } from './review-saver.js';
import { SaveStatus } from './SaveStatus.js';
import { VERDICT_LABEL, VerdictPicker } from './VerdictPicker.js';

export interface ReviewPanelProps {
  readonly coachName: string;
  readonly findings: readonly Finding[];
  readonly sampleRate: number;
  readonly content: ReviewContent;
  readonly others: readonly Review[];
  readonly saveState: SaveState;
  /** Plays the evidence and highlights it on the waveform. */
  readonly onJump: (evidence: Evidence) => void;
  readonly selectedEvidence: Evidence | null;
  readonly onDecide: (finding: Finding, status: CoachCall, reason: string) => void;
  readonly onClearDecision: (finding: Finding) => void;
  readonly onScore: (finding: Finding, score: CoachScore) => void;
  readonly onSummary: (text: string) => void;
  readonly onVerdict: (v: Verdict | null) => void;
  readonly onChangeCoach: () => void;
  /** Saves now. */
  readonly onBlur: () => void;
}

/**
 * The replay's keys (space, arrows, letters) listen on the document. Inside the review form the
 * focused control keeps its own keys: arrows and space choose a radio, space presses a button.
 * (React handles events at its root, so stopping them here keeps them from the document.)
 */
function keepControlKeys(e: KeyboardEvent): void {
  const t = e.target;
  const choosing = t instanceof HTMLInputElement && (t.type === 'radio' || t.type === 'checkbox') && (e.key === ' ' || e.key.startsWith('Arrow'));
  const pressing = t instanceof HTMLButtonElement && (e.key === ' ' || e.key === 'Enter');
  if (choosing || pressing) e.stopPropagation();
}

/** The coach's side of one session: decisions, scores, summary and verdict. Props only. */
export function ReviewPanel(p: ReviewPanelProps) {
  const checklists = [...new Set(p.findings.map((f) => f.checklist))];
  return (
    <section className="review-panel" aria-labelledby="review-title" data-testid="review-panel" onKeyDown={keepControlKeys}>
      <div className="review-panel-head">
        <h3 id="review-title">Your review</h3>
        <SaveStatus state={p.saveState} missingReasons={missingReasons(p.content).length} />
      </div>
      <p className="small muted">
        Reviewing as <b data-testid="coach-name">{p.coachName}</b>{' '}
        <button type="button" className="link-button small" onClick={p.onChangeCoach}>
          Not you?
        </button>
      </p>
      {checklists.map((checklist) => (
        <section key={checklist} className="review-checklist" aria-label={`${checklist} checklist`}>
          <h4>{checklist.charAt(0).toUpperCase() + checklist.slice(1)}</h4>
          <ul>
            {p.findings
              .filter((f) => f.checklist === checklist)
              .map((f) =>
                f.kind === 'coach-only' ? (
                  <CoachScoreRow key={f.item} finding={f} score={p.content.scores[findingKey(f)]} onScore={(s) => p.onScore(f, s)} onBlur={p.onBlur} />
                ) : (
                  <FindingDecisionRow
                    key={f.item}
                    finding={f}
                    decision={p.content.decisions[findingKey(f)]}
                    sampleRate={p.sampleRate}
                    onJump={p.onJump}
                    selectedEvidence={p.selectedEvidence}
                    onDecide={(status, reason) => p.onDecide(f, status, reason)}
                    onClear={() => p.onClearDecision(f)}
                    onBlur={p.onBlur}
                  />
                ),
              )}
          </ul>
        </section>
      ))}
      <p className="small muted" data-testid="annotation-count">
        {p.content.annotations.length === 0
          ? 'No marks yet: press M or “Mark moment” on the replay, or drag across the waveform.'
          : `${p.content.annotations.length} ${p.content.annotations.length === 1 ? 'mark' : 'marks'} on the recording (listed under the replay).`}
      </p>
      <label className="field">
        <span>Summary</span>
        <textarea rows={4} value={p.content.summary} maxLength={20_000} onChange={(e) => p.onSummary(e.target.value)} onBlur={p.onBlur} data-testid="review-summary" />
      </label>
      <VerdictPicker verdict={p.content.verdict} onChange={p.onVerdict} />
      {p.others.length > 0 && (
        <section className="other-reviews" aria-labelledby="others-title">
          <h4 id="others-title">Other coaches</h4>
          <ul>
            {p.others.map((r) => (
              <li key={r.coach.id} data-testid="other-review">
                <b>{r.coach.name}</b>: {r.verdict ? VERDICT_LABEL[r.verdict] : 'no verdict yet'}
                {r.summary && <span className="muted"> — {r.summary.length > 140 ? `${r.summary.slice(0, 140)}…` : r.summary}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
