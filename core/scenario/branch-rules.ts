import type { BranchRule, BranchStep } from './schema.js';
import { latencySeconds, spokenSeconds, type Turn } from './turns.js';

/** Case- and width-insensitive text for phrase rules ("I’M SORRY" matches "i'm sorry"). */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
}

/** True when the rule holds for the last turn. With no turn, no rule holds. */
export function ruleHolds(rule: BranchRule, turn: Turn | undefined, sampleRate: number): boolean {
  if (!turn) return false;
  if ('typedContains' in rule || 'typedLacks' in rule) {
    if (turn.kind !== 'typed' || turn.text === null) return false;
    const text = normalizeText(turn.text);
    if ('typedContains' in rule) return rule.typedContains.some((p) => text.includes(normalizeText(p)));
    return !rule.typedLacks.some((p) => text.includes(normalizeText(p)));
  }
  // Transcripts, talk-over and checklist results are not on the turn yet: these rules do not hold.
  if ('saidContains' in rule || 'saidLacks' in rule || 'talkedOver' in rule || 'check' in rule) return false;
  if (turn.kind !== 'spoken') return false;
  const answered = turn.speechStartFrame !== null;
  if ('noAnswer' in rule) return !answered;
  if ('spokeAtLeastSeconds' in rule) return answered && spokenSeconds(turn, sampleRate) >= rule.spokeAtLeastSeconds;
  if ('spokeUnderSeconds' in rule) return answered && spokenSeconds(turn, sampleRate) < rule.spokeUnderSeconds;
  const latency = latencySeconds(turn, sampleRate);
  return latency !== null && latency <= rule.answeredWithinSeconds;
}

/** The branch outcome: first matching rule (its index) or the `otherwise` target (null). */
export function chooseBranch(step: BranchStep, turn: Turn | undefined, sampleRate: number): { rule: number | null; to: string } {
  const index = step.branch.rules.findIndex((r) => ruleHolds(r.when, turn, sampleRate));
  const chosen = index >= 0 ? step.branch.rules[index] : undefined;
  return chosen ? { rule: index, to: chosen.goto } : { rule: null, to: step.branch.otherwise };
}
