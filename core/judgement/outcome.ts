import type { Evidence, Finding } from '../analysis/findings.js';
import type { Timeline } from '../analysis/timeline.js';
import { BAD_OUTCOMES, type Outcome } from '../scenario/goals-schema.js';
import type { Scenario } from '../scenario/schema.js';
import type { SessionEvent } from '../session/events.js';
import type { Vocabulary } from './vocabulary-schema.js';

/**
 * How the call ended is evidence. When the customer cancels, hangs up or escalates, the branch
 * that led there names the cause: the rule's `because`, or the checklist item a `check` rule
 * read, or else the moves the answer before it was expected to make. That item fails with the
 * customer's line as evidence when the checks failed it too; where they found it fine or were
 * unsure, it goes to the coach as needs-review (the call and the checks disagree), never passed.
 */
const OUTCOME_WORDS: Readonly<Record<Outcome, string>> = {
  resolved: 'the customer was satisfied',
  calmed: 'the customer calmed down',
  escalated: 'the customer escalated',
  'hung-up': 'the customer hung up',
  cancelled: 'the customer cancelled',
};

export interface OutcomeCause {
  readonly outcome: Outcome;
  /** "checklist/item" */
  readonly item: string;
  readonly line: { readonly stepId: string; readonly caption: string; readonly startFrame: number; readonly endFrame: number };
  /** The listening step whose answer led there. */
  readonly answerStepId: string | null;
}

function sayOutcome(scenario: Scenario, stepId: string): Outcome | undefined {
  const step = scenario.steps.find((s) => s.id === stepId);
  return step && 'say' in step ? step.outcome : undefined;
}

function listeningStepBefore(scenario: Scenario, events: readonly SessionEvent[], frame: number): string | null {
  const listening = new Set(scenario.steps.filter((s) => 'listen' in s || 'repeat' in s || 'type' in s).map((s) => s.id));
  let found: string | null = null;
  for (const e of events) {
    if (e.frame > frame) break;
    if ((e.type === 'turn-ended' || e.type === 'typed-submitted') && listening.has(e.stepId)) found = e.stepId;
  }
  return found;
}

/** The bad outcome the call reached, and the item to blame; null for a call that ended well. */
export function outcomeCause(scenario: Scenario, events: readonly SessionEvent[], timeline: Timeline, vocabulary: Vocabulary | null): OutcomeCause | null {
  const line = timeline.lines.findLast((l) => {
    const o = sayOutcome(scenario, l.stepId);
    return o !== undefined && BAD_OUTCOMES.includes(o);
  });
  if (!line) return null;
  const outcome = sayOutcome(scenario, line.stepId) as Outcome;
  const branch = events.findLast((e) => e.type === 'branch-taken' && e.frame <= line.startFrame && e.to === line.stepId);
  const answerStepId = listeningStepBefore(scenario, events, line.startFrame);
  let item: string | null = null;
  if (branch?.type === 'branch-taken') {
    const step = scenario.steps.find((s) => s.id === branch.stepId);
    const rule = step && 'branch' in step && branch.rule !== null ? step.branch.rules[branch.rule] : undefined;
    if (rule?.because) item = rule.because;
    else if (rule && 'check' in rule.when) item = `${rule.when.check.checklist}/${rule.when.check.item}`;
  }
  if (item === null && answerStepId !== null && vocabulary) {
    const step = scenario.steps.find((s) => s.id === answerStepId);
    const goals = step && ('listen' in step || 'repeat' in step || 'type' in step) ? step.goals : undefined;
    const move = goals?.expect[0]?.move;
    item = vocabulary.moves.find((m) => m.id === move)?.item ?? null;
  }
  item ??= 'patience/answers-every-step';
  // The scenario's own words for the line (the caption shown on screen is the same text).
  const said = scenario.steps.find((s) => s.id === line.stepId);
  const caption = said && 'say' in said ? said.say : line.caption;
  return { outcome, item, line: { stepId: line.stepId, caption, startFrame: line.startFrame, endFrame: line.endFrame }, answerStepId };
}

/** The findings with the outcome applied to the item it names (other findings unchanged). */
export function applyOutcome(findings: readonly Finding[], cause: OutcomeCause | null): Finding[] {
  if (!cause) return [...findings];
  const words = OUTCOME_WORDS[cause.outcome];
  const evidence: Evidence = {
    startFrame: cause.line.startFrame,
    endFrame: cause.line.endFrame,
    stepId: cause.line.stepId,
    quote: cause.line.caption,
    note: `${words}${cause.answerStepId ? ' after the answer before this line' : ''}`,
  };
  return findings.map((f) => {
    if (`${f.checklist}/${f.item}` !== cause.item || f.kind !== 'auto') return f;
    // The customer's line first: it is what the coach listens to, and a list of evidence may be cut short on screen.
    if (f.status === 'fail') return { ...f, summary: `${f.summary}; then ${words}: "${cause.line.caption}"`, evidence: [evidence, ...f.evidence] };
    // Uncertain words stay uncertain: the live branch may have rested on the same slip.
    const why = f.status === 'pass' ? 'the checks found this fine, but' : 'the checks could not decide, and';
    return { ...f, status: 'needs-review', summary: `${why} ${words} after this answer: listen ("${cause.line.caption}")`, evidence: [evidence, ...f.evidence] };
  });
}
