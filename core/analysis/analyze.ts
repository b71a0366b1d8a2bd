import { judgeAnswers, withAudioCheck, type AudioCheck, type JudgedAnswer } from '../judgement/judged-answers.js';
import { applyOutcome, outcomeCause, type OutcomeCause } from '../judgement/outcome.js';
import type { Vocabulary } from '../judgement/vocabulary-schema.js';
import type { Scenario } from '../scenario/schema.js';
import type { SessionEvent } from '../session/events.js';
import { isSpotterEngine } from '../session/transcription.js';
import type { Checklist, ChecklistId } from './checklist-schema.js';
import { evaluateChecklists } from './evaluate.js';
import type { Finding } from './findings.js';
import { measureSession, type PitchFramesOf, type SessionAudio, type SessionMeasures, type SessionSpeech, type TurnMeasure } from './measure.js';
import { round } from './rule-context.js';
import type { Segment } from './speech-segments.js';
import { buildTimeline, type Hold, type Timeline } from './timeline.js';
import type { TurnTranscript } from './transcript.js';

export const ANALYSIS_FORMAT_VERSION = 1;

export interface AnalysisInput {
  readonly sessionId: string;
  readonly scenario: Scenario;
  readonly events: readonly SessionEvent[];
  readonly audio: SessionAudio;
  /** Index for index with the session's answers (see transcriptionSpans); null where none. */
  readonly transcripts: readonly (TurnTranscript | null)[];
  /** Every checklist available; the ones the session needs are picked by `checklistsFor`. */
  readonly checklists: readonly Checklist[];
  /** A tryout session's checklists (from its manifest); absent: the scenario decides. */
  readonly checklistsInForce?: readonly ChecklistId[] | undefined;
  readonly isWord: ((word: string) => boolean) | null;
  /** The moves and red flags vocabulary (scenarios/judgement/moves.yaml); without it goal items need review. */
  readonly vocabulary?: Vocabulary | null;
  /** What the phrase spotter heard of the transcript's red flags (see judged-answers.ts). */
  readonly audioCheck?: AudioCheck;
  /** Which speech recogniser made the transcripts, shown to the coach. */
  readonly transcriber: { readonly engine: string; readonly note?: string };
}

/** One answer in analysis.json: plain numbers, rounded, so re-running gives the same bytes. */
export interface TurnReport {
  readonly stepId: string;
  readonly kind: 'spoken' | 'typed';
  readonly repeatOf: string | null;
  readonly invitedFrame: number;
  readonly endedFrame: number;
  readonly speech: Segment | null;
  readonly segments: readonly Segment[];
  readonly latencySeconds: number | null;
  readonly loudnessDb: number | null;
  readonly pitchMedianHz: number | null;
  readonly pitchRangeSemitones: number | null;
  readonly wordsPerMinute: number | null;
  readonly talkOver: readonly Segment[];
  readonly sighs: readonly Segment[];
  readonly text: string | null;
  readonly transcript: TurnTranscript | null;
}

export interface SessionAnalysis {
  readonly formatVersion: typeof ANALYSIS_FORMAT_VERSION;
  readonly sessionId: string;
  readonly scenarioId: string;
  readonly sampleRate: number;
  readonly transcriber: { readonly engine: string; readonly note?: string };
  readonly checklists: readonly ChecklistId[];
  readonly turns: readonly TurnReport[];
  readonly holds: readonly Hold[];
  readonly findings: readonly Finding[];
  /** How the call ended badly and the item blamed; absent when it ended well. */
  readonly outcome?: OutcomeCause;
}

/** Every call is judged on respect and patience. */
const ALWAYS: readonly ChecklistId[] = ['respect', 'patience'];

/**
 * The checklists in force: a tryout's own list when the session has one (inForce), else
 * respect, patience and the scenario's own, plus writing when anything was typed.
 */
export function checklistsFor(scenario: Scenario, events: readonly SessionEvent[], inForce?: readonly ChecklistId[]): ChecklistId[] {
  if (inForce !== undefined) return [...inForce];
  const ids = new Set<ChecklistId>([...ALWAYS, ...scenario.checklists]);
  if (events.some((e) => e.type === 'typed-submitted')) ids.add('writing');
  return [...ids];
}

const nullable = (x: number | null, digits = 2) => (x === null ? null : round(x, digits));

