import { describe, expect, it } from 'vitest';
import { peakDbfs, rmsDbfs } from '../../../../core/audio/levels.js';
import { TYPING_NOISE_LOOP_SECONDS, TYPING_NOISE_PEAK_DBFS, typingNoiseLoop, typingNoiseSeed, typingRhythm } from '../../../../core/audio/typing-noise.js';
import { largestStep } from './loop-checks.js';

const SR = 16_000;
const seed = typingNoiseSeed('not-listening', 'answer');

describe('typing noise made by the app', () => {
  const noise = typingNoiseLoop(SR, seed);

  it('is the same, sample for sample, for the same step, and different for another step', () => {
    expect(typingNoiseLoop(SR, seed)).toEqual(noise);
    expect(typingNoiseSeed('not-listening', 'answer')).toBe(seed);
    expect(typingNoiseLoop(SR, typingNoiseSeed('not-listening', 'again'))).not.toEqual(noise);
  });

  it('is loud clicks on quiet gaps: peak -8 dBFS, sparse overall level', () => {
    expect(noise.length).toBe(TYPING_NOISE_LOOP_SECONDS * SR);
    expect(peakDbfs(noise)).toBeCloseTo(TYPING_NOISE_PEAK_DBFS, 3);
    expect(rmsDbfs(noise)).toBeGreaterThan(-45);
    expect(rmsDbfs(noise)).toBeLessThan(-28);
  });

  it('types like a person: irregular key intervals, words ended by the space bar, some pauses', () => {
    const strokes = typingRhythm(seed);
    const gaps = strokes.slice(1).map((s, i) => s.at - (strokes[i]?.at ?? 0));
    const perSecond = strokes.length / TYPING_NOISE_LOOP_SECONDS;
    expect(perSecond).toBeGreaterThan(2.5);
    expect(perSecond).toBeLessThan(8);
    expect(new Set(gaps.map((g) => Math.round(g * 1000))).size).toBeGreaterThan(gaps.length * 0.8);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(0.08);
    expect(gaps.some((g) => g > 0.6)).toBe(true);
    const spaces = strokes.filter((s) => s.key === 'space').length;
    expect(spaces).toBeGreaterThan(3);
    expect(spaces).toBeLessThan(strokes.length / 2);
  });

  it('is heard at each keystroke and silent between them', () => {
    const ms = SR / 1000;
    for (const stroke of typingRhythm(seed)) {
      const at = Math.round(stroke.at * SR);
      expect(rmsDbfs(noise, at, at + 10 * ms), `stroke at ${stroke.at.toFixed(3)} s`).toBeGreaterThan(-40);
    }
    // The longest pause is silent in its middle.
    const strokes = typingRhythm(seed);
    const pause = strokes.slice(1).map((s, i) => ({ from: strokes[i]?.at ?? 0, to: s.at })).sort((a, b) => b.to - b.from - (a.to - a.from))[0];
    if (!pause) throw new Error('the typist pauses');
    const mid = Math.round(((pause.from + pause.to) / 2) * SR);
    expect(rmsDbfs(noise, mid - 50 * ms, mid + 50 * ms)).toBe(-Infinity);
  });

  it('loops without a click', () => {
    const wrap = Math.abs((noise[0] ?? 0) - (noise[noise.length - 1] ?? 0));
    expect(wrap).toBeLessThanOrEqual(largestStep(noise));
  });
});
