import type { FindingStatus } from '../analysis/findings.js';
import type { LibraryRow } from '../library/library-row.js';
import { coachCallOf, itemsOf, sessionResult, type ChecklistResult, type CoachCall, type ResultSource } from '../result/session-result.js';
import type { CalibrationFinding, CoachRef } from './calibration.js';
import type { Review } from './schema.js';

/**
 * Several sessions side by side (one candidate's, or one tryout's): per checklist item, each
 * session's automatic status, its final status (coach over automatic, from
 * core/result/session-result.ts, with how it came about and the override reason) and every
 * coach's call; per session and checklist, the counts and score of its result.
 */

export const MAX_COMPARED_SESSIONS = 12;

export interface CompareInput {
  readonly row: LibraryRow;
  /** The automatic findings; null when the session was not analysed. */
  readonly findings: readonly CalibrationFinding[] | null;
  readonly reviews: readonly Review[];
}

export interface CoachCell {
  readonly coach: CoachRef;
  /** The coach's explicit pass/fail decision, or null when undecided. */
  readonly decision: 'pass' | 'fail' | null;
  /** The override reason or note (decision), or the score's note. */
  readonly reason: string;
  /** Coach-only items: the coach's score 1-5, or null. */
  readonly score: number | null;
}

export interface CompareCell {
  readonly sessionId: string;
  /** Null when this session has no such finding (not analysed, or another checklist). */
  readonly automatic: FindingStatus | null;
  /** The session's final status of the item; null when the session has nothing on it. */
  readonly final: FindingStatus | null;
  /** How the final status came about; null with `final`. */
  readonly source: ResultSource | null;
  /** The override reason(s), or what the coaches differ on; '' when none. */
  readonly reason: string;
  /** One per coach with a review of this session, by coach id. */
  readonly coaches: readonly CoachCell[];
}

export interface CompareItem {
  readonly key: string;
  readonly checklist: string;
  readonly title: string;
  readonly kind: 'auto' | 'coach-only';
  /** In the order of `sessions`. */
  readonly cells: readonly CompareCell[];
}

/** A checklist of one session's result: final counts and score, and the automatic ones beside them. */
export type ChecklistTally = Omit<ChecklistResult, 'items'>;

export interface ComparedSession {
  readonly row: LibraryRow;
  readonly analysed: boolean;
  readonly checklists: readonly ChecklistTally[];
}

export interface SessionComparison {
  readonly sessions: readonly ComparedSession[];
  readonly items: readonly CompareItem[];
}

interface ItemInfo {
  readonly checklist: string;
  readonly title: string;
  readonly kind: 'auto' | 'coach-only';
}

function coachCell(call: CoachCall | null, review: Review): CoachCell {
  return {
    coach: { id: review.coach.id, name: review.coach.name },
    decision: call?.by === 'decision' ? call.status : null,
    reason: call?.reason ?? '',
    score: call?.score ?? null,
  };
}

export function compareSessions(input: readonly CompareInput[]): SessionComparison {
  const sorted = input.map((s) => ({ ...s, reviews: [...s.reviews].sort((a, b) => a.coach.id.localeCompare(b.coach.id)) }));
  const results = sorted.map((s) => sessionResult(s.findings, s.reviews));
  // Every item any analysis lists, in order, then items only the reviews mention (decisions
  // kept from an earlier analysis), so an analysed session's title wins over a bare key.
  const items = new Map<string, ItemInfo>();
  for (const analysed of [true, false]) {
    for (const result of results) {
      for (const i of itemsOf(result)) if ((i.automatic !== null) === analysed && !items.has(i.key)) items.set(i.key, { checklist: i.checklist, title: i.title, kind: i.kind });
    }
  }
  const byKey = results.map((r) => new Map(itemsOf(r).map((i) => [i.key, i])));

  const compared: CompareItem[] = [...items].map(([key, info]) => ({
    key,
    ...info,
    cells: sorted.map((s, n) => {
      const item = byKey[n]?.get(key);
      return {
        sessionId: s.row.sessionId,
        automatic: item?.automatic ?? null,
        final: item?.final ?? null,
        source: item?.source ?? null,
        reason: item?.reason ?? '',
        coaches: s.reviews.map((r) => coachCell(coachCallOf(r, key), r)),
      };
    }),
  }));

  const sessions = sorted.map((s, n) => ({
    row: s.row,
    analysed: s.findings !== null,
    checklists: (results[n]?.checklists ?? []).map(({ items: _items, ...tally }) => tally),
  }));
  return { sessions, items: compared };
}
