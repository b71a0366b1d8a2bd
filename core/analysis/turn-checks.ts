import type { Scenario } from '../scenario/schema.js';
import { checkKey, type CheckResult, type Turn, type TurnChecker } from '../scenario/turns.js';
import type { Checklist, ChecklistItem } from './checklist-schema.js';
import { findPhrases, tokens } from './transcript.js';

/**
 * Checklist results about one answer, during the call, for branch `check` rules: the items whose
 * rule reads only that answer's words (phrasesAbsent, phrasesPresent, usesCustomerName). Other
 * items (timing, voice, repeats, holds, spelling) need the whole recording and are judged after
 * the call; a `check` rule naming one of them never holds during the call.
 * A spoken answer with speech but no transcript is needs-review (its words are not known).
 */

type Channel = 'spoken' | 'typed' | 'any';

/** The phrases an item looks for in one answer, or null when the item is not judged per answer. */
function livePhrases(item: ChecklistItem, scenario: Scenario): { phrases: readonly string[]; in: Channel; absent: boolean } | null {
  if (item.kind !== 'auto') return null;
  const rule = item.rule;
  if ('phrasesAbsent' in rule) return { phrases: rule.phrasesAbsent.phrases, in: rule.phrasesAbsent.in, absent: true };
  if ('phrasesPresent' in rule) return { phrases: rule.phrasesPresent.phrases, in: rule.phrasesPresent.in, absent: false };
  if ('usesCustomerName' in rule) {
    return { phrases: scenario.customer.name.split(/\s+/).filter((n) => n.length > 1), in: rule.usesCustomerName.in, absent: false };
  }
  return null;
}

/** The words of an answer: [] when nothing was said, null when they are not known. */
function wordsOf(turn: Turn): string[] | null {
  if (turn.kind === 'typed') return tokens(turn.text ?? '');
  if (turn.speechStartFrame === null) return [];
  return turn.transcript === null ? null : tokens(turn.transcript);
}

export function judgeTurn(checklists: readonly Checklist[], scenario: Scenario, turn: Turn): Record<string, CheckResult> {
  const words = wordsOf(turn);
  const results: Record<string, CheckResult> = {};
  for (const checklist of checklists) {
    for (const item of checklist.items) {
      const live = livePhrases(item, scenario);
      if (!live || (live.in !== 'any' && live.in !== turn.kind)) continue;
      if (words === null) {
        results[checkKey(checklist.id, item.id)] = 'needs-review';
        continue;
      }
      const found = findPhrases(words, live.phrases).length > 0;
      results[checkKey(checklist.id, item.id)] = found === live.absent ? 'fail' : 'pass';
    }
  }
  return results;
}

export function createTurnChecker(checklists: readonly Checklist[], scenario: Scenario): TurnChecker {
  return (turn) => judgeTurn(checklists, scenario, turn);
}

/**
 * Branch `check` rules that can never hold during the call: the checklist or item does not
 * exist, or the item is not judged per answer. `scenarios:check` reports them.
 */
export function checkRuleProblems(scenario: Scenario, checklists: readonly Checklist[]): { stepId: string; item: string; message: string }[] {
  const problems: { stepId: string; item: string; message: string }[] = [];
  for (const step of scenario.steps) {
    if (!('branch' in step)) continue;
    for (const { when } of step.branch.rules) {
      if (!('check' in when)) continue;
      const { checklist: listId, item: itemId } = when.check;
      const item = checklists.find((c) => c.id === listId)?.items.find((i) => i.id === itemId);
      const where = `step ${step.id}: check rule on ${listId}/${itemId}`;
      if (!item) problems.push({ stepId: step.id, item: itemId, message: `${where}: there is no such checklist item` });
      else if (!livePhrases(item, scenario)) {
        problems.push({ stepId: step.id, item: itemId, message: `${where}: that item is judged after the call, so the rule never holds during it (use a phrase item)` });
      }
    }
  }
  return problems;
}
