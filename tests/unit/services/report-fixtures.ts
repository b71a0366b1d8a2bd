import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionAnalysis, TurnReport } from '../../../core/analysis/analyze.js';
import type { Finding } from '../../../core/analysis/findings.js';
import { coachIdOf, type Review, type ReviewContent } from '../../../core/review/schema.js';
import type { SessionEvent } from '../../../core/session/events.js';
import type { SessionManifest } from '../../../core/session/manifest.js';

/**
 * A finished, analysed and reviewed session of the shipped `angry-caller` scenario, written by
 * hand into a data folder: manifest, events, analysis.json and one reviews/<coach>.json per
 * coach, exactly as the app lays them out. Times are chosen so the report's m:ss are known.
 */

export const RATE = 16_000;
const s = (seconds: number) => Math.round(seconds * RATE);

export const OVERRIDE_REASON = 'She had finished; the overlap is only her breath';
export const ANNOTATION_NOTE = 'Lovely recovery after the interruption';
export const TRAINEE_QUOTE = 'i am so sorry you are right to be upset';
export const COACH_SUMMARY = 'Calm, warm and concrete. Ready for the phones.';

function turn(stepId: string, invited: number, start: number, end: number, text: string): TurnReport {
  return {
    stepId,
    kind: 'spoken',
    repeatOf: null,
    invitedFrame: s(invited),
    endedFrame: s(end + 1.2),
    speech: { start: s(start), end: s(end) },
    segments: [{ start: s(start), end: s(end) }],
    latencySeconds: start - invited,
    loudnessDb: -21.5,
    pitchMedianHz: 180,
    pitchRangeSemitones: 6.5,
    wordsPerMinute: 140,
    talkOver: [],
    sighs: [],
    text: null,
    transcript: { text, words: [] },
  };
}

export const FINDINGS: Finding[] = [
  {
    checklist: 'respect',
    item: 'no-dismissive-phrases',
    title: 'No dismissive or blaming phrases',
    kind: 'auto',
    status: 'pass',
    rule: 'phrasesAbsent',
    summary: 'no dismissive phrase heard',
    evidence: [],
  },
  {
    checklist: 'respect',
    item: 'lets-them-finish',
    title: 'Lets the customer finish',
    kind: 'auto',
    status: 'fail',
    rule: 'noTalkOver',
    summary: 'talked over the customer at 0:12',
    evidence: [{ startFrame: s(12.2), endFrame: s(13.9), stepId: 'open', measured: 1.7, threshold: 0.5, unit: 's', note: 'spoke while the customer was talking' }],
  },
  {
    checklist: 'patience',
    item: 'answer-latency',
    title: 'Answers without long pauses',
    kind: 'auto',
    status: 'pass',
    rule: 'latency',
    summary: 'longest wait 1.4 s',
    evidence: [{ startFrame: s(14), endFrame: s(15.4), stepId: 'first-answer', quote: TRAINEE_QUOTE, measured: 1.4, threshold: 4, unit: 's' }],
  },
  {
    // No hold in this call: nothing to judge, which must never print or count as a pass.
    checklist: 'patience',
    item: 'asks-before-hold',
    title: 'Asks before putting the caller on hold',
    kind: 'auto',
    status: 'not-applicable',
    rule: 'holdAsked',
    summary: 'no hold in this call',
    evidence: [],
  },
  {
    checklist: 'respect',
    item: 'warmth',
    title: 'Warmth',
    kind: 'coach-only',
    status: 'needs-review',
    rule: 'coach-only',
    summary: 'for the coach to judge',
    evidence: [],
  },
];

