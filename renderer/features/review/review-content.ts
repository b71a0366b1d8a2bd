import type { Finding } from '../../../core/analysis/findings.js';
import type { Annotation, CoachScore, FindingDecision, ReviewContent, Verdict } from '../../../core/review/schema.js';
import { findingKey } from '../../../core/review/schema.js';

/**
 * Pure edits of a review as the coach makes them. The UI may hold an override without its
 * reason yet (the coach is about to type it); `savableContent` leaves such a decision out,
 * because the review file only accepts an override with a reason.
 */

export type CoachCall = 'pass' | 'fail';

export function decide(content: ReviewContent, finding: Finding, status: CoachCall, reason: string, now: string): ReviewContent {
  const decision: FindingDecision = { automaticStatus: finding.status, status, reason, decidedAt: now };
  return { ...content, decisions: { ...content.decisions, [findingKey(finding)]: decision } };
}

export function undecide(content: ReviewContent, finding: Finding): ReviewContent {
  const { [findingKey(finding)]: _dropped, ...decisions } = content.decisions;
  return { ...content, decisions };
}

export function isOverride(d: Pick<FindingDecision, 'status' | 'automaticStatus'>): boolean {
  return d.status !== d.automaticStatus;
}

/** An override needs a reason; a confirmation does not. */
export function needsReason(d: FindingDecision): boolean {
  return isOverride(d) && d.reason.trim().length === 0;
}

export function score(content: ReviewContent, finding: Finding, value: CoachScore): ReviewContent {
  return { ...content, scores: { ...content.scores, [findingKey(finding)]: value } };
}

export function withVerdict(content: ReviewContent, verdict: Verdict | null): ReviewContent {
  return { ...content, verdict };
}

export function withSummary(content: ReviewContent, summary: string): ReviewContent {
  return { ...content, summary };
}

export function addAnnotation(content: ReviewContent, a: Annotation): ReviewContent {
  const annotations = [...content.annotations.filter((x) => x.id !== a.id), a].sort((x, y) => x.startFrame - y.startFrame);
  return { ...content, annotations };
}

export function changeAnnotation(content: ReviewContent, a: Annotation): ReviewContent {
  return addAnnotation(content, a);
}

export function removeAnnotation(content: ReviewContent, id: string): ReviewContent {
  return { ...content, annotations: content.annotations.filter((a) => a.id !== id) };
}

/** What can be written now: every decision that is complete, notes trimmed as the file stores them. */
export function savableContent(content: ReviewContent): ReviewContent {
  const decisions = Object.fromEntries(
    Object.entries(content.decisions)
      .filter(([, d]) => !needsReason(d))
      .map(([k, d]) => [k, { ...d, reason: d.reason.trim() }]),
  );
  return { ...content, decisions };
}

/** Keys of overrides still waiting for their reason. */
export function missingReasons(content: ReviewContent): string[] {
  return Object.entries(content.decisions).flatMap(([k, d]) => (needsReason(d) ? [k] : []));
}
