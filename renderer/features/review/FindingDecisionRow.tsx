import type { Evidence, Finding } from '../../../core/analysis/findings.js';
import type { ItemResult } from '../../../core/result/session-result.js';
import type { FindingDecision } from '../../../core/review/schema.js';
import { clockText, SOURCE_LABEL, STATUS_LABEL } from '../findings/labels.js';
import { isOverride, needsReason, type CoachCall } from './review-content.js';

export interface FindingDecisionRowProps {
  readonly finding: Finding;
  /** The session's result for this item (every coach's calls over the check's). */
  readonly result?: ItemResult | undefined;
  readonly decision: FindingDecision | undefined;
  readonly sampleRate: number;
  readonly onJump: (evidence: Evidence) => void;
  readonly selectedEvidence: Evidence | null;
  readonly onDecide: (status: CoachCall, reason: string) => void;
  readonly onClear: () => void;
  /** Saves at once (the reason box lost focus). */
  readonly onBlur: () => void;
}

const MAX_EVIDENCE = 4;

/** One automatic finding: what the check said (always shown) and the coach's call with its reason. */
export function FindingDecisionRow({ finding, result, decision, sampleRate, onJump, selectedEvidence, onDecide, onClear, onBlur }: FindingDecisionRowProps) {
  const id = `decision-${finding.checklist}-${finding.item}`;
  const override = decision !== undefined && isOverride(decision);
  const callLabel = (status: CoachCall) => `${STATUS_LABEL[status]}${status === finding.status ? ' (confirm)' : ' (override)'}`;
  return (
    <li
      className={`review-finding status-${finding.status}`}
      data-testid="review-finding"
      data-item={finding.item}
      data-checklist={finding.checklist}
      data-decision={decision?.status ?? ''}
      data-final={result?.final ?? ''}
    >
      <div className="review-finding-head">
        <b id={`${id}-title`}>{finding.title}</b>
        <span className={`auto-status status-${finding.status}`} data-testid="automatic-status">
          Check: {STATUS_LABEL[finding.status]}
        </span>
        {result && result.source !== 'automatic' && (
          <span className={`final-result status-${result.final}`} data-testid="final-result" data-status={result.final} title={result.reason || undefined}>
            Result: {STATUS_LABEL[result.final]} ({SOURCE_LABEL[result.source]})
          </span>
        )}
      </div>
      <div className="finding-summary-inline muted small">{finding.summary}</div>
      {finding.evidence.length > 0 && (
        <div className="review-evidence">
          {finding.evidence.slice(0, MAX_EVIDENCE).map((e, i) => (
            <button key={i} type="button" className={e === selectedEvidence ? 'seek current' : 'seek'} aria-pressed={e === selectedEvidence} data-testid="jump-to-evidence" onClick={() => onJump(e)} title="Play this moment">
              {clockText(e.startFrame, sampleRate)}
              {/* What was said (the trainee's words, or the customer's line a bad outcome rests on), then why. */}
              {e.quote && <> <q>{e.quote}</q></>}
              {e.note ? ` ${e.note}` : ''}
            </button>
          ))}
        </div>
      )}
      <fieldset className="coach-call">
        <legend className="small">Your call</legend>
        {(['pass', 'fail'] as const).map((status) => (
          <label key={status} className="radio">
            <input
              type="radio"
              name={id}
              value={status}
              checked={decision?.status === status}
              onChange={() => onDecide(status, decision?.reason ?? '')}
              data-testid={`call-${status}`}
            />
            {callLabel(status)}
          </label>
        ))}
        {decision && (
          <button type="button" className="link-button small" onClick={onClear} data-testid="clear-call">
            Clear
          </button>
        )}
      </fieldset>
      {decision && (override || decision.reason.length > 0) && (
        <label className="field reason">
          <span>{override ? 'Why you override the check (required)' : 'Note (optional)'}</span>
          <textarea
            rows={2}
            value={decision.reason}
            required={override}
            aria-invalid={needsReason(decision)}
            onChange={(e) => onDecide(decision.status, e.target.value)}
            onBlur={onBlur}
            data-testid="override-reason"
          />
          {needsReason(decision) && <span className="reason-needed small">Give a reason to save this override.</span>}
        </label>
      )}
    </li>
  );
}