export function sessionEvents(): SessionEvent[] {
  const open = "I've been charged twice for my March bill. Ninety pounds, twice. This is the third time I've rung, and every time I'm told it'll sort itself out. It hasn't.";
  const softer = 'Well. Thank you. At least someone admits it. So what happens now?';
  return [
    { type: 'call-started', frame: 0, scenarioId: 'angry-caller' },
    { type: 'step-entered', frame: s(0.5), stepId: 'open', kind: 'say' },
    { type: 'line-started', frame: s(0.5), stepId: 'open', caption: open, clip: 'open.wav', voice: 'clip', durationFrames: s(13) },
    { type: 'line-ended', frame: s(13.5), stepId: 'open' },
    { type: 'listen-started', frame: s(13.5), stepId: 'first-answer', timeoutSeconds: 12 },
    { type: 'turn-started', frame: s(14.9), stepId: 'first-answer' },
    { type: 'turn-ended', frame: s(20), stepId: 'first-answer', reason: 'silence', speechStartFrame: s(14.9), speechEndFrame: s(18.8) },
    { type: 'turn-transcribed', frame: s(20.1), stepId: 'first-answer', engine: 'pocketsphinx', text: TRAINEE_QUOTE },
    { type: 'line-started', frame: s(20.5), stepId: 'softer', caption: softer, clip: 'softer.wav', voice: 'clip', durationFrames: s(5) },
    { type: 'line-ended', frame: s(25.5), stepId: 'softer' },
    { type: 'listen-started', frame: s(25.5), stepId: 'second-answer', timeoutSeconds: 12 },
    { type: 'turn-ended', frame: s(36), stepId: 'second-answer', reason: 'silence', speechStartFrame: s(26.4), speechEndFrame: s(34.8) },
    { type: 'call-ended', frame: s(40), reason: 'completed' },
  ];
}

export interface WrittenSession {
  readonly id: string;
  readonly dir: string;
}

export function writeSession(
  dataDir: string,
  opts: { id: string; candidate: string; createdAt: string; reviews?: readonly { coach: string; content: ReviewContent }[]; analysed?: boolean },
): WrittenSession {
  const dir = join(dataDir, 'sessions', opts.id);
  mkdirSync(dir, { recursive: true });
  const manifest: SessionManifest = {
    formatVersion: 1,
    id: opts.id,
    scenarioId: 'angry-caller',
    scenarioTitle: 'The angry caller',
    candidate: { name: opts.candidate },
    createdAt: opts.createdAt,
    endedAt: opts.createdAt,
    status: 'complete',
    sampleRate: RATE,
    channels: 2,
    durationFrames: s(95),
    recoveredAt: null,
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'events.jsonl'), sessionEvents().map((e) => `${JSON.stringify(e)}\n`).join(''));
  if (opts.analysed !== false) {
    const analysis: SessionAnalysis = {
      formatVersion: 1,
      sessionId: opts.id,
      scenarioId: 'angry-caller',
      sampleRate: RATE,
      transcriber: { engine: 'pocketsphinx' },
      checklists: ['respect', 'patience'],
      turns: [turn('first-answer', 13.5, 14.9, 18.8, TRAINEE_QUOTE), turn('second-answer', 25.5, 26.4, 34.8, 'i will refund the second payment today')],
      holds: [],
      findings: FINDINGS,
    };
    writeFileSync(join(dir, 'analysis.json'), JSON.stringify(analysis));
  }
  for (const r of opts.reviews ?? []) {
    mkdirSync(join(dir, 'reviews'), { recursive: true });
    const review: Review = {
      ...r.content,
      formatVersion: 1,
      sessionId: opts.id,
      coach: { id: coachIdOf(r.coach), name: r.coach },
      startedAt: opts.createdAt,
      updatedAt: opts.createdAt,
    };
    writeFileSync(join(dir, 'reviews', `${coachIdOf(r.coach)}.json`), JSON.stringify(review));
  }
  return { id: opts.id, dir };
}

/** Ana Ruiz overrides the talk-over finding, scores warmth, annotates a moment and advances the candidate. */
export function anaReview(decidedAt: string): ReviewContent {
  return {
    decisions: {
      'respect/lets-them-finish': { automaticStatus: 'fail', status: 'pass', reason: OVERRIDE_REASON, decidedAt },
      'respect/no-dismissive-phrases': { automaticStatus: 'pass', status: 'pass', reason: '', decidedAt },
    },
    scores: { 'respect/warmth': { score: 4, note: 'warm from the first words' } },
    annotations: [
      { id: 'a1', startFrame: s(14.9), endFrame: s(18.8), note: ANNOTATION_NOTE, tags: ['great-recovery'], createdAt: decidedAt },
      { id: 'a2', startFrame: s(12.4), endFrame: null, note: 'small sigh', tags: ['sigh'], createdAt: decidedAt },
    ],
    summary: COACH_SUMMARY,
    verdict: 'advance',
  };
}

/** Björn Larsen confirms the automatic fail and holds. */
export function bjornReview(decidedAt: string): ReviewContent {
  return {
    decisions: { 'respect/lets-them-finish': { automaticStatus: 'fail', status: 'fail', reason: '', decidedAt } },
    scores: { 'respect/warmth': { score: 3, note: '' } },
    annotations: [],
    summary: 'Good, but cut in on the opening line.',
    verdict: 'hold',
  };
}
