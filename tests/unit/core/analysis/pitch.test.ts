import { describe, expect, it } from 'vitest';
import { PITCH_MAX_HZ, PITCH_MIN_HZ, pitchFrameGrid, trackPitch, VOICED_PERIODICITY, type PitchFrame } from '../../../../core/analysis/pitch.js';
import { voice } from './session-fixtures.js';

/**
 * The tracker written out plainly (as it was before it was made faster): every lag subtracts the
 * mean again and sums both energies again. The fast tracker must give exactly these frames.
 */
function plainTrackPitch(samples: Int16Array, start: number, end: number, sampleRate: number): PitchFrame[] {
  const rate = sampleRate / 2;
  const n = Math.max(0, Math.floor((end - start) / 2));
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = ((samples[start + 2 * i] ?? 0) + (samples[start + 2 * i + 1] ?? 0)) / 65536;
  const size = Math.round((rate * 40) / 1000);
  const hop = Math.round((rate * 20) / 1000);
  const minLag = Math.floor(rate / PITCH_MAX_HZ);
  const maxLag = Math.ceil(rate / PITCH_MIN_HZ);
  const out: PitchFrame[] = [];
  for (let at = 0; at + size <= x.length; at += hop) {
    let mean = 0;
    let energy = 0;
    for (let i = at; i < at + size; i++) mean += x[i] ?? 0;
    mean /= size;
    for (let i = at; i < at + size; i++) energy += ((x[i] ?? 0) - mean) ** 2;
    const db = energy === 0 ? -Infinity : 10 * Math.log10(energy / size);
    let best = { lag: 0, r: 0 };
    if (db >= -55) {
      const span = size - maxLag;
      const scores = new Float64Array(maxLag + 2);
      for (let lag = minLag; lag <= maxLag + 1; lag++) {
        let dot = 0;
        let e1 = 0;
        let e2 = 0;
        for (let i = at; i < at + span; i++) {
          const a = (x[i] ?? 0) - mean;
          const b = (x[i + lag] ?? 0) - mean;
          dot += a * b;
          e1 += a * a;
          e2 += b * b;
        }
        const r = e1 > 0 && e2 > 0 ? dot / Math.sqrt(e1 * e2) : 0;
        scores[lag] = r;
        if (lag <= maxLag && r > best.r) best = { lag, r };
      }
      for (let lag = minLag; lag < best.lag; lag++) {
        const r = scores[lag] ?? 0;
        if (r > 0.9 * best.r && r >= (scores[lag - 1] ?? 0) && r >= (scores[lag + 1] ?? 0)) {
          best = { lag, r };
          break;
        }
      }
    }
    const f0 = best.r >= VOICED_PERIODICITY && best.lag > 0 ? rate / best.lag : null;
    out.push({ frame: start + 2 * at, frames: 2 * size, db, periodicity: Math.max(0, best.r), f0 });
  }
  return out;
}

/** Frames as exact text (-Infinity and the last bit of every number included). */
const exact = (frames: readonly PitchFrame[]) => frames.map((f) => [f.frame, f.frames, String(f.db), String(f.periodicity), String(f.f0)].join(' '));

describe('trackPitch', () => {
  const speech = voice('I do apologise, let me look into that for you right away.');
  let seed = 7;
  const noisy = Int16Array.from({ length: 24_000 }, (_, i) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.round(9000 * Math.sin((2 * Math.PI * 150 * i) / 16_000) + (seed / 2147483648 - 0.5) * 6000);
  });

  it('gives exactly the frames of the plain formula on speech, noise and silence, from any start', () => {
    for (const start of [0, 1, 2, 1001]) {
      const fast = trackPitch(speech, start, speech.length - 3, 16_000);
      expect(fast.some((f) => f.f0 !== null)).toBe(true);
      expect(fast.some((f) => f.db === -Infinity || f.f0 === null)).toBe(true);
      expect(exact(fast)).toEqual(exact(plainTrackPitch(speech, start, speech.length - 3, 16_000)));
    }
    expect(exact(trackPitch(noisy, 5, noisy.length, 16_000))).toEqual(exact(plainTrackPitch(noisy, 5, noisy.length, 16_000)));
  });

  it('gives exactly the plain frames at other sample rates too', () => {
    for (const rate of [8000, 22_050, 44_100]) expect(exact(trackPitch(noisy, 0, noisy.length, rate))).toEqual(exact(plainTrackPitch(noisy, 0, noisy.length, rate)));
  });

  it('puts its frames where pitchFrameGrid says', () => {
    const frames = trackPitch(speech, 17, 9000, 16_000);
    const grid = pitchFrameGrid(17, 9000, 16_000);
    expect(frames.map((f) => f.frame)).toEqual(grid.starts);
    expect(frames.every((f) => f.frames === grid.frames)).toBe(true);
  });
});
