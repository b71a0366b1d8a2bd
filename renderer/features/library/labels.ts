import type { SessionOutcome } from '../../../core/library/library-triage.js';
import type { ReviewState } from '../../../core/review/schema.js';

export const OUTCOME_LABEL: Record<SessionOutcome, string> = { pass: 'Pass', fail: 'Fail', 'needs-review': 'Needs review', 'not-reviewed': 'Not reviewed' };

export function reviewStateText(state: ReviewState): string {
  if (state.kind === 'unreviewed') return 'Unreviewed';
  if (state.kind === 'in-review') return state.coaches === 1 ? 'In review' : `In review (${state.coaches} coaches)`;
  return state.coaches === 1 ? 'Reviewed by 1 coach' : `Reviewed by ${state.coaches} coaches`;
}
