import type { Finding, FindingStatus } from '../analysis/findings.js';
import type { CoachRef } from '../review/calibration.js';
import { findingKey, type Review, type Verdict } from '../review/schema.js';

/**
 * The result of one session: the automatic findings (analysis.json) and every coach's review
 * (reviews/<coach>.json) turned into one answer per checklist item, a score per checklist and
 * the verdict. Every screen and report reads a session's result from here; none recomputes it.
 *
 * The rules, in one place:
 *  - An item's final status is the coaches' call where they made one, else the automatic status.
 *    A coach's call is their pass/fail decision on the item, or for a coach-only item their
 *    1-5 score: PASSING_SCORE (3, "fair") or more is a pass, less a fail. A decision on an
 *    item wins over a score of the same item by the same coach.
 *  - How the final status came about (`source`):
 *      automatic       no coach called the item: the check's status stands (a coach-only item
 *                      nobody scored stays needs-review);
 *      confirmed       the coaches' call equals a pass / fail the check gave;
 *      overridden      the coaches' call reverses the check's pass, fail or not-applicable;
 *      decided         the check left the item open (needs-review, coach-only, or absent from
 *                      the analysis) and the coaches settled it: not counted as overridden;
 *      coaches-differ  two coaches called the item differently: the final status is
 *                      needs-review until they agree (each call is listed in `calls`).
 *  - Not-applicable is never a pass: it is counted on its own and left out of every score.
 *    score = passed / (passed + failed) over final statuses; needs-review and not-applicable
 *    are left out; null when nothing is decided.
 *  - Verdict: each coach's verdict is listed; `final` is set only when every coach who gave one
 *    gave the same (state 'agreed'); different verdicts are 'split'; none given is 'none'.
 *    Coaches still reviewing (no verdict) are listed as `pending` and do not split a verdict.
 *  - A review only counts through what the coach did: leaving an item undecided is not a call,
 *    whether or not the review is finished.
 */

/** A coach-only item scored this (1-5) or more is a pass. */
export const PASSING_SCORE = 3;

/** What the result needs of a finding (analysis.json's findings, or a summary of them). */
export interface ResultFinding {
  readonly checklist: string;
  readonly item: string;
  readonly title: string;
  readonly kind: Finding['kind'];
  readonly status: FindingStatus;
  readonly summary?: string;
}

/** What the result needs of a review. */
export type ResultReview = Pick<Review, 'coach' | 'decisions' | 'scores' | 'verdict'>;

export type ResultSource = 'automatic' | 'confirmed' | 'overridden' | 'decided' | 'coaches-differ';

/** One coach's call on one item. */
export interface CoachCall {
  readonly coach: CoachRef;
  readonly status: 'pass' | 'fail';
  /** A pass/fail decision on the finding, or a 1-5 score of a coach-only item. */
  readonly by: 'decision' | 'score';
  /** The score (1-5) when `by` is 'score'. */
  readonly score: number | null;
  /** The override reason, confirmation note or score note; '' when none. */
  readonly reason: string;
  /** The automatic status the coach saw when deciding (null for a score). */
  readonly automaticThen: FindingStatus | null;
}

export interface ItemResult {
  /** "<checklist>/<item>". */
  readonly key: string;
  readonly checklist: string;
  readonly item: string;
  readonly title: string;
  readonly kind: 'auto' | 'coach-only';
  /** What the check said; null when the analysis has no such item (not analysed, or re-run since the coach decided). */
  readonly automatic: FindingStatus | null;
  readonly summary: string;
  /** Every coach's call on the item, by coach id. */
  readonly calls: readonly CoachCall[];
  readonly source: ResultSource;
  /** The coaches whose calls make the final status ([] when automatic or coaches-differ). */
  readonly decidedBy: readonly CoachRef[];
  /** Why: the override reasons ("Ana: …; Bo: …" with several coaches), or what the coaches differ on; '' when none. */
  readonly reason: string;
  readonly final: FindingStatus;
}

export interface Counts {
  readonly passed: number;
  readonly failed: number;
  readonly needsReview: number;
  readonly notApplicable: number;
  /** Items whose final status reverses the check's (source 'overridden'). */
  readonly overridden: number;
  /** passed / (passed + failed), 0..1; null when no item is decided. */
  readonly score: number | null;
}

