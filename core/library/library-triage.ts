import { coachIdOf } from '../review/schema.js';
import type { Counts, SessionResult } from '../result/session-result.js';

/**
 * What the coach's triage reads of a session's result (core/result/session-result.ts): the
 * session's outcome in one word, what still waits for a coach, and who has reviewed it.
 * Pure; the library computes these once per row when it indexes it.
 */

/**
 * fail: an item's final status is a fail; needs-review: no fail, but an item is still open;
 * pass: every item is passed or not applicable; not-reviewed: nothing to go on yet (the checks
 * have not run and no coach has called an item).
 */
export const SESSION_OUTCOMES = ['pass', 'fail', 'needs-review', 'not-reviewed'] as const;
export type SessionOutcome = (typeof SESSION_OUTCOMES)[number];

export const REVIEWED_BY = ['me', 'others', 'nobody'] as const;
export type ReviewedBy = (typeof REVIEWED_BY)[number];

export function outcomeOf(totals: Pick<Counts, 'passed' | 'failed' | 'needsReview'>): SessionOutcome {
  if (totals.failed > 0) return 'fail';
  if (totals.needsReview > 0) return 'needs-review';
  return totals.passed > 0 ? 'pass' : 'not-reviewed';
}

/** Items the check failed that no coach has called yet: a fail nobody has looked at. */
export function undecidedFailsOf(result: SessionResult): number {
  return result.checklists.reduce((n, c) => n + c.items.filter((i) => i.source === 'automatic' && i.final === 'fail').length, 0);
}

/** How much a session waits for a coach: its open items plus its unconfirmed fails (more first). */
export function attentionOf(result: { readonly totals: Pick<Counts, 'needsReview'>; readonly undecidedFails: number }): number {
  return result.totals.needsReview + result.undecidedFails;
}

/** Whether `coachName` has a review of the session (any state), only others have, or nobody. */
export function reviewedByOf(reviewers: readonly { readonly id: string }[], coachName: string | undefined): ReviewedBy {
  if (reviewers.length === 0) return 'nobody';
  const me = coachName === undefined ? null : coachIdOf(coachName);
  return reviewers.some((r) => r.id === me) ? 'me' : 'others';
}
