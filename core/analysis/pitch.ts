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

interface Lag {
  lag: number;
  r: number;
  db: number;
}

/**
 * The best lag of one frame. `centred` and `scores` are scratch buffers reused across frames.
 * Every sum adds the same terms in the same order as the plain formula (the mean is subtracted
 * once per sample instead of once per lag, and the frame's own energy is summed once instead of
 * once per lag), so the result is bit for bit the same as the straightforward version.
 */
function bestLag(x: Float64Array, at: number, size: number, minLag: number, maxLag: number, centred: Float64Array, scores: Float64Array, out: Lag): Lag {
  let energy = 0;
  let mean = 0;
  for (let i = at; i < at + size; i++) mean += x[i] ?? 0;
  mean /= size;
  for (let i = at; i < at + size; i++) energy += ((x[i] ?? 0) - mean) ** 2;
  const db = energy === 0 ? -Infinity : 10 * Math.log10(energy / size);
  out.lag = 0;
  out.r = 0;
  out.db = db;
  if (db < SILENT_DB) return out;
  for (let i = 0; i < size; i++) centred[i] = (x[at + i] ?? 0) - mean;
  const span = size - maxLag;
  let e1 = 0;
  for (let i = 0; i < span; i++) {
    const a = centred[i] as number;
    e1 += a * a;
  }
  // Lags past maxLag are never read (only neighbours of lags below the best one are).
  for (let lag = minLag; lag <= maxLag; lag++) {
    let dot = 0;
    let e2 = 0;
    for (let i = 0; i < span; i++) {
      const b = centred[i + lag] as number;
      dot += (centred[i] as number) * b;
      e2 += b * b;
    }
    const r = e1 > 0 && e2 > 0 ? dot / Math.sqrt(e1 * e2) : 0;
    scores[lag] = r;
    if (r > out.r) {
      out.lag = lag;
      out.r = r;
    }
  }
  // Prefer the shortest lag nearly as good as the best (avoids octave-down errors).
  for (let lag = minLag; lag < out.lag; lag++) {
    const r = scores[lag] ?? 0;
    if (r > 0.9 * out.r && r >= (scores[lag - 1] ?? 0) && r >= (scores[lag + 1] ?? 0)) {
      out.lag = lag;
      out.r = r;
      return out;
    }
  }
  return out;
}

/** Frame and hop of the tracker at half the channel's rate, in half-rate samples. */
function geometry(sampleRate: number) {
  const rate = sampleRate / 2;
  return { rate, size: Math.round((rate * FRAME_MS) / 1000), hop: Math.round((rate * HOP_MS) / 1000) };
}

/** Where trackPitch's frames over [start, end) start, and how many file frames each covers. */
export function pitchFrameGrid(start: number, end: number, sampleRate: number): { readonly starts: number[]; readonly frames: number } {
  const { size, hop } = geometry(sampleRate);
  const halfLength = Math.max(0, Math.floor((end - start) / 2));
  const starts: number[] = [];
  for (let at = 0; at + size <= halfLength; at += hop) starts.push(start + 2 * at);
  return { starts, frames: 2 * size };
}

/** Pitch frames over [start, end) of a channel. */
export function trackPitch(samples: Int16Array, start: number, end: number, sampleRate: number): PitchFrame[] {
  const { rate, size, hop } = geometry(sampleRate);
  const x = halfRate(samples, start, end);
  const minLag = Math.floor(rate / PITCH_MAX_HZ);
  const maxLag = Math.ceil(rate / PITCH_MIN_HZ);
  const out: PitchFrame[] = [];
  const centred = new Float64Array(size);
  // Index minLag - 1 stays 0: the shortest lag's left neighbour.
  const scores = new Float64Array(maxLag + 2);
  const best: Lag = { lag: 0, r: 0, db: 0 };
  for (let at = 0; at + size <= x.length; at += hop) {
    const { lag, r, db } = bestLag(x, at, size, minLag, maxLag, centred, scores, best);
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
