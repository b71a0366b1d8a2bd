import type { Evidence } from './findings.js';
import type { TurnMeasure } from './measure.js';
import { semitonesBetween } from './pitch.js';
import { clock, fail, notApplicable, pass, review, round, type RuleContext, type RuleResult, turnSpan } from './rule-context.js';
import { contentWords } from './transcript.js';

const spokenWithSpeech = (ctx: RuleContext) => ctx.measures.turns.filter((t) => t.kind === 'spoken' && t.speech !== null);

export function voiceSteady(ctx: RuleContext, p: { maxLoudnessRiseDb: number; maxPitchRiseSemitones: number }): RuleResult {
  const turns = spokenWithSpeech(ctx);
  const first = turns[0];
  if (!first || turns.length < 2) return notApplicable('fewer than two spoken answers to compare');
  const evidence: Evidence[] = [];
  for (const t of turns.slice(1)) {
    if (t.loudnessDb !== null && first.loudnessDb !== null && t.loudnessDb - first.loudnessDb > p.maxLoudnessRiseDb) {
      evidence.push({ ...turnSpan(t), stepId: t.stepId, measured: round(t.loudnessDb - first.loudnessDb, 1), threshold: p.maxLoudnessRiseDb, unit: 'dB', note: 'louder than the first answer' });
    }
    if (t.pitch.medianHz !== null && first.pitch.medianHz !== null) {
      const rise = semitonesBetween(first.pitch.medianHz, t.pitch.medianHz);
      if (rise > p.maxPitchRiseSemitones) evidence.push({ ...turnSpan(t), stepId: t.stepId, measured: round(rise, 1), threshold: p.maxPitchRiseSemitones, unit: 'semitones', note: 'higher pitch than the first answer' });
    }
  }
  if (evidence.length === 0) return pass(`loudness and pitch stayed within ${p.maxLoudnessRiseDb} dB and ${p.maxPitchRiseSemitones} semitones of the first answer`);
  const e = evidence[0];
  return fail(`voice rose ${e?.measured ?? 0} ${e?.unit ?? ''} above the first answer at ${clock(e?.startFrame ?? 0, ctx.measures.sampleRate)}`, evidence);
}

function spokenSeconds(t: TurnMeasure, rate: number): number {
  return t.segments.reduce((sum, s) => sum + (s.end - s.start), 0) / rate;
}

const FEW_SAME_WORDS = 'says little of what the first answer said';

