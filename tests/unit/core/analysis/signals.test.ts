import { describe, expect, it } from 'vitest';
import { blockLevels, energyMeanDb } from '../../../../core/analysis/levels.js';
import { summarizePitch, trackPitch } from '../../../../core/analysis/pitch.js';
import { possibleSighs } from '../../../../core/analysis/sigh.js';
import { activeSegments, gaps, overlaps, speechSegments } from '../../../../core/analysis/speech-segments.js';
import { readWav } from '../../../../electron/services/session/wav.js';
import { speech } from '../../../../scripts/rehearse/speech.js';
import { speechBounds } from '../../../support/synthetic-session.js';

const RATE = 16_000;
const BLOCK = 160;

function sine(hz: number, seconds: number, amplitude = 8000): Int16Array {
  return Int16Array.from({ length: Math.round(seconds * RATE) }, (_, i) => Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / RATE)));
}

/** Deterministic noise (a linear congruential generator), shaped by a rising-and-falling envelope. */
function breath(seconds: number, amplitude = 3000): Int16Array {
  let seed = 7;
  const n = Math.round(seconds * RATE);
  return Int16Array.from({ length: n }, (_, i) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return Math.round(((seed / 0x7fffffff) * 2 - 1) * amplitude * Math.sin((Math.PI * i) / n));
  });
}

function at(parts: readonly [number, Int16Array][], seconds: number): Int16Array {
  const out = new Int16Array(Math.round(seconds * RATE));
  for (const [start, clip] of parts) out.set(clip, Math.round(start * RATE));
  return out;
}

describe('levels and speech segments', () => {
  it('measures a -12 dBFS sine as about -12 dB in every block', () => {
    const levels = blockLevels(sine(200, 1, Math.round(32768 * 10 ** (-12 / 20) * Math.SQRT2)), BLOCK);
    expect(levels).toHaveLength(100);
    for (const db of levels) expect(db).toBeCloseTo(-12, 0);
    expect(energyMeanDb([-12, -12])).toBeCloseTo(-12, 6);
    expect(energyMeanDb([])).toBeNull();
  });

  it('finds tone bursts where they are, to the block', () => {
    const signal = at([[1, sine(180, 1.5)], [4, sine(220, 0.8)]], 6);
    const segments = speechSegments(blockLevels(signal, BLOCK), BLOCK, RATE);
    expect(segments).toHaveLength(2);
    expect(Math.abs((segments[0]?.start ?? 0) - RATE)).toBeLessThanOrEqual(BLOCK);
    expect(Math.abs((segments[0]?.end ?? 0) - 2.5 * RATE)).toBeLessThanOrEqual(BLOCK);
    expect(Math.abs((segments[1]?.start ?? 0) - 4 * RATE)).toBeLessThanOrEqual(BLOCK);
  });

  it('finds festival speech onsets within 30 ms of the first loud sample', () => {
    for (const voice of ['us-slt', 'kal'] as const) {
      const clip = readWav(speech('Thank you for holding, I found your order.', voice)).samples[0] ?? new Int16Array(0);
      const signal = at([[1, clip]], 2 + clip.length / RATE);
      const segments = speechSegments(blockLevels(signal, BLOCK), BLOCK, RATE);
      const truth = speechBounds(clip);
      expect(segments.length).toBeGreaterThanOrEqual(1);
      expect(Math.abs((segments[0]?.start ?? 0) - (RATE + truth.start)) / RATE).toBeLessThanOrEqual(0.03);
      expect(Math.abs((segments.at(-1)?.end ?? 0) - (RATE + truth.end)) / RATE).toBeLessThanOrEqual(0.1);
    }
  });

  it('computes overlaps and gaps of segment lists', () => {
    const a = [{ start: 0, end: 100 }, { start: 200, end: 300 }];
    const b = [{ start: 50, end: 250 }];
    expect(overlaps(a, b)).toEqual([{ start: 50, end: 100 }, { start: 200, end: 250 }]);
    expect(gaps([...a, ...b], 0, 400)).toEqual([{ start: 300, end: 400 }]);
    expect(gaps([], 10, 20)).toEqual([{ start: 10, end: 20 }]);
  });

  it('bridges short dips on the clean customer channel', () => {
    const signal = at([[0.5, sine(200, 0.5)], [1.1, sine(200, 0.5)], [3, sine(200, 0.2)]], 4);
    const segments = activeSegments(blockLevels(signal, BLOCK), BLOCK, RATE);
    expect(segments.map((s) => [s.start / RATE, s.end / RATE])).toEqual([[0.5, 1.6], [3, 3.2]]);
  });
});

describe('pitch', () => {
  it.each([110, 160, 240])('tracks a %i Hz tone within 3 %', (hz) => {
    const summary = summarizePitch(trackPitch(sine(hz, 1), 0, RATE, RATE));
    expect(summary.medianHz).not.toBeNull();
    expect(Math.abs((summary.medianHz ?? 0) - hz) / hz).toBeLessThan(0.03);
    expect(summary.rangeSemitones).toBeLessThan(0.5);
  });

  it('finds a wide range in a glide and none in noise', () => {
    const glide = Int16Array.from({ length: RATE }, (_, i) => {
      const t = i / RATE;
      return Math.round(8000 * Math.sin(2 * Math.PI * (120 * t + 60 * t * t)));
    });
    expect(summarizePitch(trackPitch(glide, 0, RATE, RATE)).rangeSemitones).toBeGreaterThan(6);
    expect(summarizePitch(trackPitch(breath(1), 0, RATE, RATE)).medianHz).toBeNull();
  });

  it('puts the female festival voice above the male one', () => {
    const text = 'I enjoy helping people solve their problems.';
    const hz = (['us-slt', 'kal'] as const).map((voice) => {
      const clip = readWav(speech(text, voice)).samples[0] ?? new Int16Array(0);
      return summarizePitch(trackPitch(clip, 0, clip.length, RATE)).medianHz ?? 0;
    });
    expect(hz[0]).toBeGreaterThan(140);
    expect(hz[1]).toBeLessThan(140);
    expect(hz[1]).toBeGreaterThan(70);
  });
});

describe('possible sighs', () => {
  it('flags a long breathy exhale but not festival speech or a short hiss', () => {
    const exhale = at([[0.5, breath(0.9)]], 2);
    const frames = trackPitch(exhale, 0, exhale.length, RATE);
    const sighs = possibleSighs(frames, RATE, 0.35);
    expect(sighs).toHaveLength(1);
    expect((sighs[0]?.start ?? 0) / RATE).toBeGreaterThan(0.5);
    expect((sighs[0]?.end ?? 0) / RATE).toBeLessThan(1.45);

    const hiss = at([[0.5, breath(0.2)]], 1);
    expect(possibleSighs(trackPitch(hiss, 0, hiss.length, RATE), RATE, 0.35)).toEqual([]);

    for (const voice of ['us-slt', 'kal'] as const) {
      const clip = readWav(speech('Sure, I said that I really enjoy helping customers with their questions.', voice)).samples[0] ?? new Int16Array(0);
      expect(possibleSighs(trackPitch(clip, 0, clip.length, RATE), RATE, 0.35)).toEqual([]);
    }
  });
});
