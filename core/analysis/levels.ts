/** Short-block levels of one channel: the common input of speech detection and loudness. */

/** 10 ms blocks at 16 kHz; the same duration at other rates. */
export const BLOCK_MS = 10;

export function blockFrames(sampleRate: number): number {
  return Math.max(1, Math.round((sampleRate * BLOCK_MS) / 1000));
}

/** RMS level in dBFS of each block of `size` samples (-Infinity for digital silence). */
export function blockLevels(samples: Int16Array, size: number): Float64Array {
  const count = Math.floor(samples.length / size);
  const out = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    let sum = 0;
    const start = b * size;
    for (let i = start; i < start + size; i++) {
      const x = (samples[i] ?? 0) / 32768;
      sum += x * x;
    }
    out[b] = sum === 0 ? -Infinity : 10 * Math.log10(sum / size);
  }
  return out;
}

/** Energy mean of dB values (the level a meter would show over them), or null when empty. */
export function energyMeanDb(dbs: readonly number[]): number | null {
  const finite = dbs.filter((d) => Number.isFinite(d));
  if (finite.length === 0) return null;
  const mean = finite.reduce((sum, d) => sum + 10 ** (d / 10), 0) / finite.length;
  return 10 * Math.log10(mean);
}
