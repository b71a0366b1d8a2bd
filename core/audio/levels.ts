/** Level measurements and scaling of float samples (full scale = 1.0). */

export function rmsDbfs(samples: Float32Array, start = 0, end = samples.length): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += (samples[i] ?? 0) ** 2;
  const n = end - start;
  return n <= 0 || sum === 0 ? -Infinity : 10 * Math.log10(sum / n);
}

export function peakDbfs(samples: Float32Array): number {
  let peak = 0;
  for (const x of samples) peak = Math.max(peak, Math.abs(x));
  return peak === 0 ? -Infinity : 20 * Math.log10(peak);
}

/** Scales `samples` in place by `db` decibels. */
export function applyGainDb<T extends Float32Array>(samples: T, db: number): T {
  const g = 10 ** (db / 20);
  for (let i = 0; i < samples.length; i++) samples[i] = (samples[i] ?? 0) * g;
  return samples;
}
