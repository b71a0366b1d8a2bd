import type { Finding } from '../../../core/analysis/findings.js';
import type { CoachScore } from '../../../core/review/schema.js';

export interface CoachScoreRowProps {
  readonly finding: Finding;
  readonly score: CoachScore | undefined;
  readonly onScore: (score: CoachScore) => void;
  readonly onBlur: () => void;
}

const SCALE = [1, 2, 3, 4, 5] as const;
const SCALE_WORDS: Record<number, string> = { 1: 'poor', 3: 'fair', 5: 'excellent' };

/** A coach-only item (warmth, tone, empathy): a score from 1 to 5 and a note. */
export function CoachScoreRow({ finding, score, onScore, onBlur }: CoachScoreRowProps) {
  const name = `score-${finding.checklist}-${finding.item}`;
  return (
    <li className="review-finding coach-only" data-testid="review-score" data-item={finding.item} data-score={score?.score ?? ''}>
      <fieldset className="score-scale">
        <legend>
          <b>{finding.title}</b> <span className="chip">coach only</span>
        </legend>
        {SCALE.map((n) => (
          <label key={n} className="radio score-choice" title={SCALE_WORDS[n]}>
            <input type="radio" name={name} value={n} checked={score?.score === n} onChange={() => onScore({ score: n, note: score?.note ?? '' })} data-testid={`score-${n}`} />
            {n}
            {SCALE_WORDS[n] ? <span className="muted small"> {SCALE_WORDS[n]}</span> : null}
          </label>
        ))}
      </fieldset>
      {score && (
        <label className="field">
          <span className="small">Note on {finding.title.toLowerCase()}</span>
          <input type="text" value={score.note} maxLength={2000} onChange={(e) => onScore({ ...score, note: e.target.value })} onBlur={onBlur} />
        </label>
      )}
    </li>
  );
}
