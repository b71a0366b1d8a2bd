import { analyseAnswer, contentWeight, cueSetFor, findCues, type AnalysedAnswer } from '../judgement/cues.js';
import { checkFact } from '../judgement/facts.js';
import { missingMove } from '../judgement/missing-move.js';
import type { Vocabulary } from '../judgement/vocabulary-schema.js';
import type { Scenario, Step } from '../scenario/schema.js';
import { checkKey, type CheckResult, type Turn, type TurnChecker } from '../scenario/turns.js';
import type { Checklist, ChecklistItem, ChecklistRule } from './checklist-schema.js';
import { findPhrases, tokens } from './transcript.js';

/**
 * Checklist results about one answer, during the call, for branch `check` rules: the items whose
 * rule reads only that answer's words: the goal rules (moves, redFlags, factsRight,
 * answersEveryStep, judged by core/judgement exactly as after the call) and the phrase rules.
 * Other items (timing, voice, repeats, holds, spelling) need the whole recording and are judged
 * after the call; a `check` rule naming one of them never holds during the call.
 * A spoken answer with speech but no transcript is needs-review (its words are not known).
 */

type Channel = 'spoken' | 'typed' | 'any';

/** The phrases an item looks for in one answer, or null when the item is not a phrase item. */
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

/** Whether an item can be judged on one answer during the call. */
export function isLiveItem(item: ChecklistItem, scenario: Scenario): boolean {
  if (item.kind !== 'auto') return false;
  const r = item.rule;
  return livePhrases(item, scenario) !== null || 'moves' in r || 'redFlags' in r || 'factsRight' in r || 'answersEveryStep' in r;
}

/** The words of an answer: [] when nothing was said, null when they are not known. */
function wordsOf(turn: Turn): string[] | null {
  if (turn.kind === 'typed') return tokens(turn.text ?? '');
  if (turn.speechStartFrame === null) return [];
  return turn.transcript === null ? null : tokens(turn.transcript);
}

function analysed(turn: Turn): AnalysedAnswer {
  if (turn.kind === 'typed') return analyseAnswer([{ word: turn.text ?? '', startFrame: turn.invitedFrame, endFrame: turn.endedFrame, confidence: 1 }], turn.text ?? '');
  const words = (turn.transcript ?? '').split(/\s+/).filter((w) => w.length > 0);
  return analyseAnswer(words.map((word) => ({ word, startFrame: turn.speechStartFrame ?? 0, endFrame: turn.speechEndFrame ?? 0, confidence: 1 })));
}

function goalsOf(step: Step | undefined) {
  return step && ('listen' in step || 'type' in step || 'repeat' in step) ? step.goals : undefined;
}

/** One goal item on one answer; undefined when the item says nothing about this answer. */
function goalResult(item: ChecklistItem, scenario: Scenario, turn: Turn, vocabulary: Vocabulary | null, said: boolean): CheckResult | undefined {
  if (item.kind !== 'auto' || !vocabulary) return undefined;
  const rule = item.rule;
  const step = scenario.steps.find((s) => s.id === turn.stepId);
  const goals = goalsOf(step);
  const answer = analysed(turn);
  if ('answersEveryStep' in rule) return said && contentWeight(answer) >= rule.answersEveryStep.minWords ? 'pass' : 'fail';
  if ('moves' in rule) {
    const wanted = (goals?.expect ?? []).filter((e) => rule.moves.moves.includes(e.move));
    if (wanted.length === 0) return undefined;
    if (!said) return 'fail';
    const cues = findCues(answer, cueSetFor(vocabulary, goals));
    const results = wanted.map((e) => cues.find((c) => c.kind === 'move' && c.id === e.move));
    // No sample rate here: the live check judges shortness by words alone (it only picks the customer's reaction).
    if (results.some((c) => c === undefined)) return missingMove(cues, contentWeight(answer), null).firm ? 'fail' : 'needs-review';
    return results.every((c) => c?.firm) ? 'pass' : 'needs-review';
  }
  if ('redFlags' in rule) {
    if (!said) return undefined;
    const flags = findCues(answer, cueSetFor(vocabulary, goals)).filter((c) => c.kind === 'flag' && rule.redFlags.flags.some((f) => f === c.id));
    if (flags.some((c) => c.firm)) return 'fail';
    return flags.length > 0 ? 'needs-review' : 'pass';
  }
  if ('factsRight' in rule) {
    const facts = (goals?.facts ?? []).flatMap((id) => (scenario.facts ?? []).filter((f) => f.id === id));
    if (facts.length === 0) return undefined;
    if (!said) return 'fail';
    const results = facts.map((f) => checkFact(f, answer).result);
    if (results.some((r) => r === 'wrong' || r === 'missing')) return 'fail';
    return results.every((r) => r === 'right') ? 'pass' : 'needs-review';
  }
  return undefined;
}

export function judgeTurn(checklists: readonly Checklist[], scenario: Scenario, turn: Turn, vocabulary: Vocabulary | null = null): Record<string, CheckResult> {
  const words = wordsOf(turn);
  const results: Record<string, CheckResult> = {};
  for (const checklist of checklists) {
    for (const item of checklist.items) {
      if (!isLiveItem(item, scenario)) continue;
      const channel = item.kind === 'auto' ? channelOf(item.rule) : 'any';
      if (channel !== 'any' && channel !== turn.kind) continue;
      const key = checkKey(checklist.id, item.id);
      if (words === null) {
        results[key] = 'needs-review';
        continue;
      }
      const live = livePhrases(item, scenario);
      if (live) {
        const found = findPhrases(words, live.phrases).length > 0;
        results[key] = found === live.absent ? 'fail' : 'pass';
        continue;
      }
      const result = goalResult(item, scenario, turn, vocabulary, words.length > 0);
      if (result !== undefined) results[key] = result;
    }
  }
  return results;
}

/** Which answers an item reads (spoken, typed or any). */
function channelOf(rule: ChecklistRule): Channel {
  if ('moves' in rule) return rule.moves.in;
  if ('redFlags' in rule) return rule.redFlags.in;
  if ('factsRight' in rule) return rule.factsRight.in;
  if ('phrasesAbsent' in rule) return rule.phrasesAbsent.in;
  if ('phrasesPresent' in rule) return rule.phrasesPresent.in;
  if ('usesCustomerName' in rule) return rule.usesCustomerName.in;
  return 'any';
}

export function createTurnChecker(checklists: readonly Checklist[], scenario: Scenario, vocabulary: Vocabulary | null = null): TurnChecker {
  return (turn) => judgeTurn(checklists, scenario, turn, vocabulary);
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
      else if (!isLiveItem(item, scenario)) {
        problems.push({ stepId: step.id, item: itemId, message: `${where}: that item is judged after the call, so the rule never holds during it (use a phrase or goal item)` });
      }
    }
  }
  return problems;
}
