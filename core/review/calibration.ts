import type { FindingStatus } from '../analysis/findings.js';
import { coachCallOf } from '../result/session-result.js';
import { agreementOf, meanOf, type Agreement } from './agreement.js';
import { findingKey, type Review } from './schema.js';

/**
 * Calibration: how far coaches who reviewed the same sessions agree, per checklist item.
 *
 * What counts as a coach's rating (the same rule everywhere in this file):
 *  - Only finished reviews count, i.e. reviews with a verdict; a session takes part when at
 *    least two coaches finished a review of it. A half-done review says nothing yet.
 *  - An automatic item: the coach's decision if they made one (coachCallOf in
 *    core/result/session-result.ts, the same reading of a review as the session's result).
 *    Undecided, the automatic status counts when it is pass or fail: the coach finished the
 *    review and let it stand. An undecided 'needs-review' or 'not-applicable' finding has no
 *    rating from that coach: the check had no answer, or nothing to judge, so there is nothing
 *    the coach accepted (a not-applicable item is never a rating, let alone a pass). A coach who
 *    overrides a not-applicable item to pass or fail did rate it.
 *  - A coach-only item (warmth, tone, ...): the score 1-5 as a category, when scored.
 *    (Unweighted kappa: a 4 against a 5 is a disagreement.)
 *  - The verdict (advance / hold / not-a-fit) is calibrated like an item, under key "verdict".
 * For each pair of coaches an item's percent agreement and Cohen's kappa are over the sessions
 * both rated. With more than two coaches the pair values are also averaged (the mean of the
 * pairs' kappas is Light's kappa); undefined pair kappas are left out of the mean.
 */

export interface CalibrationFinding {
  readonly checklist: string;
  readonly item: string;
  readonly title: string;
  readonly kind: 'auto' | 'coach-only';
  readonly status: FindingStatus;
}

export interface CalibrationSession {
  readonly sessionId: string;
  readonly candidateName: string;
  readonly scenarioTitle: string;
  /** The automatic findings of analysis.json; [] when the session was not analysed. */
  readonly findings: readonly CalibrationFinding[];
  readonly reviews: readonly Review[];
}

export interface CoachRef {
  readonly id: string;
  readonly name: string;
}

export type CalibrationScale = 'pass-fail' | 'score' | 'verdict';

export interface PairAgreement extends Agreement {
  readonly coachA: CoachRef;
  readonly coachB: CoachRef;
}

export interface AverageAgreement {
  /** Mean percent agreement over the pairs. */
  readonly percent: number | null;
  /** Mean of the defined pair kappas (Light's kappa). */
  readonly kappa: number | null;
  readonly kappaNote: string | null;
  readonly pairs: number;
}

export interface ItemCalibration {
  /** "<checklist>/<item>", or "verdict". */
  readonly key: string;
  readonly title: string;
  readonly scale: CalibrationScale;
  /** Sessions in which at least two coaches rated this item. */
  readonly sessions: number;
  readonly pairs: readonly PairAgreement[];
  /** Set when more than two coaches rated the item (more than one pair); null otherwise. */
  readonly average: AverageAgreement | null;
  /** Sessions in which the coaches' ratings of this item differ. */
  readonly disagreements: number;
}

export interface CoachRating {
  readonly coach: CoachRef;
  /** 'pass' / 'fail', a score '1'..'5', or a verdict. */
  readonly rating: string;
  /** The coach's reason (an override) or note (a score); '' when none. */
  readonly reason: string;
}

export interface Disagreement {
  readonly sessionId: string;
  readonly candidateName: string;
  readonly scenarioTitle: string;
  readonly key: string;
  readonly title: string;
  readonly ratings: readonly CoachRating[];
}

export interface CalibrationSessionRef {
  readonly sessionId: string;
  readonly candidateName: string;
  readonly scenarioTitle: string;
  readonly coaches: readonly CoachRef[];
}

export interface Calibration {
  /** The sessions with at least two finished reviews, in the order given. */
  readonly sessions: readonly CalibrationSessionRef[];
  readonly coaches: readonly CoachRef[];
  /** One per checklist item rated by two coaches in some session, in checklist order. */
  readonly items: readonly ItemCalibration[];
  readonly verdict: ItemCalibration;
  /** Every session and item (or verdict) where the coaches differ, session by session. */
  readonly disagreements: readonly Disagreement[];
}

export const VERDICT_KEY = 'verdict';

interface ItemInfo {
  readonly title: string;
  readonly scale: CalibrationScale;
}

/** sessionId -> coachId -> rating, for one item. */
type Ratings = Map<string, Map<string, CoachRating>>;

function coachOf(review: Review): CoachRef {
  return { id: review.coach.id, name: review.coach.name };
}

/**
 * A coach's rating of an item (the rules above): '1'..'5' for a score, their pass/fail
 * decision, else the automatic pass/fail once the review is finished; null when they have not
 * rated it (undecided needs-review or not-applicable).
 */
export function coachRatingOf(review: Review, key: string, automatic: FindingStatus | undefined): { rating: string; reason: string } | null {
  const call = coachCallOf(review, key);
  if (call) return { rating: call.by === 'score' ? String(call.score) : call.status, reason: call.reason };
  if (review.verdict !== null && (automatic === 'pass' || automatic === 'fail')) return { rating: automatic, reason: '' };
  return null;
}

