import { hasPhrase, normalizeText, phraseWords } from './phrases.js';
import type { BranchRule, BranchStep } from './schema.js';
import { checkKey, latencySeconds, spokenSeconds, type Turn } from './turns.js';

export { normalizeText } from './phrases.js';

/**
 * Branch rules read the last turn. Semantics:
 * - typedContains / typedLacks: typed turns only; a phrase is a substring of the normalized text.
 * - saidContains / saidLacks: spoken turns only; phrases match whole words of the transcript
 *   (see phrases.ts). A spoken turn without speech said nothing (no phrase is in it); a turn
 *   with speech but no transcript (no recogniser, or it failed) makes neither rule hold.
 * - talkedOver: spoken turns only; compares Turn.talkedOver.
 * - check: holds only when the checklist result for the turn is present and equal.
 * - spokeAtLeastSeconds / spokeUnderSeconds / answeredWithinSeconds / noAnswer: spoken turns.
 * With no turn, no rule holds.
 */
export function ruleHolds(rule: BranchRule, turn: Turn | undefined, sampleRate: number): boolean {
  if (!turn) return false;
  if ('typedContains' in rule || 'typedLacks' in rule) {
    if (turn.kind !== 'typed' || turn.text === null) return false;
    const text = normalizeText(turn.text);
    if ('typedContains' in rule) return rule.typedContains.some((p) => text.includes(normalizeText(p)));
    return !rule.typedLacks.some((p) => text.includes(normalizeText(p)));
  }
  if ('check' in rule) return turn.checks[checkKey(rule.check.checklist, rule.check.item)] === rule.check.is;
  if (turn.kind !== 'spoken') return false;
  if ('saidContains' in rule || 'saidLacks' in rule) {
    const words = saidWords(turn);
    if (words === null) return false;
    if ('saidContains' in rule) return rule.saidContains.some((p) => hasPhrase(words, p));
    return !rule.saidLacks.some((p) => hasPhrase(words, p));
  }
  if ('talkedOver' in rule) return turn.talkedOver === rule.talkedOver;
  const answered = turn.speechStartFrame !== null;
  if ('noAnswer' in rule) return !answered;
  if ('spokeAtLeastSeconds' in rule) return answered && spokenSeconds(turn, sampleRate) >= rule.spokeAtLeastSeconds;
  if ('spokeUnderSeconds' in rule) return answered && spokenSeconds(turn, sampleRate) < rule.spokeUnderSeconds;
  const latency = latencySeconds(turn, sampleRate);
  return latency !== null && latency <= rule.answeredWithinSeconds;
}

/** The words of a spoken turn, [] when nothing was said, null when they are not known. */
function saidWords(turn: Turn): string[] | null {
  if (turn.speechStartFrame === null) return [];
  return turn.transcript === null ? null : phraseWords(turn.transcript);
}

/** True when the step has a rule on checklist results of the last turn. */
export function readsChecks(step: BranchStep): boolean {
  return step.branch.rules.some((r) => 'check' in r.when);
}

/**
 * True when the step has a rule on what was said, so the last spoken turn must be transcribed
 * first; checklist results read the words too.
 */
export function readsTranscript(step: BranchStep): boolean {
  return readsChecks(step) || step.branch.rules.some((r) => 'saidContains' in r.when || 'saidLacks' in r.when);
}

/** True when the branch step must wait for a transcript of `turn` before it can choose. */
export function needsTranscript(step: BranchStep, turn: Turn | undefined): turn is Turn {
  return readsTranscript(step) && turn !== undefined && turn.kind === 'spoken' && turn.speechStartFrame !== null && turn.transcribedBy === null;
}

/** The branch outcome: first matching rule (its index) or the `otherwise` target (null). */
export function chooseBranch(step: BranchStep, turn: Turn | undefined, sampleRate: number): { rule: number | null; to: string } {
  const index = step.branch.rules.findIndex((r) => ruleHolds(r.when, turn, sampleRate));
  const chosen = index >= 0 ? step.branch.rules[index] : undefined;
  return chosen ? { rule: index, to: chosen.goto } : { rule: null, to: step.branch.otherwise };
}
