import { findingKey } from '../../../core/review/schema.js';
import type { SessionReportData } from './report-data.js';

/** One checklist item across a candidate's sessions: automatic results, coaches' calls, mean score. */
export interface ItemAcrossSessions {
  readonly key: string;
  readonly title: string;
  readonly sessions: number;
  readonly pass: number;
  readonly fail: number;
  readonly needsReview: number;
  /** Coaches' decisions (confirmations and overrides) that came out pass / fail. */
  readonly coachPass: number;
  readonly coachFail: number;
  /** Mean of the coaches' 1-5 scores, or null when nobody scored the item. */
  readonly meanScore: number | null;
}

export function itemsAcrossSessions(sessions: readonly SessionReportData[]): ItemAcrossSessions[] {
  const items = new Map<string, { title: string; sessions: number; pass: number; fail: number; needsReview: number; coachPass: number; coachFail: number; scores: number[] }>();
  for (const s of sessions) {
    for (const f of s.analysis?.findings ?? []) {
      const key = findingKey(f);
      const item = items.get(key) ?? { title: `${f.checklist}: ${f.title}`, sessions: 0, pass: 0, fail: 0, needsReview: 0, coachPass: 0, coachFail: 0, scores: [] };
      item.sessions++;
      if (f.status === 'pass') item.pass++;
      else if (f.status === 'fail') item.fail++;
      else item.needsReview++;
      for (const r of s.reviews) {
        const decision = r.decisions[key];
        if (decision?.status === 'pass') item.coachPass++;
        if (decision?.status === 'fail') item.coachFail++;
        const score = r.scores[key];
        if (score) item.scores.push(score.score);
      }
      items.set(key, item);
    }
  }
  return [...items.entries()].map(([key, { scores, ...counts }]) => ({
    key,
    ...counts,
    meanScore: scores.length > 0 ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null,
  }));
}