export function calibrate(input: readonly CalibrationSession[]): Calibration {
  const items = new Map<string, ItemInfo>();
  const ratings = new Map<string, Ratings>();
  const coaches = new Map<string, CoachRef>();
  const sessions: CalibrationSessionRef[] = [];

  const rate = (key: string, sessionId: string, rating: CoachRating) => {
    let bySession = ratings.get(key);
    if (!bySession) ratings.set(key, (bySession = new Map()));
    let byCoach = bySession.get(sessionId);
    if (!byCoach) bySession.set(sessionId, (byCoach = new Map()));
    byCoach.set(rating.coach.id, rating);
  };

  for (const session of input) {
    const finished = session.reviews.filter((r) => r.verdict !== null);
    if (finished.length < 2) continue;
    const refs = finished.map(coachOf);
    sessions.push({ sessionId: session.sessionId, candidateName: session.candidateName, scenarioTitle: session.scenarioTitle, coaches: refs });
    for (const ref of refs) coaches.set(ref.id, ref);

    const automatic = new Map<string, FindingStatus>();
    for (const finding of session.findings) {
      const key = findingKey(finding);
      automatic.set(key, finding.status);
      if (!items.has(key)) items.set(key, { title: finding.title, scale: finding.kind === 'coach-only' ? 'score' : 'pass-fail' });
    }
    finished.forEach((review, i) => {
      const coach = refs[i] ?? coachOf(review);
      const keys = new Set([...automatic.keys(), ...Object.keys(review.decisions), ...Object.keys(review.scores)]);
      for (const key of keys) {
        const rated = coachRatingOf(review, key, automatic.get(key));
        if (!rated) continue;
        if (!items.has(key)) items.set(key, { title: key, scale: /^[1-5]$/.test(rated.rating) ? 'score' : 'pass-fail' });
        rate(key, session.sessionId, { coach, ...rated });
      }
      if (review.verdict !== null) rate(VERDICT_KEY, session.sessionId, { coach, rating: review.verdict, reason: '' });
    });
  }

  const context = new Map(input.map((s) => [s.sessionId, s]));
  const disagreements: Disagreement[] = [];
  const itemResults: ItemCalibration[] = [];
  const verdict = itemCalibration(VERDICT_KEY, { title: 'Verdict', scale: 'verdict' }, ratings.get(VERDICT_KEY) ?? new Map(), context, disagreements);
  for (const [key, info] of items) {
    const result = itemCalibration(key, info, ratings.get(key) ?? new Map(), context, disagreements);
    if (result.sessions > 0) itemResults.push(result);
  }
  const order = new Map(sessions.map((s, i) => [s.sessionId, i]));
  disagreements.sort((a, b) => (order.get(a.sessionId) ?? 0) - (order.get(b.sessionId) ?? 0));
  return {
    sessions,
    coaches: [...coaches.values()].sort((a, b) => a.id.localeCompare(b.id)),
    items: itemResults,
    verdict,
    disagreements,
  };
}

function itemCalibration(
  key: string,
  info: ItemInfo,
  bySession: Ratings,
  context: ReadonlyMap<string, CalibrationSession>,
  disagreements: Disagreement[],
): ItemCalibration {
  const coachRefs = new Map<string, CoachRef>();
  let sessions = 0;
  let differing = 0;
  for (const [sessionId, byCoach] of bySession) {
    for (const r of byCoach.values()) coachRefs.set(r.coach.id, r.coach);
    if (byCoach.size < 2) continue;
    sessions++;
    const values = new Set([...byCoach.values()].map((r) => r.rating));
    if (values.size < 2) continue;
    differing++;
    const session = context.get(sessionId);
    disagreements.push({
      sessionId,
      candidateName: session?.candidateName ?? '',
      scenarioTitle: session?.scenarioTitle ?? '',
      key,
      title: info.title,
      ratings: [...byCoach.values()].sort((a, b) => a.coach.id.localeCompare(b.coach.id)),
    });
  }
  const ids = [...coachRefs.keys()].sort();
  const pairs: PairAgreement[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] ?? '';
      const b = ids[j] ?? '';
      const both: [string, string][] = [];
      for (const byCoach of bySession.values()) {
        const ra = byCoach.get(a);
        const rb = byCoach.get(b);
        if (ra && rb) both.push([ra.rating, rb.rating]);
      }
      if (both.length === 0) continue;
      const coachA = coachRefs.get(a) ?? { id: a, name: a };
      const coachB = coachRefs.get(b) ?? { id: b, name: b };
      pairs.push({ coachA, coachB, ...agreementOf(both) });
    }
  }
  return { key, title: info.title, scale: info.scale, sessions, pairs, average: pairs.length > 1 ? averageOf(pairs) : null, disagreements: differing };
}

function averageOf(pairs: readonly PairAgreement[]): AverageAgreement {
  const kappa = meanOf(pairs.map((p) => p.kappa));
  return {
    percent: meanOf(pairs.map((p) => p.percent)),
    kappa,
    kappaNote: kappa === null ? 'kappa is undefined for every pair of coaches' : null,
    pairs: pairs.length,
  };
}
