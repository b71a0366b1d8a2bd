import type { JudgedAnswer } from '../judgement/judged-answers.js';
import type { Scenario } from '../scenario/schema.js';
import type { Evidence, FindingStatus } from './findings.js';
import type { SessionMeasures, TurnMeasure } from './measure.js';
import type { Timeline } from './timeline.js';
import { tokens, type TurnTranscript } from './transcript.js';

/** What every rule can read about the session. */
export interface RuleContext {
  readonly scenario: Scenario;
  readonly timeline: Timeline;
  readonly measures: SessionMeasures;
  /** Index for index with measures.turns. */
  readonly transcripts: readonly (TurnTranscript | null)[];
  /** Whether a word is spelled correctly (a dictionary); without it, spelling needs review. */
  readonly isWord: ((word: string) => boolean) | null;
  /** The answers read against the scenario's goals; null without the moves vocabulary. */
  readonly judged?: readonly JudgedAnswer[] | null;
}

export interface RuleResult {
  readonly status: FindingStatus;
  readonly summary: string;
  readonly evidence: readonly Evidence[];
}

/** A token of an answer with where it is: word times for transcripts, the answer's span otherwise. */
export interface PlacedToken {
  readonly token: string;
  readonly startFrame: number;
  readonly endFrame: number;
}

export function placedTokens(ctx: RuleContext, index: number): PlacedToken[] {
  const turn = ctx.measures.turns[index];
  if (!turn) return [];
  const transcript = ctx.transcripts[index];
  if (turn.kind === 'spoken' && transcript && transcript.words.length > 0) {
    return transcript.words.flatMap((w) => tokens(w.word).map((token) => ({ token, startFrame: w.startFrame, endFrame: w.endFrame })));
  }
  const span = turnSpan(turn);
  return turn.words.map((token) => ({ token, ...span }));
}

/** Where an answer is on the recording: its speech, or its whole window. */
export function turnSpan(turn: TurnMeasure): { startFrame: number; endFrame: number } {
  return turn.speech ? { startFrame: turn.speech.start, endFrame: turn.speech.end } : { startFrame: turn.invitedFrame, endFrame: turn.endedFrame };
}

/** `1:05.3` for a file frame. */
export function clock(frame: number, sampleRate: number): string {
  const seconds = frame / sampleRate;
  const m = Math.floor(seconds / 60);
  const s = seconds - m * 60;
  return `${m}:${s.toFixed(1).padStart(4, '0')}`;
}

export const round = (x: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export function pass(summary: string, evidence: readonly Evidence[] = []): RuleResult {
  return { status: 'pass', summary, evidence };
}
export function fail(summary: string, evidence: readonly Evidence[]): RuleResult {
  return { status: 'fail', summary, evidence };
}
export function review(summary: string, evidence: readonly Evidence[] = []): RuleResult {
  return { status: 'needs-review', summary, evidence };
}
/** Nothing in this call for the item to judge; never counted as a pass. */
export function notApplicable(summary: string, evidence: readonly Evidence[] = []): RuleResult {
  return { status: 'not-applicable', summary, evidence };
}