function report(t: TurnMeasure, transcript: TurnTranscript | null): TurnReport {
  return {
    stepId: t.stepId,
    kind: t.kind,
    repeatOf: t.repeatOf,
    invitedFrame: t.invitedFrame,
    endedFrame: t.endedFrame,
    speech: t.speech,
    segments: t.segments,
    latencySeconds: nullable(t.latencySeconds, 3),
    loudnessDb: nullable(t.loudnessDb, 1),
    pitchMedianHz: nullable(t.pitch.medianHz, 1),
    pitchRangeSemitones: nullable(t.pitch.rangeSemitones, 1),
    wordsPerMinute: nullable(t.wordsPerMinute, 0),
    talkOver: t.talkOver,
    sighs: t.sighs,
    text: t.text,
    transcript,
  };
}

/** Work the analysis job has done already, or can do faster than the pure defaults. */
export interface AnalysisAids {
  /** speechOf(audio, timeline), when the caller worked it out for the transcription spans. */
  readonly speech?: SessionSpeech;
  /** Pitch frames per trainee speech segment (trackPitch by default; a cache must give the same frames). */
  readonly pitchFrames?: PitchFramesOf;
}

/** The measures and the judged answers of a session, before the phrase spotter's audio check. */
export interface PreparedAnalysis {
  readonly timeline: Timeline;
  readonly measures: SessionMeasures;
  /** Null without a vocabulary. */
  readonly judged: readonly JudgedAnswer[] | null;
}

function sighMinSecondsOf(checklists: readonly Checklist[]): number {
  const sighRule = checklists.flatMap((c) => c.items).find((i) => i.kind === 'auto' && 'possibleSigh' in i.rule);
  return sighRule?.kind === 'auto' && 'possibleSigh' in sighRule.rule ? sighRule.rule.possibleSigh.minSeconds : 0.35;
}

/**
 * Measures every answer and judges it once (the audio check of red flags, which needs the judged
 * answers, comes after: analyzeSession takes this back so nothing is measured or judged twice).
 */
export function prepareAnalysis(input: AnalysisInput, aids: AnalysisAids = {}): PreparedAnalysis {
  const timeline = buildTimeline(input.scenario, input.events, input.audio.trainee.length);
  const measures = measureSession(input.audio, timeline, input.transcripts, { sighMinSeconds: sighMinSecondsOf(input.checklists), ...aids });
  const partialWords = isSpotterEngine(input.transcriber.engine);
  const judged = input.vocabulary ? judgeAnswers(input.scenario, measures.turns, input.transcripts, input.vocabulary, {}, { partialWords }) : null;
  return { timeline, measures, judged };
}

/** The answers as the judgement reads them, before any audio check (for the spotter to confirm). */
export function judgedAnswersOf(input: AnalysisInput, prepared: PreparedAnalysis = prepareAnalysis(input)): readonly JudgedAnswer[] {
  return prepared.judged ?? [];
}

/**
 * The whole analysis of a session: measures per answer and a finding per checklist item. Pure.
 * `prepared` must come from prepareAnalysis of the same input (without its audioCheck).
 */
export function analyzeSession(input: AnalysisInput, prepared: PreparedAnalysis = prepareAnalysis(input)): SessionAnalysis {
  const { timeline, measures } = prepared;
  const vocabulary = input.vocabulary ?? null;
  // prepared was judged without the phrase spotter's audio check; it is applied now.
  const judged = prepared.judged ? withAudioCheck(prepared.judged, input.audioCheck ?? {}) : null;
  const wanted = checklistsFor(input.scenario, input.events, input.checklistsInForce);
  const checklists = wanted.flatMap((id) => input.checklists.filter((c) => c.id === id));
  const evaluated = evaluateChecklists({ scenario: input.scenario, timeline, measures, transcripts: input.transcripts, isWord: input.isWord, judged }, checklists);
  const outcome = outcomeCause(input.scenario, input.events, timeline, vocabulary);
  const findings = applyOutcome(evaluated, outcome);
  return {
    formatVersion: ANALYSIS_FORMAT_VERSION,
    sessionId: input.sessionId,
    scenarioId: input.scenario.id,
    sampleRate: input.audio.sampleRate,
    transcriber: input.transcriber,
    checklists: checklists.map((c) => c.id),
    turns: measures.turns.map((t, i) => report(t, input.transcripts[i] ?? null)),
    holds: timeline.holds,
    findings,
    ...(outcome ? { outcome } : {}),
  };
}
