/**
 * Mixing sounds into a loop buffer: whatever runs past the end wraps around to the start,
 * so the loop plays seamlessly when repeated.
 */
export function addWrapped(loop: Float32Array, at: number, sound: Float32Array, gain = 1): void {
  const n = loop.length;
  if (n === 0) return;
  const start = ((Math.round(at) % n) + n) % n;
  for (let i = 0; i < sound.length; i++) {
    const j = (start + i) % n;
    loop[j] = (loop[j] ?? 0) + gain * (sound[i] ?? 0);
  }
}
