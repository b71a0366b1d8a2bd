import type { RuleKind } from '../analysis/checklist-schema.js';

/**
 * The order of "three things to do differently next time": what cost the call first, then
 * what the customer hears as rude, then what a good answer was expected to do, then timing,
 * then the voice and the writing. A lower number comes first. Typed against every rule kind,
 * so a new rule cannot be added without deciding where its failures rank.
 */
export const NEXT_TIME_RANK = {
  outcomeCause: 0,
  redFlag: 1,
  expectedMove: 2,
  timing: 3,
  delivery: 4,
  coachOnly: 5,
} as const;
export type NextTimeRank = (typeof NEXT_TIME_RANK)[keyof typeof NEXT_TIME_RANK];

export const RULE_RANK: Readonly<Record<RuleKind, NextTimeRank>> = {
  redFlags: NEXT_TIME_RANK.redFlag,
  phrasesAbsent: NEXT_TIME_RANK.redFlag,
  moves: NEXT_TIME_RANK.expectedMove,
  factsRight: NEXT_TIME_RANK.expectedMove,
  answersEveryStep: NEXT_TIME_RANK.expectedMove,
  phrasesPresent: NEXT_TIME_RANK.expectedMove,
  usesCustomerName: NEXT_TIME_RANK.expectedMove,
  repeatsConsistent: NEXT_TIME_RANK.expectedMove,
  answerLatency: NEXT_TIME_RANK.timing,
  deadAir: NEXT_TIME_RANK.timing,
  holdCheckIn: NEXT_TIME_RANK.timing,
  noTalkOver: NEXT_TIME_RANK.timing,
  maxPace: NEXT_TIME_RANK.timing,
  voiceSteady: NEXT_TIME_RANK.delivery,
  possibleSigh: NEXT_TIME_RANK.delivery,
  spelling: NEXT_TIME_RANK.delivery,
  concise: NEXT_TIME_RANK.delivery,
};

/** What the order needs of a failed item. */
export interface RankedItem {
  /** "<checklist>/<item>". */
  readonly key: string;
  /** The finding's rule kind ("redFlags", ...), "coach-only", or null when the analysis has no such item. */
  readonly rule: string | null;
}

function isRuleKind(rule: string): rule is RuleKind {
  return Object.hasOwn(RULE_RANK, rule);
}

/** Where one item ranks; `outcomeItem` is the item the call's bad outcome is blamed on ("checklist/item"), if any. */
export function nextTimeRank(item: RankedItem, outcomeItem: string | null): NextTimeRank {
  if (outcomeItem !== null && item.key === outcomeItem) return NEXT_TIME_RANK.outcomeCause;
  if (item.rule !== null && isRuleKind(item.rule)) return RULE_RANK[item.rule];
  return NEXT_TIME_RANK.coachOnly;
}

/** The items, most important first; items of equal rank keep their given (checklist) order. */
export function orderNextTime<T extends RankedItem>(items: readonly T[], outcomeItem: string | null): T[] {
  return items
    .map((item, index) => ({ item, index, rank: nextTimeRank(item, outcomeItem) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((x) => x.item);
}
