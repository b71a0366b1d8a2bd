import type { SessionAnalysis } from '../analysis/analyze.js';
import type { Checklist } from '../analysis/checklist-schema.js';
import type { Evidence, Finding } from '../analysis/findings.js';
import type { Vocabulary } from '../judgement/vocabulary-schema.js';
import type { ItemResult, SessionResult } from '../result/session-result.js';
import { findingKey } from '../review/schema.js';
import type { Scenario } from '../scenario/schema.js';
import { orderNextTime } from './next-time-order.js';

/**
 * What a trainee sees after a practice call, made from the session's one result
 * (core/result/session-result.ts: nothing here counts or scores on its own) and the scenario's
 * model answers. Only what the trainee can act on: titles, tips and moments, never the
 * checks' own notes, which are written for the coach.
 */
export interface DebriefScore {
  readonly checklist: string;
  readonly title: string;
  /** 0..1, from the result; null when nothing is decided. */
  readonly score: number | null;
  readonly passed: number;
  readonly failed: number;
  /** Items left for the coach (needs review, coach-only). */
  readonly forCoach: number;
}

/** Where on the recording to listen again. */
export interface DebriefMoment {
  readonly startFrame: number;
  readonly endFrame: number;
  /** The trainee's own words there, when the moment is one of their answers. */
  readonly quote: string | null;
}

export interface NextTimeItem {
  readonly key: string;
  readonly title: string;
  readonly tip: string | null;
  /** null when the item has nothing on the recording to replay (a typed answer, no evidence). */
  readonly moment: DebriefMoment | null;
}

export interface DebriefNote {
  readonly key: string;
  readonly title: string;
}

export interface DebriefAnswer {
  readonly stepId: string;
  readonly kind: 'spoken' | 'typed';
  /** The scenario's model answer for the step; null when the scenario has none. */
  readonly modelAnswer: string | null;
  /** The trainee's words (transcript or typed text), one per turn at the step; [] when none were made out. */
  readonly yours: readonly string[];
  /** The trainee's (first) spoken answer at the step on the recording; null for typed answers. */
  readonly moment: { readonly startFrame: number; readonly endFrame: number } | null;
}

export interface Debrief {
  readonly scores: readonly DebriefScore[];
  /** Every failed item, most important first (the screen shows the first three). */
  readonly nextTime: readonly NextTimeItem[];
  readonly wentWell: readonly DebriefNote[];
  /** Coach-only items nobody has judged yet: "your coach will listen for …". */
  readonly coachListensFor: readonly DebriefNote[];
  /** Automatic items the checks could not decide: "your coach will check this". */
  readonly coachChecks: readonly DebriefNote[];
  /** Per listening step the trainee reached, in the order of the call. */
  readonly answers: readonly DebriefAnswer[];
}

export type DebriefAnalysis = Pick<SessionAnalysis, 'checklists' | 'findings' | 'turns' | 'outcome'>;

export interface DebriefInput {
  readonly result: SessionResult;
  readonly analysis: DebriefAnalysis;
  readonly scenario: Scenario | null;
  readonly checklists: readonly Checklist[];
  readonly vocabulary: Vocabulary | null;
}

/** The item's tip: authored on the checklist item, else the tip of a move or red flag counted toward it. */
export function tipOf(key: string, checklists: readonly Checklist[], vocabulary: Vocabulary | null): string | null {
  const [checklistId, itemId] = key.split('/');
  const authored = checklists.find((c) => c.id === checklistId)?.items.find((i) => i.id === itemId)?.tip;
  if (authored) return authored;
  const entries = vocabulary ? [...vocabulary.moves, ...vocabulary.redFlags] : [];
  return entries.find((e) => e.item === key)?.tip ?? null;
}

/**
 * The moment to replay for a finding: its first piece of evidence at one of the trainee's spoken
 * answers (what they said), else its first evidence not at a typed answer (e.g. the customer's
 * line the call ended on); null when it has none.
 */
