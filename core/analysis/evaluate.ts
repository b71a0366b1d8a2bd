import type { Scenario } from '../scenario/schema.js';
import type { Checklist, ChecklistItem, ChecklistRule } from './checklist-schema.js';
import type { Evidence, Finding } from './findings.js';
import { turnSpan, type RuleContext, type RuleResult } from './rule-context.js';
import { answersEveryStep, expectedMoves, factsRight, redFlags } from './rules-goals.js';
import { customerNames, phrasesAbsent, phrasesPresent, usesCustomerName } from './rules-phrases.js';
import { answerLatency, deadAir, holdCheckIn, noTalkOver } from './rules-timing.js';
import { maxPace, possibleSigh, repeatsConsistent, voiceSteady } from './rules-voice.js';
import { concise, spelling } from './rules-writing.js';

function ruleKind(rule: ChecklistRule): string {
  return Object.keys(rule)[0] ?? 'unknown';
}

export function runRule(ctx: RuleContext, rule: ChecklistRule): RuleResult {
  if ('moves' in rule) return expectedMoves(ctx, rule.moves);
  if ('redFlags' in rule) return redFlags(ctx, rule.redFlags);
  if ('factsRight' in rule) return factsRight(ctx, rule.factsRight);
  if ('answersEveryStep' in rule) return answersEveryStep(ctx, rule.answersEveryStep);
  if ('phrasesAbsent' in rule) return phrasesAbsent(ctx, rule.phrasesAbsent);
  if ('phrasesPresent' in rule) return phrasesPresent(ctx, rule.phrasesPresent);
  if ('usesCustomerName' in rule) return usesCustomerName(ctx, rule.usesCustomerName);
  if ('noTalkOver' in rule) return noTalkOver(ctx, rule.noTalkOver);
  if ('answerLatency' in rule) return answerLatency(ctx, rule.answerLatency);
  if ('deadAir' in rule) return deadAir(ctx, rule.deadAir);
  if ('holdCheckIn' in rule) return holdCheckIn(ctx, rule.holdCheckIn);
  if ('voiceSteady' in rule) return voiceSteady(ctx, rule.voiceSteady);
  if ('repeatsConsistent' in rule) return repeatsConsistent(ctx, rule.repeatsConsistent);
  if ('maxPace' in rule) return maxPace(ctx, rule.maxPace);
  if ('possibleSigh' in rule) return possibleSigh(ctx);
  if ('spelling' in rule) return spelling(ctx, rule.spelling);
  return concise(ctx, rule.concise);
}

/** Coach-only items: the coach judges; every answer is offered as evidence to listen to. */
function coachOnly(ctx: RuleContext, note: string): RuleResult {
  const evidence: Evidence[] = ctx.measures.turns.map((t) => ({ ...turnSpan(t), stepId: t.stepId, ...(t.text ? { quote: t.text } : {}) }));
  return { status: 'needs-review', summary: `for the coach: ${note}`, evidence };
}

export function applies(item: ChecklistItem, scenarioId: string): boolean {
  return item.appliesTo === undefined || item.appliesTo.includes(scenarioId);
}

/** The customer's names when an item that checks for them applies to the scenario (for the audio check), else none. */
export function namesToListenFor(checklists: readonly Checklist[], scenario: Scenario): string[] {
  const wanted = checklists.some((c) => c.items.some((i) => i.kind === 'auto' && 'usesCustomerName' in i.rule && applies(i, scenario.id)));
  return wanted ? customerNames(scenario) : [];
}

/** One finding per item of each checklist that applies to the scenario. */
export function evaluateChecklists(ctx: RuleContext, checklists: readonly Checklist[]): Finding[] {
  const findings: Finding[] = [];
  for (const checklist of checklists) {
    for (const item of checklist.items) {
      if (!applies(item, ctx.scenario.id)) continue;
      const result = item.kind === 'auto' ? runRule(ctx, item.rule) : coachOnly(ctx, item.note);
      findings.push({
        checklist: checklist.id,
        item: item.id,
        title: item.title,
        kind: item.kind,
        status: result.status,
        rule: item.kind === 'auto' ? ruleKind(item.rule) : 'coach-only',
        summary: result.summary,
        evidence: result.evidence,
      });
    }
  }
  return findings;
}
