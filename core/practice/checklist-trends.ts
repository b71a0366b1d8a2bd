import type { AttemptChecklistScore, PracticeAttempt } from './progress.js';

/**
 * Per checklist, the trainee's score in each attempt (straight from the session's result, never
 * recomputed) and their personal best, for one small chart per checklist.
 */

/** One attempt's score on one checklist: a point on that checklist's chart. */
export interface ChecklistPoint {
  readonly sessionId: string;
  readonly createdAt: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  /** passed / decided, 0..1; null when nothing on the checklist was decided in that attempt. */
  readonly score: number | null;
  readonly passed: number;
  /** passed + failed: needs-review and not-applicable left out, as in the score. */
  readonly decided: number;
}

/** The highest score on a checklist; on a tie, the first time it was reached. */
export interface PersonalBest {
  readonly sessionId: string;
  readonly createdAt: string;
  readonly scenarioTitle: string;
  readonly score: number;
}

export interface ChecklistTrend {
  readonly checklist: string;
  /** Oldest first: every attempt whose result has this checklist. */
  readonly points: readonly ChecklistPoint[];
  readonly best: PersonalBest | null;
}

function pointOf(attempt: PracticeAttempt, score: AttemptChecklistScore): ChecklistPoint {
  return {
    sessionId: attempt.sessionId,
    createdAt: attempt.createdAt,
    scenarioId: attempt.scenarioId,
    scenarioTitle: attempt.scenarioTitle,
    score: score.score,
    passed: score.passed,
    decided: score.passed + score.failed,
  };
}

/** The best of the points (oldest first): highest score, the earliest on a tie; null when none is scored. */
export function personalBest(points: readonly ChecklistPoint[]): PersonalBest | null {
  let best: PersonalBest | null = null;
  for (const p of points) {
    // Strictly higher only: an equal score later does not move the best off its first date.
    if (p.score !== null && (best === null || p.score > best.score)) best = { sessionId: p.sessionId, createdAt: p.createdAt, scenarioTitle: p.scenarioTitle, score: p.score };
  }
  return best;
}

/** One trend per checklist, in the order the checklists first appear; `attempts` oldest first. */
export function checklistTrends(attempts: readonly PracticeAttempt[]): ChecklistTrend[] {
  const points = new Map<string, ChecklistPoint[]>();
  for (const attempt of attempts) {
    for (const score of attempt.checklists) {
      const list = points.get(score.checklist);
      if (list) list.push(pointOf(attempt, score));
      else points.set(score.checklist, [pointOf(attempt, score)]);
    }
  }
  return [...points].map(([checklist, list]) => ({ checklist, points: list, best: personalBest(list) }));
}