export interface ChecklistResult extends Counts {
  readonly checklist: string;
  readonly items: readonly ItemResult[];
  /** The same counts over the automatic statuses alone, to show beside the final ones. */
  readonly automatic: Omit<Counts, 'overridden'>;
}

export interface CoachVerdict {
  readonly coach: CoachRef;
  readonly verdict: Verdict;
}

export interface VerdictResult {
  readonly state: 'none' | 'agreed' | 'split';
  /** The verdict when the coaches who gave one agree; null when none or split. */
  readonly final: Verdict | null;
  /** Every verdict given, by coach id. */
  readonly byCoach: readonly CoachVerdict[];
  /** Coaches with a review but no verdict yet. */
  readonly pending: readonly CoachRef[];
}

export interface SessionResult {
  /** False when the session has no analysis (its items come from the reviews alone, if any). */
  readonly analysed: boolean;
  /** In the analysis's order; items only the reviews mention come last in their checklist. */
  readonly checklists: readonly ChecklistResult[];
  /** Over every checklist. */
  readonly totals: Counts;
  readonly verdict: VerdictResult;
  /** Every coach with a review, by coach id. */
  readonly reviewers: readonly CoachRef[];
}

const SEVERITY: Readonly<Record<FindingStatus, number>> = { 'not-applicable': 0, pass: 1, 'needs-review': 2, fail: 3 };

const coachOf = (r: Pick<Review, 'coach'>): CoachRef => ({ id: r.coach.id, name: r.coach.name });

/** A coach's call on an item: their decision, else (coach-only or not) their score; null when they made none. */
export function coachCallOf(review: ResultReview, key: string): CoachCall | null {
  const decision = review.decisions[key];
  if (decision) return { coach: coachOf(review), status: decision.status, by: 'decision', score: null, reason: decision.reason, automaticThen: decision.automaticStatus };
  const scored = review.scores[key];
  if (scored) return { coach: coachOf(review), status: scored.score >= PASSING_SCORE ? 'pass' : 'fail', by: 'score', score: scored.score, reason: scored.note, automaticThen: null };
  return null;
}

function reasonOf(calls: readonly CoachCall[]): string {
  const given = calls.filter((c) => c.reason.length > 0);
  if (given.length === 1 && calls.length === 1) return given[0]?.reason ?? '';
  return given.map((c) => `${c.coach.name}: ${c.reason}`).join('; ');
}

/** The final status of one item from its automatic status and the coaches' calls (the rules above). */
export function itemResultOf(info: Omit<ItemResult, 'calls' | 'source' | 'decidedBy' | 'reason' | 'final'>, calls: readonly CoachCall[]): ItemResult {
  const base = { ...info, calls };
  const automaticFinal: FindingStatus = info.automatic ?? 'needs-review';
  if (calls.length === 0) return { ...base, source: 'automatic', decidedBy: [], reason: '', final: automaticFinal };
  const statuses = new Set(calls.map((c) => c.status));
  if (statuses.size > 1) {
    const who = calls.map((c) => `${c.coach.name} ${c.status}`).join(', ');
    return { ...base, source: 'coaches-differ', decidedBy: [], reason: `coaches differ: ${who}`, final: 'needs-review' };
  }
  const status = calls[0]?.status ?? 'needs-review';
  const open = info.automatic === null || info.automatic === 'needs-review' || info.kind === 'coach-only';
  const source: ResultSource = open ? 'decided' : status === info.automatic ? 'confirmed' : 'overridden';
  return { ...base, source, decidedBy: calls.map((c) => c.coach), reason: reasonOf(calls), final: status };
}

/** Counts and score of a list of statuses. */
export function countsOf(statuses: readonly FindingStatus[], overridden = 0): Counts {
  let passed = 0;
  let failed = 0;
  let needsReview = 0;
  let notApplicable = 0;
  for (const s of statuses) {
    if (s === 'pass') passed++;
    else if (s === 'fail') failed++;
    else if (s === 'needs-review') needsReview++;
    else notApplicable++;
  }
  return { passed, failed, needsReview, notApplicable, overridden, score: scoreOf(passed, failed) };
}

