import type { SessionAnalysis } from '../../core/analysis/analyze.js';
import type { Evidence, Finding } from '../../core/analysis/findings.js';
import type { CorpusEntry, Split } from '../support/corpus.js';
import type { PlacedAnswer } from './corpus-call.js';

/**
 * Scoring of the judgement bench, item-id-agnostic: a label names "checklist/item" and is
 * matched against findings with that id. Three figures, per item and overall:
 *  (a) caught: a fail label of an answer counts as caught when the item's finding is fail or
 *      needs-review with evidence pointing at that answer (its step, or a frame in its window);
 *      an answer that is disrespectful or impatient is caught when any of its fail labels is;
 *  (b) false fails: calls whose answers are all respectful and patient, with an automatic
 *      finding that fails on an item none of the call's answers is labelled to fail;
 *  (c) needs-review rate: needs-review over all automatic findings that are not not-applicable.
 */

/**
 * Findings of the judgement before the issue-14 rework use older ids. Only a finding whose item
 * is one of these old ids is renamed; every other id is taken as it is.
 */
export const LEGACY_ITEM_MAP: Readonly<Record<string, string>> = {
  'respect/no-dismissive-phrases': 'respect/no-red-flags',
  'respect/acknowledges-feelings': 'respect/acknowledges',
  'patience/repeats-consistent': 'patience/repeats-in-full',
  'escalation/offers-escalation': 'escalation/escalates-with-facts',
  'recall/order-number': 'recall/facts-right',
  'writing/apology': 'respect/apologises',
  'writing/next-step': 'respect/gives-next-step',
  'writing/no-blame': 'respect/no-red-flags',
};

export const itemOf = (f: Pick<Finding, 'checklist' | 'item'>): string => {
  const id = `${f.checklist}/${f.item}`;
  return LEGACY_ITEM_MAP[id] ?? id;
};

/** One scored call: its split, its answers as placed, and the analysis of it. */
export interface ScoredCall {
  readonly sessionId: string;
  readonly corpusSession: string;
  readonly split: Split;
  readonly answers: readonly PlacedAnswer[];
  readonly analysis: SessionAnalysis;
}

export interface LabelOutcome {
  readonly entryId: string;
  readonly item: string;
  readonly expected: 'fail' | 'pass';
  /** The worst status of the item's findings (several old items can map to one), null when none. */
  readonly status: Finding['status'] | null;
  /** Fail or needs-review pointing at this answer. */
  readonly caught: boolean;
  /** Fail (not needs-review) pointing at this answer. */
  readonly failed: boolean;
  readonly summary: string;
}

const SEVERITY: Record<Finding['status'], number> = { fail: 3, 'needs-review': 2, pass: 1, 'not-applicable': 0 };

/** The answer a piece of evidence is about: a frame inside its window, or its step when that step is answered once in the call. */
function pointsAt(e: Evidence, answer: PlacedAnswer, stepAnsweredOnce: boolean): boolean {
  const { start, end } = answer.window;
  const inWindow = e.startFrame === e.endFrame ? e.startFrame >= start && e.startFrame <= end : e.startFrame < end && e.endFrame > start;
  return inWindow || (stepAnsweredOnce && e.stepId === answer.entry.step);
}

export function scoreAnswers(call: ScoredCall): LabelOutcome[] {
  const perStep = new Map<string, number>();
  for (const a of call.answers) perStep.set(a.entry.step, (perStep.get(a.entry.step) ?? 0) + 1);
  return call.answers.flatMap((answer) => {
    const once = perStep.get(answer.entry.step) === 1;
    const { entry } = answer;
    const labels = [...entry.fail.map((item) => ({ item, expected: 'fail' as const })), ...entry.pass.map((item) => ({ item, expected: 'pass' as const }))];
    return labels.map(({ item, expected }): LabelOutcome => {
      const findings = call.analysis.findings.filter((f) => itemOf(f) === item);
      const worst = findings.reduce<Finding | null>((w, f) => (w === null || SEVERITY[f.status] > SEVERITY[w.status] ? f : w), null);
      const on = (status: Finding['status']) => findings.some((f) => f.status === status && f.evidence.some((e) => pointsAt(e, answer, once)));
      return {
        entryId: entry.id, item, expected, status: worst?.status ?? null,
        caught: on('fail') || on('needs-review'), failed: on('fail'),
        summary: worst?.summary ?? 'not evaluated in this call',
      };
    });
  });
}

const isBad = (e: CorpusEntry) => !e.respectful || !e.patient;

