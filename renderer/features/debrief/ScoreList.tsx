import type { DebriefScore } from '../../../core/debrief/debrief.js';
import { percentText, scoreDetailText } from './debrief-text.js';

/** One score per checklist (from the session's result), as a row of cards. */
export function ScoreList({ scores }: { readonly scores: readonly DebriefScore[] }) {
  return (
    <section className="debrief-part" aria-labelledby="debrief-scores-title">
      <h4 id="debrief-scores-title">Your scores</h4>
      <ul className="debrief-scores">
        {scores.map((s) => (
          <li key={s.checklist} className="debrief-score" data-testid="debrief-score" data-checklist={s.checklist} data-score={s.score ?? ''}>
            <span className="debrief-score-title">{s.title}</span>
            <span className="debrief-score-value">{percentText(s.score)}</span>
            <span className="debrief-score-detail">{scoreDetailText(s)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
