import type { SessionAnalysis } from '../analysis/analyze.js';
import type { FindingStatus } from '../analysis/findings.js';

/**
 * A new hire's progress: every practice attempt (oldest first) with the automatic status of each
 * checklist item, and per item a running pass rate across the attempts, so the chart can show
 * which habits are improving. Pure: the back end hands in the manifests' facts and the analyses.
 */

/** One finished practice session, as the back end read it. */
export interface AttemptInput {
  readonly sessionId: string;
  readonly createdAt: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  /** The session's analysis.json, or null when it has not been analysed (or could not be read). */
  readonly analysis: SessionAnalysis | null;
}

export interface PracticeAttempt {
  readonly sessionId: string;
  readonly createdAt: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly analysed: boolean;
  /** Per item key ("respect/no-dismissive-phrases"): its automatic status in this attempt; absent when not checked. */
  readonly statuses: Readonly<Record<string, FindingStatus>>;
}

export interface PracticeItem {
  /** "<checklist>/<item>". */
  readonly key: string;
  readonly checklist: string;
  readonly item: string;
  readonly title: string;
  /**
   * Per attempt (same order as `attempts`): passes / judged attempts so far, 0..1; null until
   * the item has been judged once (needs-review and unchecked attempts do not count).
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

const SEVERITY: Record<FindingStatus, number> = { pass: 0, 'needs-review': 1, fail: 2 };

/** The statuses of the automatic items of one analysis; an item found twice keeps its worst status. */
function statusesOf(analysis: SessionAnalysis | null): { statuses: Record<string, FindingStatus>; titles: Map<string, { checklist: string; item: string; title: string }> } {
  const statuses: Record<string, FindingStatus> = {};
  const titles = new Map<string, { checklist: string; item: string; title: string }>();
  for (const f of analysis?.findings ?? []) {
    // Coach-only items are never judged automatically: nothing to chart for the trainee.
    if (f.kind !== 'auto') continue;
    const key = `${f.checklist}/${f.item}`;
    const before = statuses[key];
    if (before === undefined || SEVERITY[f.status] > SEVERITY[before]) statuses[key] = f.status;
    if (!titles.has(key)) titles.set(key, { checklist: f.checklist, item: f.item, title: f.title });
  }
  return { statuses, titles };
}

export function practiceProgress(candidateName: string, scenarioId: string | null, inputs: readonly AttemptInput[]): PracticeProgress {
  const ordered = [...inputs].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.sessionId.localeCompare(b.sessionId));
  const itemInfo = new Map<string, { checklist: string; item: string; title: string }>();
  const attempts: PracticeAttempt[] = ordered.map((input) => {
    const { statuses, titles } = statusesOf(input.analysis);
    for (const [key, info] of titles) if (!itemInfo.has(key)) itemInfo.set(key, info);
    return {
      sessionId: input.sessionId,
      createdAt: input.createdAt,
      scenarioId: input.scenarioId,
      scenarioTitle: input.scenarioTitle,
      analysed: input.analysis !== null,
      statuses,
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
