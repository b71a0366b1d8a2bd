import type { FindingStatus } from '../analysis/findings.js';
import { findingKey, type FindingDecision, type ReviewContent } from './schema.js';

/**
 * "Confirm the remaining automatic results": one action that records, for every automatic item
 * the coach has not decided yet, a coach decision equal to the check's result. Each is still a
 * decision of its own (kept in the review file with the automatic status it confirms).
 *
 * Only pass and fail can be confirmed: a coach's call is pass or fail, so needs-review items
 * (the check could not tell) and not-applicable ones are left for the coach; coach-only items
 * are scored, not decided.
 */

export interface ConfirmableFinding {
  readonly checklist: string;
  readonly item: string;
  readonly kind: 'auto' | 'coach-only';
  readonly status: FindingStatus;
}

/** The automatic items a "confirm the remaining" would decide now. */
export function remainingToConfirm<F extends ConfirmableFinding>(content: Pick<ReviewContent, 'decisions'>, findings: readonly F[]): F[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = findingKey(f);
    if (seen.has(key) || f.kind !== 'auto' || content.decisions[key] !== undefined) return false;
    seen.add(key);
    return f.status === 'pass' || f.status === 'fail';
  });
}

/** The review with every remaining automatic pass or fail confirmed at `now` (the rest unchanged). */
export function confirmRemaining(content: ReviewContent, findings: readonly ConfirmableFinding[], now: string): ReviewContent {
  const added: Record<string, FindingDecision> = {};
  for (const f of remainingToConfirm(content, findings)) {
    if (f.status !== 'pass' && f.status !== 'fail') continue;
    added[findingKey(f)] = { automaticStatus: f.status, status: f.status, reason: '', decidedAt: now };
  }
  return Object.keys(added).length === 0 ? content : { ...content, decisions: { ...content.decisions, ...added } };
}

/** The keys `confirmRemaining` added going from `before` to `after` (what one Undo takes back). */
export function confirmedKeys(before: Pick<ReviewContent, 'decisions'>, after: Pick<ReviewContent, 'decisions'>): string[] {
  return Object.keys(after.decisions).filter((k) => before.decisions[k] === undefined);
}

/**
 * Undoes one "confirm the remaining": drops the decisions it added, unless the coach changed
 * one since (a later call of the coach's own is kept). Everything else stays as it is now.
 */
export function undoConfirm(content: ReviewContent, added: Readonly<Record<string, FindingDecision>>): ReviewContent {
  const decisions = Object.fromEntries(Object.entries(content.decisions).filter(([k, d]) => added[k] !== d));
  return { ...content, decisions };
}
