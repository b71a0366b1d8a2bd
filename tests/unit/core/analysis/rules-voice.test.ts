import { describe, expect, it } from 'vitest';
import type { TurnMeasure } from '../../../../core/analysis/measure.js';
import type { RuleContext } from '../../../../core/analysis/rule-context.js';
import { maxPace, repeatsConsistent } from '../../../../core/analysis/rules-voice.js';

const RATE = 16_000;

/** A spoken answer of ten seconds at the given pace. */
function turn(wordsPerMinute: number, at: number, text = 'an answer', repeatOf: string | null = null): TurnMeasure {
  const start = at * RATE;
  return {
    stepId: `answer-${at}`, repeatOf, kind: 'spoken', invitedFrame: start - RATE, endedFrame: start + 11 * RATE,
    segments: [{ start, end: start + 10 * RATE }], speech: { start, end: start + 10 * RATE },
    latencySeconds: 1, loudnessDb: -20, pitch: { medianHz: null, voicedShare: 0 }, words: text.split(' '), wordsPerMinute,
    talkOver: [], silences: [], sighs: [], text, transcribed: true,
  } as unknown as TurnMeasure; // only the fields maxPace reads matter here
}

const ctx = (paces: number[]) => ({ measures: { sampleRate: RATE, turns: paces.map((p, i) => turn(p, 20 * (i + 1))) } }) as unknown as RuleContext;

describe('maxPace (patience/not-rushing)', () => {
  const limit = { wordsPerMinute: 240 };

  it('passes a calm pace and names the fastest answer', () => {
    expect(maxPace(ctx([180, 205]), limit)).toMatchObject({ status: 'pass', summary: 'pace at most 205 wpm' });
  });

  it('sends a pace just over the limit to the coach: the word count may hold a recogniser slip', () => {
    const result = maxPace(ctx([180, 253]), limit);
    expect(result.status).toBe('needs-review');
    expect(result.summary).toBe('253 words per minute at 0:40.0, just over 240: listen for whether they rush');
    expect(result.evidence).toMatchObject([{ measured: 253, threshold: 240, unit: 'wpm' }]);
  });

  it('fails a pace well over the limit', () => {
    expect(maxPace(ctx([180, 310]), limit)).toMatchObject({ status: 'fail', summary: '310 words per minute at 0:40.0' });
  });
});

describe('repeatsConsistent (patience/repeats-in-full)', () => {
  const limits = { minLengthRatio: 0.6, minContentOverlap: 0.4, maxPaceRise: 0.25, maxLoudnessRiseDb: 6 };
  const first = turn(180, 20, 'i enjoy helping people and solving their problems calmly');
  const call = (again: TurnMeasure) => ({ measures: { sampleRate: RATE, turns: [first, again] } }) as unknown as RuleContext;

  it('sends a repeat of the same length in other words to the coach, not to a fail', () => {
    const result = repeatsConsistent(call(turn(180, 40, 'what i like most is sorting things out for folks who are stuck', first.stepId)), limits);
    expect(result.status).toBe('needs-review');
    expect(result.summary).toBe('repeat at 0:40.0: says little of what the first answer said: listen for whether it is the same answer in other words');
  });

  it('fails a repeat that is also faster, with both reasons as evidence', () => {
    const result = repeatsConsistent(call(turn(300, 40, 'what i like most is sorting things out for folks who are stuck', first.stepId)), limits);
    expect(result.status).toBe('fail');
    expect(result.evidence.map((e) => e.note)).toEqual(['says little of what the first answer said', 'faster than the first answer (300 vs 180 wpm)']);
  });

  it('passes the same answer again', () => {
    expect(repeatsConsistent(call(turn(185, 40, 'i enjoy helping people and solving their problems', first.stepId)), limits).status).toBe('pass');
  });
});
