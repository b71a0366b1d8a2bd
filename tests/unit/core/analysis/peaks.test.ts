import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, computePeaks, peakEnvelopes, peakValues, PEAK_SCALE, WaveformPeaksSchema } from '../../../../core/analysis/peaks.js';
import { speechBounds } from '../../../support/synthetic-session.js';
import { clipOf, voice } from './session-fixtures.js';

const RATE = 16_000;

/** A two-channel recording from real audio: a scenario clip on channel 0, festival speech on channel 1 after it. */
function recording(): { customer: Int16Array; trainee: Int16Array; line: Int16Array; answer: Int16Array; answerAt: number } {
  const line = clipOf('not-listening', 'ask-why');
  const answer = voice('I enjoy helping people solve their problems.');
  const answerAt = line.length + RATE;
  const length = answerAt + answer.length + RATE;
  const customer = new Int16Array(length);
  customer.set(line, 0);
  const trainee = new Int16Array(length);
  trainee.set(answer, answerAt);
  return { customer, trainee, line, answer, answerAt };
}

const extreme = (samples: Int16Array, pick: (a: number, b: number) => number) => samples.reduce((m, v) => pick(m, v), 0);

describe('waveform peaks', () => {
  it('summarises each channel in 10 ms min/max pairs that match the decoded audio', () => {
    const r = recording();
    const peaks = WaveformPeaksSchema.parse(computePeaks([r.customer, r.trainee], RATE));
    expect(peaks.framesPerPeak).toBe(160);
    expect(peaks.durationFrames).toBe(r.customer.length);
    expect(peaks.peakCount).toBe(Math.ceil(r.customer.length / 160));
    const [customer, trainee] = peakValues(peaks);
    if (!customer || !trainee) throw new Error('two channels expected');

    // The loudest peak of each channel is the loudest sample, to the 8-bit step.
    const step = 1 / PEAK_SCALE;
    expect(Math.max(...customer.max)).toBeCloseTo(extreme(r.line, Math.max) / 32767, 1);
    expect(Math.abs(Math.max(...customer.max) - extreme(r.line, Math.max) / 32767)).toBeLessThanOrEqual(step);
    expect(Math.abs(Math.min(...trainee.min) - extreme(r.answer, Math.min) / 32767)).toBeLessThanOrEqual(step);

    // Where the answer's speech is, the trainee lane has signal; the customer lane is silent there, and vice versa.
    const speech = speechBounds(r.answer);
    const mid = Math.floor((r.answerAt + (speech.start + speech.end) / 2) / 160);
    const window = (v: Float32Array, from: number, to: number) => Math.max(...v.slice(from, to).map(Math.abs));
    expect(window(trainee.max, mid - 20, mid + 20)).toBeGreaterThan(0.02);
    expect(window(customer.max, mid - 20, mid + 20)).toBe(0);
    expect(window(trainee.max, 0, Math.floor(r.line.length / 160))).toBe(0);
    // Silence after the answer stays flat.
    expect(window(trainee.max, peaks.peakCount - 50, peaks.peakCount)).toBe(0);
    expect(window(trainee.min, peaks.peakCount - 50, peaks.peakCount)).toBe(0);
  });

  it('gives the same text for the same audio, and stays small for a long call', () => {
    const r = recording();
    expect(JSON.stringify(computePeaks([r.customer, r.trainee], RATE))).toBe(JSON.stringify(computePeaks([r.customer, r.trainee], RATE)));
    // 30 minutes of two channels: 2 x 2 x 180,000 bytes as base64.
    const long = new Int16Array(30 * 60 * RATE);
    for (let i = 0; i < long.length; i += r.answer.length) long.set(r.answer.subarray(0, Math.min(r.answer.length, long.length - i)), i);
    const size = JSON.stringify(computePeaks([long, long], RATE)).length;
    expect(size).toBeLessThan(1_000_000);
  });

  it('round-trips base64 of every byte value and length', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 255, 256]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37) & 255);
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect([...base64ToBytes(text)]).toEqual([...bytes]);
    }
  });

  it('gives each lane the envelope a drawing mirrors: the larger of |min| and |max|', () => {
    const r = recording();
    const peaks = computePeaks([r.customer, r.trainee], RATE);
    const values = peakValues(peaks);
    const envelopes = peakEnvelopes(peaks);
    expect(envelopes).toHaveLength(2);
    envelopes.forEach((env, lane) => {
      const v = values[lane];
      if (!v) throw new Error('lane missing');
      for (let i = 0; i < env.length; i += 97) expect(env[i]).toBeCloseTo(Math.max(v.max[i] ?? 0, -(v.min[i] ?? 0)), 6);
    });
  });

  it('refuses a file whose peak arrays do not match its count', () => {
    const peaks = computePeaks([new Int16Array(1600)], RATE);
    expect(() => peakValues({ ...peaks, peakCount: 11 })).toThrow(/expected 11/);
  });
});
