import type { Evidence, FindingStatus } from '../../../core/analysis/findings.js';
import type { Counts, ResultSource } from '../../../core/result/session-result.js';

export const STATUS_LABEL: Record<FindingStatus, string> = { pass: 'Pass', fail: 'Fail', 'needs-review': 'Needs review', 'not-applicable': 'Not applicable' };

/** How an item's final result came about, as a short note beside it. */
export const SOURCE_LABEL: Record<ResultSource, string> = {
  automatic: 'automatic',
  confirmed: 'confirmed by a coach',
  overridden: 'overridden by a coach',
  decided: 'decided by a coach',
  'coaches-differ': 'coaches differ',
};

/** "67% · 2 of 3 passed" (not-applicable and needs-review are not in the score), or "no score yet". */
export function scoreText(c: Pick<Counts, 'passed' | 'failed' | 'score'>): string {
  if (c.score === null) return 'no score yet';
  return `${Math.round(c.score * 100)}% · ${c.passed} of ${c.passed + c.failed} passed`;
}

/** "1 needs review · 2 not applicable", or '' when neither. */
export function openCountsText(c: Pick<Counts, 'needsReview' | 'notApplicable'>): string {
  const parts: string[] = [];
  if (c.needsReview > 0) parts.push(`${c.needsReview} needs review`);
  if (c.notApplicable > 0) parts.push(`${c.notApplicable} not applicable`);
  return parts.join(' · ');
}

export const STAGE_LABEL: Record<string, string> = {
  reading: 'Reading the recording',
  transcribing: 'Transcribing the answers',
  analysing: 'Checking the answers',
  done: 'Done',
};

/** "4.6 s (limit 3 s)" for a measured value. */
export function measuredText(e: Evidence): string | null {
  if (e.measured === undefined) return null;
  const unit = e.unit === 'ratio' ? '' : ` ${e.unit ?? ''}`;
  const limit = e.threshold === undefined ? '' : ` (limit ${e.threshold}${unit})`;
  return `${e.measured}${unit}${limit}`.trim();
}

/** m:ss.s, precise enough to find a word. */
export function clockText(frame: number, sampleRate: number): string {
  const seconds = frame / sampleRate;
  const m = Math.floor(seconds / 60);
  return `${m}:${(seconds - m * 60).toFixed(1).padStart(4, '0')}`;
}