export function momentOf(evidence: readonly Evidence[], turns: DebriefAnalysis['turns']): DebriefMoment | null {
  const kindAt = new Map(turns.map((t) => [t.stepId, t.kind]));
  const spoken = evidence.find((e) => e.stepId !== undefined && kindAt.get(e.stepId) === 'spoken');
  if (spoken) return { startFrame: spoken.startFrame, endFrame: spoken.endFrame, quote: spoken.quote ?? null };
  const other = evidence.find((e) => e.stepId === undefined || kindAt.get(e.stepId) !== 'typed');
  return other ? { startFrame: other.startFrame, endFrame: other.endFrame, quote: null } : null;
}

function modelAnswerOf(scenario: Scenario | null, stepId: string): string | null {
  const step = scenario?.steps.find((s) => s.id === stepId);
  return step && 'goals' in step ? (step.goals?.modelAnswer ?? null) : null;
}

function answersOf(analysis: DebriefAnalysis, scenario: Scenario | null): DebriefAnswer[] {
  const byStep = new Map<string, { kind: 'spoken' | 'typed'; yours: string[]; moment: DebriefAnswer['moment'] }>();
  for (const turn of analysis.turns) {
    const text = turn.text?.trim() ?? '';
    // Where the speech is: the turn's speech, else the whole turn from the moment it was invited.
    const moment = turn.kind === 'spoken' ? { startFrame: turn.speech?.start ?? turn.invitedFrame, endFrame: turn.speech?.end ?? turn.endedFrame } : null;
    const seen = byStep.get(turn.stepId);
    if (seen) {
      if (text) seen.yours.push(text);
      continue;
    }
    byStep.set(turn.stepId, { kind: turn.kind, yours: text ? [text] : [], moment });
  }
  return [...byStep].map(([stepId, a]) => ({ stepId, ...a, modelAnswer: modelAnswerOf(scenario, stepId) }));
}

const note = (i: ItemResult): DebriefNote => ({ key: i.key, title: i.title });

/** The debrief of one analysed session. */
export function debriefOf({ result, analysis, scenario, checklists, vocabulary }: DebriefInput): Debrief {
  const findings = new Map<string, Finding>(analysis.findings.map((f) => [findingKey(f), f]));
  const titleOf = (id: string) => checklists.find((c) => c.id === id)?.title ?? id.charAt(0).toUpperCase() + id.slice(1);
  // The analysis's order of checklists; any only the reviews name come after.
  const ordered = [...result.checklists].sort((a, b) => rankIn(analysis.checklists, a.checklist) - rankIn(analysis.checklists, b.checklist));
  const scores = ordered.map((c) => ({
    checklist: c.checklist,
    title: titleOf(c.checklist),
    score: c.score,
    passed: c.passed,
    failed: c.failed,
    forCoach: c.needsReview,
  }));
  const items = ordered.flatMap((c) => c.items);
  const failed = items.filter((i) => i.final === 'fail').map((i) => ({ item: i, key: i.key, rule: findings.get(i.key)?.rule ?? null }));
  const nextTime = orderNextTime(failed, analysis.outcome?.item ?? null).map(({ item }) => ({
    key: item.key,
    title: item.title,
    tip: tipOf(item.key, checklists, vocabulary),
    moment: momentOf(findings.get(item.key)?.evidence ?? [], analysis.turns),
  }));
  const open = items.filter((i) => i.final === 'needs-review');
  return {
    scores,
    nextTime,
    wentWell: items.filter((i) => i.final === 'pass').map(note),
    coachListensFor: open.filter((i) => i.kind === 'coach-only').map(note),
    coachChecks: open.filter((i) => i.kind !== 'coach-only').map(note),
    answers: answersOf(analysis, scenario),
  };
}

function rankIn(list: readonly string[], id: string): number {
  const i = list.indexOf(id);
  return i < 0 ? list.length : i;
}
