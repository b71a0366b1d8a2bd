import { useMemo } from 'react';
import { sessionResult, type ResultFinding, type ResultReview, type SessionResult } from '../../../core/result/session-result.js';

const NO_REVIEWS: readonly ResultReview[] = [];

/**
 * The session's result (core/result/session-result.ts) from what a screen already holds: the
 * analysis's findings and whatever reviews it has loaded (none on the trainee's screens).
 */
export function useSessionResult(findings: readonly ResultFinding[] | null | undefined, reviews: readonly ResultReview[] = NO_REVIEWS): SessionResult | null {
  return useMemo(() => (findings ? sessionResult(findings, reviews) : null), [findings, reviews]);
}