export interface ItemFigures {
  readonly item: string;
  /** Fail labels caught / fail labels. */
  caught: number;
  failLabels: number;
  /** Pass labels that failed on the answer / pass labels. */
  falseAlarms: number;
  passLabels: number;
  /** Respectful, patient calls in which this item failed unlabelled / such calls in which the item was judged. */
  falseFailCalls: number;
  goodCallsJudged: number;
  /** Needs-review findings / automatic findings that are not not-applicable. */
  needsReview: number;
  decided: number;
}

export interface Figures {
  /** Disrespectful or impatient answers with a fail label caught / such answers (scored ones). */
  badCaught: number;
  badAnswers: number;
  /** Respectful, patient calls with any unlabelled automatic fail / such calls. */
  falseFailCalls: number;
  goodCalls: number;
  needsReview: number;
  decided: number;
  calls: number;
  answers: number;
  /** Answers the call never reached (a branch went elsewhere): not scored. */
  unreached: number;
  /** Steps reached with no corpus answer (left silent). */
  unanswered: number;
  readonly items: ItemFigures[];
  readonly misses: string[];
  readonly falseFails: string[];
}

export function emptyFigures(): Figures {
  return { badCaught: 0, badAnswers: 0, falseFailCalls: 0, goodCalls: 0, needsReview: 0, decided: 0, calls: 0, answers: 0, unreached: 0, unanswered: 0, items: [], misses: [], falseFails: [] };
}

function itemRow(f: Figures, item: string): ItemFigures {
  let row = f.items.find((r) => r.item === item);
  if (!row) {
    row = { item, caught: 0, failLabels: 0, falseAlarms: 0, passLabels: 0, falseFailCalls: 0, goodCallsJudged: 0, needsReview: 0, decided: 0 };
    f.items.push(row);
    f.items.sort((a, b) => a.item.localeCompare(b.item));
  }
  return row;
}

/** Adds one call to the figures. */
export function addCall(f: Figures, call: ScoredCall, extra: { unreached: number; unanswered: number }): void {
  f.calls++;
  f.answers += call.answers.length;
  f.unreached += extra.unreached;
  f.unanswered += extra.unanswered;
  const outcomes = scoreAnswers(call);
  for (const o of outcomes) {
    const row = itemRow(f, o.item);
    if (o.expected === 'fail') {
      row.failLabels++;
      if (o.caught) row.caught++;
      else f.misses.push(`${o.entryId} ${o.item} [${o.status ?? 'none'}: ${o.summary}]`);
    } else {
      row.passLabels++;
      if (o.failed) row.falseAlarms++;
    }
  }
  for (const answer of call.answers.filter((a) => isBad(a.entry))) {
    f.badAnswers++;
    if (outcomes.some((o) => o.entryId === answer.entry.id && o.expected === 'fail' && o.caught)) f.badCaught++;
  }
  const auto = call.analysis.findings.filter((x) => x.kind === 'auto' && x.status !== 'not-applicable');
  for (const x of auto) {
    const row = itemRow(f, itemOf(x));
    row.decided++;
    f.decided++;
    if (x.status === 'needs-review') {
      row.needsReview++;
      f.needsReview++;
    }
  }
  const good = call.answers.length > 0 && call.answers.every((a) => !isBad(a.entry));
  if (!good) return;
  f.goodCalls++;
  const labelled = new Set<string>(call.answers.flatMap((a) => a.entry.fail));
  const falseFails = auto.filter((x) => x.status === 'fail' && !labelled.has(itemOf(x)));
  for (const item of new Set(auto.map(itemOf))) itemRow(f, item).goodCallsJudged++;
  for (const item of new Set(falseFails.map(itemOf))) itemRow(f, item).falseFailCalls++;
  if (falseFails.length > 0) {
    f.falseFailCalls++;
    f.falseFails.push(`${call.corpusSession}: ${falseFails.map((x) => `${itemOf(x)} [${x.summary}]`).join('; ')}`);
  }
}

/** Detected speech of a spoken answer against where it was placed: signed errors in ms (late = positive). */
export function edgeErrors(analysis: SessionAnalysis, answer: PlacedAnswer, truth: { start: number; end: number } | undefined): { onsetMs: number; offsetMs: number } | 'missed' | null {
  if (!truth) return null;
  // The first turn at the answer's step that had not ended when the answer began (a step can be visited twice).
  const turn = analysis.turns.find((t) => t.stepId === answer.entry.step && t.endedFrame >= truth.start);
  if (!turn?.speech) return 'missed';
  const ms = (frames: number) => (frames / analysis.sampleRate) * 1000;
  return { onsetMs: ms(turn.speech.start - truth.start), offsetMs: ms(turn.speech.end - truth.end) };
}

/** The q-quantile (nearest rank) of the values, or null when there are none. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? null;
}
