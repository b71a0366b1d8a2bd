import type { DebriefNote } from '../../../core/debrief/debrief.js';
import { COACH_CHECKS_TEXT, coachListensForText } from './debrief-text.js';

export interface CoachNotesProps {
  /** Items only a person can judge. */
  readonly listensFor: readonly DebriefNote[];
  /** Items the checks could not decide. */
  readonly checks: readonly DebriefNote[];
}

/** What is left to the coach, said to the trainee: never the instructions meant for the coach. */
export function CoachNotes({ listensFor, checks }: CoachNotesProps) {
  if (listensFor.length === 0 && checks.length === 0) return null;
  return (
    <section className="debrief-part" aria-labelledby="debrief-coach-title" data-testid="debrief-coach">
      <h4 id="debrief-coach-title">Left for your coach</h4>
      <ul className="debrief-coach">
        {listensFor.map((i) => (
          <li key={i.key} data-item={i.key}>
            {coachListensForText(i.title)}.
          </li>
        ))}
        {checks.map((i) => (
          <li key={i.key} data-item={i.key}>
            {i.title}. <span className="muted">{COACH_CHECKS_TEXT}.</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
