/**
 * A simple autocorrelation pitch tracker. The signal is halved in rate (pairs averaged, a mild
 * low-pass) to keep it cheap; each 40 ms frame, every 20 ms, gets the lag with the highest
 * normalised autocorrelation in the speaking range.
 */
export const PITCH_MIN_HZ = 70;
export const PITCH_MAX_HZ = 400;
const FRAME_MS = 40;
const HOP_MS = 20;
/** Normalised autocorrelation above this counts as voiced (periodic). */
export const VOICED_PERIODICITY = 0.5;
/** Frames quieter than this (dBFS) are not tracked. */
const SILENT_DB = -55;

export interface PitchFrame {
  /** File frame of the analysis frame's start. */
  readonly frame: number;
  readonly frames: number;
  readonly db: number;
  /** Best normalised autocorrelation in the pitch range (0..1): how periodic the sound is. */
  readonly periodicity: number;
  /** Fundamental frequency in Hz when voiced, else null. */
  readonly f0: number | null;
}

function halfRate(samples: Int16Array, start: number, end: number): Float64Array {
  const n = Math.max(0, Math.floor((end - start) / 2));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = ((samples[start + 2 * i] ?? 0) + (samples[start + 2 * i + 1] ?? 0)) / 65536;
  return out;
}

function bestLag(x: Float64Array, at: number, size: number, minLag: number, maxLag: number): { lag: number; r: number; db: number } {
  let energy = 0;
  let mean = 0;
  for (let i = at; i < at + size; i++) mean += x[i] ?? 0;
  mean /= size;
  for (let i = at; i < at + size; i++) energy += ((x[i] ?? 0) - mean) ** 2;
  const db = energy === 0 ? -Infinity : 10 * Math.log10(energy / size);
  if (db < SILENT_DB) return { lag: 0, r: 0, db };
  const span = size - maxLag;
  let best = { lag: 0, r: 0, db };
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
    if (lag <= maxLag && r > best.r) best = { lag, r, db };
  }
  // Prefer the shortest lag nearly as good as the best (avoids octave-down errors).
  for (let lag = minLag; lag < best.lag; lag++) {
    const r = scores[lag] ?? 0;
    if (r > 0.9 * best.r && r >= (scores[lag - 1] ?? 0) && r >= (scores[lag + 1] ?? 0)) return { lag, r, db };
  }
  return best;
}

/** Pitch frames over [start, end) of a channel. */
export function trackPitch(samples: Int16Array, start: number, end: number, sampleRate: number): PitchFrame[] {
  const rate = sampleRate / 2;
  const x = halfRate(samples, start, end);
  const size = Math.round((rate * FRAME_MS) / 1000);
  const hop = Math.round((rate * HOP_MS) / 1000);
  const minLag = Math.floor(rate / PITCH_MAX_HZ);
  const maxLag = Math.ceil(rate / PITCH_MIN_HZ);
  const out: PitchFrame[] = [];
  for (let at = 0; at + size <= x.length; at += hop) {
    const { lag, r, db } = bestLag(x, at, size, minLag, maxLag);
    const f0 = r >= VOICED_PERIODICITY && lag > 0 ? rate / lag : null;
    out.push({ frame: start + 2 * at, frames: 2 * size, db, periodicity: Math.max(0, r), f0 });
  }
  return out;
}

export interface PitchSummary {
  /** Median f0 of the voiced frames, Hz. */
  readonly medianHz: number | null;
  /** Spread between the 10th and 90th percentile f0, in semitones. */
  readonly rangeSemitones: number | null;
  readonly voicedFrames: number;
}

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))));
  return sorted[i] ?? 0;
}

export function summarizePitch(frames: readonly PitchFrame[]): PitchSummary {
  const f0s = frames.flatMap((f) => (f.f0 === null ? [] : [f.f0])).sort((a, b) => a - b);
  if (f0s.length < 3) return { medianHz: null, rangeSemitones: null, voicedFrames: f0s.length };
  const low = percentile(f0s, 0.1);
  const high = percentile(f0s, 0.9);
  return { medianHz: percentile(f0s, 0.5), rangeSemitones: 12 * Math.log2(high / low), voicedFrames: f0s.length };
}

export function semitonesBetween(fromHz: number, toHz: number): number {
  return 12 * Math.log2(toHz / fromHz);
}
