import type { Evidence, FindingStatus } from '../../../core/analysis/findings.js';

export const STATUS_LABEL: Record<FindingStatus, string> = { pass: 'Pass', fail: 'Fail', 'needs-review': 'Needs review' };

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