/** passed / (passed + failed); null when nothing is decided. */
export function scoreOf(passed: number, failed: number): number | null {
  return passed + failed === 0 ? null : passed / (passed + failed);
}

export function verdictOf(reviews: readonly Pick<Review, 'coach' | 'verdict'>[]): VerdictResult {
  const sorted = [...reviews].sort((a, b) => a.coach.id.localeCompare(b.coach.id));
  const byCoach = sorted.flatMap((r) => (r.verdict === null ? [] : [{ coach: coachOf(r), verdict: r.verdict }]));
  const pending = sorted.filter((r) => r.verdict === null).map(coachOf);
  const kinds = new Set(byCoach.map((v) => v.verdict));
  if (kinds.size === 0) return { state: 'none', final: null, byCoach, pending };
  if (kinds.size > 1) return { state: 'split', final: null, byCoach, pending };
  return { state: 'agreed', final: byCoach[0]?.verdict ?? null, byCoach, pending };
}

function checklistOfKey(key: string): { checklist: string; item: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { checklist: key, item: key } : { checklist: key.slice(0, slash), item: key.slice(slash + 1) };
}

/**
 * The session's result. `findings` is analysis.json's findings (null when not analysed);
 * `reviews` every coach's review of the session, in any order.
 */
export function sessionResult(findings: readonly ResultFinding[] | null, reviews: readonly ResultReview[]): SessionResult {
  const sorted = [...reviews].sort((a, b) => a.coach.id.localeCompare(b.coach.id));
  const infos = new Map<string, Omit<ItemResult, 'calls' | 'source' | 'decidedBy' | 'reason' | 'final'>>();
  for (const f of findings ?? []) {
    const key = findingKey(f);
    const before = infos.get(key);
    // An item reported twice keeps its worst status (fail over needs-review over pass over not-applicable).
    if (before?.automatic && SEVERITY[before.automatic] >= SEVERITY[f.status]) continue;
    infos.set(key, { key, checklist: f.checklist, item: f.item, title: f.title, kind: f.kind, automatic: f.status, summary: f.summary ?? '' });
  }
  // Calls on items the analysis does not list (not analysed, or re-run since): kept, never dropped.
  for (const r of sorted) {
    for (const [keys, kind] of [
      [Object.keys(r.decisions), 'auto'],
      [Object.keys(r.scores), 'coach-only'],
    ] as const) {
      for (const key of [...keys].sort()) {
        if (infos.has(key)) continue;
        infos.set(key, { key, ...checklistOfKey(key), title: key, kind, automatic: null, summary: '' });
      }
    }
  }
  const byChecklist = new Map<string, ItemResult[]>();
  for (const info of infos.values()) {
    const calls = sorted.flatMap((r) => coachCallOf(r, info.key) ?? []);
    const item = itemResultOf(info, calls);
    const list = byChecklist.get(item.checklist);
    if (list) list.push(item);
    else byChecklist.set(item.checklist, [item]);
  }
  const checklists: ChecklistResult[] = [...byChecklist].map(([checklist, items]) => ({
    checklist,
    items,
    ...countsOf(
      items.map((i) => i.final),
      items.filter((i) => i.source === 'overridden').length,
    ),
    automatic: withoutOverridden(countsOf(items.flatMap((i) => (i.automatic === null ? [] : [i.automatic])))),
  }));
  const all = checklists.flatMap((c) => c.items);
  return {
    analysed: findings !== null,
    checklists,
    totals: countsOf(
      all.map((i) => i.final),
      all.filter((i) => i.source === 'overridden').length,
    ),
    verdict: verdictOf(sorted),
    reviewers: sorted.map(coachOf),
  };
}

function withoutOverridden({ overridden: _unused, ...rest }: Counts): Omit<Counts, 'overridden'> {
  return rest;
}

/** Every item of the result, checklist by checklist. */
export function itemsOf(result: SessionResult): ItemResult[] {
  return result.checklists.flatMap((c) => c.items);
}

/** The result of one item, or undefined. */
export function itemOf(result: SessionResult, key: string): ItemResult | undefined {
  return itemsOf(result).find((i) => i.key === key);
}
