import { itemsOf } from '../../../../core/result/session-result.js';
import type { SessionReportData } from './report-data.js';
import { resultOfReport } from './session-report.js';

/**
 * One checklist item across a candidate's sessions, from each session's result
 * (core/result/session-result.ts): how often it finally passed, failed, needed review or did
 * not apply (a coach's call over the automatic one), how often a coach overrode the check, and
 * the mean of the coaches' 1-5 scores.
 */
export interface ItemAcrossSessions {
  readonly key: string;
  readonly title: string;
  /** Analysed sessions with this item. */
  readonly sessions: number;
  readonly pass: number;
  readonly fail: number;
  readonly needsReview: number;
  /** Never counted as a pass. */
  readonly notApplicable: number;
  /** Sessions in which the coaches reversed the check on this item. */
  readonly overridden: number;
  /** Mean of the coaches' 1-5 scores, or null when nobody scored the item. */
  readonly meanScore: number | null;
}

export function itemsAcrossSessions(sessions: readonly SessionReportData[]): ItemAcrossSessions[] {
  type Tally = { -readonly [K in keyof Omit<ItemAcrossSessions, 'key' | 'meanScore'>]: ItemAcrossSessions[K] } & { scores: number[] };
  const items = new Map<string, Tally>();
  for (const s of sessions) {
    if (!s.analysis) continue;
    for (const i of itemsOf(resultOfReport(s))) {
      if (i.automatic === null) continue; // a call on an item this analysis no longer lists
      const item = items.get(i.key) ?? { title: `${i.checklist}: ${i.title}`, sessions: 0, pass: 0, fail: 0, needsReview: 0, notApplicable: 0, overridden: 0, scores: [] };
      item.sessions++;
      if (i.final === 'pass') item.pass++;
      else if (i.final === 'fail') item.fail++;
      else if (i.final === 'needs-review') item.needsReview++;
      else item.notApplicable++;
      if (i.source === 'overridden') item.overridden++;
      for (const call of i.calls) if (call.score !== null) item.scores.push(call.score);
      items.set(i.key, item);
    }
  }
  return [...items.entries()].map(([key, { scores, ...counts }]) => ({
    key,
    ...counts,
    meanScore: scores.length > 0 ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null,
  }));
}
