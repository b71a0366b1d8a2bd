import type { FindingStatus } from '../analysis/findings.js';
import type { PracticeAttempt, PracticeItem } from './progress.js';

/**
 * Which checklist items improved or slipped in the trainee's latest call.
 *
 * The latest analysed attempt is set against the trainee's earlier attempts at the SAME
 * scenario: the same customer asks the same things there, so a change is the trainee's, not
 * the scenario's (an item can be not-applicable in one scenario and decided in another). Per
 * item, the earlier status is the one from the most recent earlier attempt at that scenario
 * where the item was decided (pass or fail): a needs-review in between ("your coach will check
 * this") hides nothing. Items undecided in the latest attempt are left out: nothing is known.
 */

export interface AttemptRef {
  readonly sessionId: string;
  readonly createdAt: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
}

export interface ItemChange {
  readonly key: string;
  readonly checklist: string;
  /** The item's title as the trainee reads it in the debrief. */
  readonly title: string;
  readonly change: 'improved' | 'slipped';
  /** The earlier attempt the item was compared with, and its status there. */
  readonly before: AttemptRef & { readonly status: 'pass' | 'fail' };
  readonly now: 'pass' | 'fail';
}

export interface ItemChanges {
  /** The attempt whose items are compared: the latest analysed one; null when none is. */
  readonly latest: AttemptRef | null;
  /** How many earlier attempts at the latest one's scenario there are to compare with. */
  readonly earlierAtScenario: number;
  readonly improved: readonly ItemChange[];
  readonly slipped: readonly ItemChange[];
}

const decided = (s: FindingStatus | undefined): s is 'pass' | 'fail' => s === 'pass' || s === 'fail';

const refOf = (a: PracticeAttempt): AttemptRef => ({ sessionId: a.sessionId, createdAt: a.createdAt, scenarioId: a.scenarioId, scenarioTitle: a.scenarioTitle });

/** `attempts` oldest first; `items` in the order to list them (the progress's items). */
export function itemChanges(attempts: readonly PracticeAttempt[], items: readonly Pick<PracticeItem, 'key' | 'checklist' | 'title'>[]): ItemChanges {
  const latestIndex = attempts.findLastIndex((a) => a.analysed);
  const latest = attempts[latestIndex];
  if (!latest) return { latest: null, earlierAtScenario: 0, improved: [], slipped: [] };
  // Most recent first, so the first decided status found is the one just before the latest.
  const earlier = attempts.slice(0, latestIndex).filter((a) => a.analysed && a.scenarioId === latest.scenarioId).reverse();
  const improved: ItemChange[] = [];
  const slipped: ItemChange[] = [];
  for (const item of items) {
    const now = latest.statuses[item.key];
    if (!decided(now)) continue;
    const previous = earlier.find((a) => decided(a.statuses[item.key]));
    const then = previous?.statuses[item.key];
    if (!previous || !decided(then) || then === now) continue;
    const change: ItemChange = { key: item.key, checklist: item.checklist, title: item.title, change: now === 'pass' ? 'improved' : 'slipped', before: { ...refOf(previous), status: then }, now };
    (change.change === 'improved' ? improved : slipped).push(change);
  }
  return { latest: refOf(latest), earlierAtScenario: earlier.length, improved, slipped };
}
