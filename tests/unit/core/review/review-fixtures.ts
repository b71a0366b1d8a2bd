import type { CalibrationFinding } from '../../../../core/review/calibration.js';
import { coachIdOf, ReviewSchema, type Review, type Verdict } from '../../../../core/review/schema.js';

/** Reviews and findings for the calibration and compare tests (every review passes ReviewSchema). */

export const AT = '2026-11-23T10:00:00.000Z';

/** "s01".."s10"-style session ids that pass SessionIdSchema. */
export function sessionId(n: number): string {
  return `20261123-100000-s${String(n).padStart(5, '0')}`;
}

export interface ReviewSpec {
  readonly decisions?: Record<string, 'pass' | 'fail'>;
  readonly scores?: Record<string, number>;
  readonly verdict?: Verdict | null;
}

export function review(coachName: string, session: string, spec: ReviewSpec, automatic: Record<string, 'pass' | 'fail' | 'needs-review' | 'not-applicable'> = {}): Review {
  const decisions = Object.fromEntries(
    Object.entries(spec.decisions ?? {}).map(([key, status]) => {
      const auto = automatic[key] ?? 'needs-review';
      return [key, { automaticStatus: auto, status, reason: status === auto ? '' : `${coachName} disagrees`, decidedAt: AT }];
    }),
  );
  const scores = Object.fromEntries(Object.entries(spec.scores ?? {}).map(([key, score]) => [key, { score, note: '' }]));
  return ReviewSchema.parse({
    formatVersion: 1,
    sessionId: session,
    coach: { id: coachIdOf(coachName), name: coachName },
    startedAt: AT,
    updatedAt: AT,
    decisions,
    scores,
    annotations: [],
    summary: '',
    verdict: spec.verdict === undefined ? 'advance' : spec.verdict,
  });
}

export function finding(key: string, status: 'pass' | 'fail' | 'needs-review' | 'not-applicable', kind: 'auto' | 'coach-only' = 'auto'): CalibrationFinding {
  const [checklist = '', item = ''] = key.split('/');
  return { checklist, item, title: `Title of ${item}`, kind, status };
}
