import type { SessionAnalysis } from '../analysis/analyze.js';
import type { FindingStatus } from '../analysis/findings.js';
import { sessionResult, type ResultReview } from '../result/session-result.js';
import { checklistTrends, type ChecklistTrend } from './checklist-trends.js';
import { itemChanges, type ItemChanges } from './item-changes.js';

/**
 * A new hire's progress: every practice attempt (oldest first) with the result of each
 * checklist item and each checklist's score (core/result/session-result.ts: a coach's call
 * where there is one, else the automatic status; nothing is recounted here), per checklist the
 * score per attempt and the personal best (checklist-trends.ts), and the items that improved or
 * slipped in the latest call (item-changes.ts). Pure: the back end hands in the manifests'
 * facts, analyses and reviews.
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
  /** The checklist item's title, as the trainee reads it in the debrief. */
  readonly title: string;
}

/** A scenario the trainee has practised, whatever the filter: the filter's choices. */
export interface PractisedScenario {
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly attempts: number;
}

export interface PracticeProgress {
  readonly candidateName: string;
  readonly scenarioId: string | null;
  /** Oldest first. */
  readonly attempts: readonly PracticeAttempt[];
  /** In the order they first appear in the attempts' findings (automatic items only). */
  readonly items: readonly PracticeItem[];
  /** One per checklist, in the order they first appear: the score per attempt and the personal best. */
  readonly checklists: readonly ChecklistTrend[];
  /** The latest call's items that improved or slipped since the previous call at its scenario. */
  readonly changes: ItemChanges;
  /** Every scenario the trainee practised (not only the filtered one), most practised first. */
  readonly scenarios: readonly PractisedScenario[];
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

/** The scenarios of these attempts, most practised first, then by title. */
export function practisedScenarios(attempts: readonly Pick<AttemptInput, 'scenarioId' | 'scenarioTitle'>[]): PractisedScenario[] {
  const byId = new Map<string, PractisedScenario>();
  for (const a of attempts) {
    const seen = byId.get(a.scenarioId);
    byId.set(a.scenarioId, { scenarioId: a.scenarioId, scenarioTitle: seen?.scenarioTitle ?? a.scenarioTitle, attempts: (seen?.attempts ?? 0) + 1 });
  }
  return [...byId.values()].sort((a, b) => b.attempts - a.attempts || a.scenarioTitle.localeCompare(b.scenarioTitle));
}

/**
 * `inputs`: the attempts to show (one scenario's, or all); `practised`: every attempt of the
 * trainee, for the scenario filter (defaults to `inputs`).
 */
export function practiceProgress(
  candidateName: string,
  scenarioId: string | null,
  inputs: readonly AttemptInput[],
  practised: readonly Pick<AttemptInput, 'scenarioId' | 'scenarioTitle'>[] = inputs,
): PracticeProgress {
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
  const items: PracticeItem[] = [...itemInfo].map(([key, info]) => ({ key, ...info }));
  return {
    candidateName,
    scenarioId,
    attempts,
    items,
    checklists: checklistTrends(attempts),
    changes: itemChanges(attempts, items),
    scenarios: practisedScenarios(practised),
  };
}

/** Whether two names are the same person's, as the library and candidate deletion match them. */
export function sameCandidate(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
