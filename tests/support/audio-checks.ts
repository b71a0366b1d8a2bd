/** Signal measurements for end-to-end assertions on recorded audio. */

export function rmsDb(samples: Int16Array | Float32Array, start: number, end: number): number {
  const scale = samples instanceof Int16Array ? 32768 : 1;
  let sum = 0;
  let n = 0;
  for (let i = Math.max(0, start); i < Math.min(samples.length, end); i++) {
    const x = (samples[i] ?? 0) / scale;
    sum += x * x;
    n++;
  }
  return n === 0 ? -Infinity : 10 * Math.log10(sum / n || 1e-20);
}

/**
 * Finds where `reference` sits in `signal` near `expectedStart` (within ±maxLag frames):
 * the lag with the highest normalised correlation over the reference's first `span` frames.
 */
export function alignment(signal: Int16Array, reference: Int16Array, expectedStart: number, maxLag: number, span = 16_000): { lag: number; correlation: number } {
  const n = Math.min(span, reference.length);
  let refEnergy = 0;
  for (let i = 0; i < n; i++) refEnergy += (reference[i] ?? 0) ** 2;
  let best = { lag: 0, correlation: -Infinity };
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    const at = expectedStart + lag;
    let dot = 0;
    let sigEnergy = 0;
    for (let i = 0; i < n; i++) {
      const s = signal[at + i] ?? 0;
      dot += s * (reference[i] ?? 0);
      sigEnergy += s * s;
    }
    const c = dot / Math.sqrt(refEnergy * sigEnergy || 1);
    if (c > best.correlation) best = { lag, correlation: c };
  }
  return best;
}

/** Frames of `total` not covered by any window (each widened by `margin`). */
export function outsideWindows(total: number, windows: readonly [number, number][], margin: number): [number, number][] {
  const sorted = [...windows].map(([a, b]) => [Math.max(0, a - margin), b + margin] as [number, number]).sort((x, y) => x[0] - y[0]);
  const gaps: [number, number][] = [];
  let cursor = 0;
  for (const [a, b] of sorted) {
    if (a > cursor) gaps.push([cursor, a]);
    cursor = Math.max(cursor, b);
  }
  if (cursor < total) gaps.push([cursor, total]);
  return gaps;
}
