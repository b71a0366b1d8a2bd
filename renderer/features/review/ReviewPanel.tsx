import { useMemo, type KeyboardEvent } from 'react';
import type { Evidence, Finding } from '../../../core/analysis/findings.js';
import type { ResultReview, VerdictResult } from '../../../core/result/session-result.js';
import { coachIdOf, findingKey, type CoachScore, type Review, type ReviewContent, type Verdict } from '../../../core/review/schema.js';
import { openCountsText, scoreText } from '../findings/labels.js';
import { useSessionResult } from '../findings/use-session-result.js';
import '../findings/findings.css';
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

/** "Advance (both coaches agree)" or "Split: Ana Advance, Bo Hold" or "no verdict yet". */
function sessionVerdictText(v: VerdictResult): string {
  if (v.state === 'none') return 'no verdict yet';
  if (v.state === 'split') return `split: ${v.byCoach.map((c) => `${c.coach.name} ${VERDICT_LABEL[c.verdict]}`).join(', ')}`;
  return `${v.final ? VERDICT_LABEL[v.final] : ''} (${v.byCoach.length === 1 ? 'one coach' : 'the coaches agree'})`;
}

/** The coach's side of one session: per checklist its result, decisions and scores, then summary and verdict. Props only. */
export function ReviewPanel(p: ReviewPanelProps) {
  const checklists = [...new Set(p.findings.map((f) => f.checklist))];
  // The session's result with this coach's edits as they stand, and the other coaches' reviews.
  const reviews = useMemo<ResultReview[]>(
    () => [{ coach: { id: coachIdOf(p.coachName), name: p.coachName }, decisions: p.content.decisions, scores: p.content.scores, verdict: p.content.verdict }, ...p.others],
    [p.coachName, p.content.decisions, p.content.scores, p.content.verdict, p.others],
  );
  const result = useSessionResult(p.findings, reviews);
  const items = new Map((result?.checklists ?? []).flatMap((c) => c.items.map((i) => [i.key, i] as const)));
  const row = (f: Finding) =>
    f.kind === 'coach-only' ? (
      <CoachScoreRow key={f.item} finding={f} score={p.content.scores[findingKey(f)]} onScore={(s) => p.onScore(f, s)} onBlur={p.onBlur} />
    ) : (
      <FindingDecisionRow
        key={f.item}
        finding={f}
        result={items.get(findingKey(f))}
        decision={p.content.decisions[findingKey(f)]}
        sampleRate={p.sampleRate}
        onJump={p.onJump}
        selectedEvidence={p.selectedEvidence}
        onDecide={(status, reason) => p.onDecide(f, status, reason)}
        onClear={() => p.onClearDecision(f)}
        onBlur={p.onBlur}
      />
    );
  // Not-applicable items have nothing to decide: folded away unless a coach called them.
  const folded = (f: Finding) => items.get(findingKey(f))?.final === 'not-applicable';
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
      {checklists.map((checklist) => {
        const c = result?.checklists.find((x) => x.checklist === checklist);
        const findings = p.findings.filter((f) => f.checklist === checklist);
        const notApplicable = findings.filter(folded);
        return (
          <section key={checklist} className="review-checklist" aria-label={`${checklist} checklist`} data-testid="review-checklist" data-checklist={checklist}>
            <h4>
              {checklist.charAt(0).toUpperCase() + checklist.slice(1)}
              {c && (
                <span className="checklist-score" data-testid="checklist-score" data-score={c.score ?? ''}>
                  {scoreText(c)}
                </span>
              )}
              {c && openCountsText(c) && <span className="checklist-open">{openCountsText(c)}</span>}
            </h4>
            <ul>{findings.filter((f) => !folded(f)).map(row)}</ul>
            {notApplicable.length > 0 && (
              <details className="not-applicable-items" data-testid="not-applicable-items">
                <summary>
                  {notApplicable.length} {notApplicable.length === 1 ? 'item' : 'items'} not applicable
                </summary>
                <ul>{notApplicable.map(row)}</ul>
              </details>
            )}
          </section>
        );
      })}
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
          {result && (
            <p className="session-verdict" data-testid="session-verdict" data-state={result.verdict.state}>
              Session verdict: {sessionVerdictText(result.verdict)}
            </p>
          )}
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