export function repeatsConsistent(ctx: RuleContext, p: { minLengthRatio: number; minContentOverlap: number; maxPaceRise: number; maxLoudnessRiseDb: number }): RuleResult {
  const rate = ctx.measures.sampleRate;
  const repeats = ctx.measures.turns.filter((t) => t.kind === 'spoken' && t.repeatOf !== null);
  if (repeats.length === 0) return notApplicable('no repeated answers in this call');
  const evidence: Evidence[] = [];
  for (const r of repeats) {
    const first = ctx.measures.turns.find((t) => t.stepId === r.repeatOf && t.kind === 'spoken');
    if (!first || !first.speech) continue;
    const at = { ...turnSpan(r), stepId: r.stepId };
    if (!r.speech) {
      evidence.push({ ...at, measured: 0, threshold: p.minLengthRatio, unit: 'ratio', note: 'no answer to the repeat' });
      continue;
    }
    const lengthRatio = spokenSeconds(r, rate) / spokenSeconds(first, rate);
    if (lengthRatio < p.minLengthRatio) evidence.push({ ...at, quote: r.words.join(' '), measured: round(lengthRatio), threshold: p.minLengthRatio, unit: 'ratio', note: 'shorter than the first answer' });
    const said = contentWords(first.words);
    if (first.transcribed && r.transcribed && said.size > 0) {
      const again = contentWords(r.words);
      const overlap = [...said].filter((w) => again.has(w)).length / said.size;
      if (overlap < p.minContentOverlap) evidence.push({ ...at, quote: r.words.join(' '), measured: round(overlap), threshold: p.minContentOverlap, unit: 'ratio', note: FEW_SAME_WORDS });
    }
    if (r.wordsPerMinute !== null && first.wordsPerMinute !== null && first.wordsPerMinute > 0) {
      const rise = r.wordsPerMinute / first.wordsPerMinute - 1;
      if (rise > p.maxPaceRise) evidence.push({ ...at, measured: round(rise), threshold: p.maxPaceRise, unit: 'ratio', note: `faster than the first answer (${Math.round(r.wordsPerMinute)} vs ${Math.round(first.wordsPerMinute)} wpm)` });
    }
    if (r.loudnessDb !== null && first.loudnessDb !== null && r.loudnessDb - first.loudnessDb > p.maxLoudnessRiseDb) {
      evidence.push({ ...at, measured: round(r.loudnessDb - first.loudnessDb, 1), threshold: p.maxLoudnessRiseDb, unit: 'dB', note: 'louder than the first answer' });
    }
  }
  if (evidence.length === 0) return pass(`each of ${repeats.length} repeats was as long, full and calm as the first answer`);
  const e = evidence[0];
  const summary = `repeat at ${clock(e?.startFrame ?? 0, rate)}: ${e?.note ?? ''}`;
  // Word overlap alone rests on the recogniser's words and misses a repeat put another way: the coach listens.
  if (evidence.every((x) => x.note === FEW_SAME_WORDS)) return review(`${summary}: listen for whether it is the same answer in other words`, evidence);
  return fail(summary, evidence);
}

/** How far the word count behind a pace can be off: a pace within this share over the limit is needs-review. */
const PACE_UNCERTAINTY = 0.15;

export function maxPace(ctx: RuleContext, p: { wordsPerMinute: number }): RuleResult {
  const turns = spokenWithSpeech(ctx);
  const measured = turns.filter((t) => t.wordsPerMinute !== null);
  if (turns.length > 0 && measured.length === 0) return review('no transcripts to measure the pace from');
  const fast = measured.filter((t) => (t.wordsPerMinute ?? 0) > p.wordsPerMinute);
  const evidence: Evidence[] = fast.map((t) => ({ ...turnSpan(t), stepId: t.stepId, measured: Math.round(t.wordsPerMinute ?? 0), threshold: p.wordsPerMinute, unit: 'wpm', note: 'spoke fast' }));
  if (measured.length === 0) return notApplicable('no spoken answers');
  if (evidence.length === 0) return pass(`pace at most ${Math.max(...measured.map((t) => Math.round(t.wordsPerMinute ?? 0)))} wpm`);
  const summary = `${evidence[0]?.measured ?? 0} words per minute at ${clock(evidence[0]?.startFrame ?? 0, ctx.measures.sampleRate)}`;
  // The pace counts the recogniser's words, which slips can add to: just over the limit is for the coach's ear.
  const clearlyFast = fast.some((t) => (t.wordsPerMinute ?? 0) > p.wordsPerMinute * (1 + PACE_UNCERTAINTY));
  return clearlyFast ? fail(summary, evidence) : review(`${summary}, just over ${p.wordsPerMinute}: listen for whether they rush`, evidence);
}

export function possibleSigh(ctx: RuleContext): RuleResult {
  const rate = ctx.measures.sampleRate;
  const evidence: Evidence[] = ctx.measures.turns.flatMap((t) =>
    t.sighs.map((s) => ({ startFrame: s.start, endFrame: s.end, stepId: t.stepId, measured: round((s.end - s.start) / rate), unit: 's', note: 'breathy sound with no voice: listen for a sigh' })),
  );
  if (evidence.length === 0) return ctx.measures.traineeSpeech.length === 0 ? notApplicable('nothing was said') : pass('no sigh-like sounds');
  return review(`possible sigh at ${clock(evidence[0]?.startFrame ?? 0, rate)}: listen and judge`, evidence);
}
