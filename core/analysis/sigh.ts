import type { PitchFrame } from './pitch.js';
import type { Segment } from './speech-segments.js';

/**
 * A possible sigh or exasperated exhale: a run of breathy sound (loud enough to be heard, but
 * with no pitch) at least `minSeconds` long. Speech has unvoiced sounds too ("s", "f"), but
 * they last a tenth of a second or two; a sigh lasts half a second or more. Only ever a flag
 * for the coach.
 */
export function possibleSighs(frames: readonly PitchFrame[], sampleRate: number, minSeconds: number, minDb = -50): Segment[] {
  const out: Segment[] = [];
  let run: { start: number; end: number } | null = null;
  const breathy = (f: PitchFrame) => f.db > minDb && f.f0 === null && f.periodicity < 0.4;
  for (const f of frames) {
    if (breathy(f)) {
      const hopEnd = f.frame + f.frames / 2;
      if (run) run.end = hopEnd;
      else run = { start: f.frame, end: hopEnd };
      continue;
    }
    if (run && run.end - run.start >= minSeconds * sampleRate) out.push(run);
    run = null;
  }
  if (run && run.end - run.start >= minSeconds * sampleRate) out.push(run);
  return out;
}
