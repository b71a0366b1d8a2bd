import type { FindingStatus } from '../analysis/findings.js';
import type { LibraryRow } from '../library/library-row.js';
import { finalStatusOf, type CalibrationFinding, type CoachRef } from './calibration.js';
import { findingKey, type Review } from './schema.js';

/**
 * Several sessions side by side (one candidate's, or one tryout's): per checklist item, each
 * session's automatic status and every coach's decision, final status and score; per session
 * and checklist, the passes and fails. A coach's final status follows calibration.ts
 * (finalStatusOf): their decision, else the automatic pass/fail once their review is finished.
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
  /** The coach's explicit decision, or null when undecided. */
  readonly decision: 'pass' | 'fail' | null;
  readonly reason: string;
  /** The decision, or the automatic pass/fail the coach let stand in a finished review. */
  readonly final: 'pass' | 'fail' | null;
  /** Coach-only items: the coach's score 1-5, or null. */
  readonly score: number | null;
}

export interface CompareCell {
  readonly sessionId: string;
  /** Null when this session has no such finding (not analysed, or another checklist). */
  readonly automatic: FindingStatus | null;
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

export interface Tally {
  readonly pass: number;
  readonly fail: number;
}

export interface ChecklistTally {
  readonly checklist: string;
  readonly automatic: Tally & { readonly needsReview: number };
  /** Final statuses per coach. */
  readonly coaches: readonly (Tally & { readonly coach: CoachRef })[];
}

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

export function compareSessions(input: readonly CompareInput[]): SessionComparison {
  const items = new Map<string, ItemInfo>();
  for (const s of input) for (const f of s.findings ?? []) if (!items.has(findingKey(f))) items.set(findingKey(f), { checklist: f.checklist, title: f.title, kind: f.kind });
  // Decisions or scores on items no analysis here lists (e.g. the analysis was re-run since).
  for (const s of input) {
    for (const r of s.reviews) {
      for (const key of Object.keys(r.decisions)) if (!items.has(key)) items.set(key, { checklist: key.split('/')[0] ?? key, title: key, kind: 'auto' });
      for (const key of Object.keys(r.scores)) if (!items.has(key)) items.set(key, { checklist: key.split('/')[0] ?? key, title: key, kind: 'coach-only' });
    }
  }
  const sorted = input.map((s) => ({ ...s, reviews: [...s.reviews].sort((a, b) => a.coach.id.localeCompare(b.coach.id)) }));
  const automaticOf = sorted.map((s) => new Map((s.findings ?? []).map((f) => [findingKey(f), f.status])));

  const compared: CompareItem[] = [...items].map(([key, info]) => ({
    key,
    ...info,
    cells: sorted.map((s, i) => {
      const automatic = automaticOf[i]?.get(key) ?? null;
      return {
        sessionId: s.row.sessionId,
        automatic,
        coaches: s.reviews.map((r) => ({
          coach: { id: r.coach.id, name: r.coach.name },
          decision: r.decisions[key]?.status ?? null,
          reason: r.decisions[key]?.reason ?? r.scores[key]?.note ?? '',
          final: finalStatusOf(r, key, automatic),
          score: r.scores[key]?.score ?? null,
        })),
      };
    }),
  }));

  const sessions = sorted.map((s, i) => ({ row: s.row, analysed: s.findings !== null, checklists: tallies(compared, i, s.reviews) }));
  return { sessions, items: compared };
}

function tallies(items: readonly CompareItem[], index: number, reviews: readonly Review[]): ChecklistTally[] {
  const byChecklist = new Map<string, { automatic: { pass: number; fail: number; needsReview: number }; coaches: Map<string, { coach: CoachRef; pass: number; fail: number }> }>();
  for (const item of items) {
    const cell = item.cells[index];
    if (!cell || (cell.automatic === null && cell.coaches.every((c) => c.final === null))) continue;
    let t = byChecklist.get(item.checklist);
    if (!t) {
      t = { automatic: { pass: 0, fail: 0, needsReview: 0 }, coaches: new Map(reviews.map((r) => [r.coach.id, { coach: { id: r.coach.id, name: r.coach.name }, pass: 0, fail: 0 }])) };
      byChecklist.set(item.checklist, t);
    }
    if (cell.automatic === 'pass') t.automatic.pass++;
    else if (cell.automatic === 'fail') t.automatic.fail++;
    else if (cell.automatic === 'needs-review') t.automatic.needsReview++;
    for (const c of cell.coaches) {
      const coach = t.coaches.get(c.coach.id);
      if (coach && c.final !== null) coach[c.final]++;
    }
  }
  return [...byChecklist].map(([checklist, t]) => ({ checklist, automatic: t.automatic, coaches: [...t.coaches.values()] }));
}
