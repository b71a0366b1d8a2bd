import type { SessionAnalysis } from '../analysis/analyze.js';
import type { FindingStatus } from '../analysis/findings.js';
import { sessionResult, type ResultReview } from '../result/session-result.js';

/**
 * A new hire's progress: every practice attempt (oldest first) with the result of each
 * checklist item (core/result/session-result.ts: a coach's call where there is one, else the
 * automatic status), and per item a running pass rate across the attempts, so the chart can
 * show which habits are improving. Not-applicable and needs-review are never counted as passes
 * (nor as fails). Pure: the back end hands in the manifests' facts, analyses and reviews.
 */

/** One finished practice session, as the back end read it. */
export interface AttemptInput {
  readonly sessionId: string;
  readonly createdAt: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  /** The session's analysis.json, or null when it has not been analysed (or could not be read). */
  readonly analysis: SessionAnalysis | null;
  /** Coaches' reviews of the attempt, if any (a coach may go over a practice call). */
  readonly reviews?: readonly ResultReview[];
}

/** One checklist's score in one attempt: passed / (passed + failed), not-applicable left out. */
export interface AttemptChecklistScore {
  readonly checklist: string;
  readonly score: number | null;
  readonly passed: number;
  readonly failed: number;
  readonly needsReview: number;
  readonly notApplicable: number;
}

export interface PracticeAttempt {
  readonly sessionId: string;
  readonly createdAt: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly analysed: boolean;
  /** Per item key ("respect/no-dismissive-phrases"): its final status in this attempt; absent when not checked. */
  readonly statuses: Readonly<Record<string, FindingStatus>>;
  /** Per checklist of the session's result, in the analysis's order. */
  readonly checklists: readonly AttemptChecklistScore[];
}

export interface PracticeItem {
  /** "<checklist>/<item>". */
  readonly key: string;
  readonly checklist: string;
  readonly item: string;
  readonly title: string;
  /**
   * Per attempt (same order as `attempts`): passes / judged attempts so far, 0..1; null until
   * the item has been judged once (needs-review, not-applicable and unchecked attempts do not count).
   */
  readonly passRate: readonly (number | null)[];
  readonly passes: number;
  readonly fails: number;
}

export interface PracticeProgress {
  readonly candidateName: string;
  readonly scenarioId: string | null;
  /** Oldest first. */
  readonly attempts: readonly PracticeAttempt[];
  /** In the order they first appear in the attempts' findings. */
  readonly items: readonly PracticeItem[];
}

interface ItemInfo {
  readonly checklist: string;
  readonly item: string;
  readonly title: string;
}

/** The final statuses of the automatic items of one attempt, and its checklists' scores. */
function resultOf(input: AttemptInput): { statuses: Record<string, FindingStatus>; titles: Map<string, ItemInfo>; checklists: AttemptChecklistScore[] } {
  const result = sessionResult(input.analysis?.findings ?? null, input.reviews ?? []);
  const statuses: Record<string, FindingStatus> = {};
  const titles = new Map<string, ItemInfo>();
  for (const c of result.checklists) {
    for (const i of c.items) {
      // Coach-only items are never judged automatically: nothing to chart for the trainee.
      if (i.kind !== 'auto' || i.automatic === null) continue;
      statuses[i.key] = i.final;
      titles.set(i.key, { checklist: i.checklist, item: i.item, title: i.title });
    }
  }
  const checklists = result.checklists.map(({ checklist, score, passed, failed, needsReview, notApplicable }) => ({ checklist, score, passed, failed, needsReview, notApplicable }));
  return { statuses, titles, checklists };
}

export function practiceProgress(candidateName: string, scenarioId: string | null, inputs: readonly AttemptInput[]): PracticeProgress {
  const ordered = [...inputs].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.sessionId.localeCompare(b.sessionId));
  const itemInfo = new Map<string, ItemInfo>();
  const attempts: PracticeAttempt[] = ordered.map((input) => {
    const { statuses, titles, checklists } = resultOf(input);
    for (const [key, info] of titles) if (!itemInfo.has(key)) itemInfo.set(key, info);
    return {
      sessionId: input.sessionId,
      createdAt: input.createdAt,
      scenarioId: input.scenarioId,
      scenarioTitle: input.scenarioTitle,
      analysed: input.analysis !== null,
      statuses,
      checklists,
    };
  });
  const items: PracticeItem[] = [...itemInfo].map(([key, info]) => {
    let passes = 0;
    let fails = 0;
    const passRate = attempts.map((attempt) => {
      const status = attempt.statuses[key];
      if (status === 'pass') passes++;
      if (status === 'fail') fails++;
      return passes + fails === 0 ? null : passes / (passes + fails);
    });
    return { key, ...info, passRate, passes, fails };
  });
  return { candidateName, scenarioId, attempts, items };
}

/** Whether two names are the same person's, as the library and candidate deletion match them. */
export function sameCandidate(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
