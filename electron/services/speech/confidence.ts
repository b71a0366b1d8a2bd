/**
 * A spotted phrase's confidence: how much better the phrase explains its stretch of audio than
 * the free phone loop does (a garbage-model likelihood ratio), per 10 ms frame, in the decoder's
 * log base 1.0001 units, squashed to 0-1 by a logistic.
 *
 * Why not the decoder's own word posteriors: on festival answers they were 0.82-0.98 for phrases
 * actually said and 0.85-0.93 for phrases forced onto other words ("call billing on Monday" decoded
 * as "calm down"), so they do not separate. The ratio does (see tests/bench/spotter.ts for the
 * figures: true hits sit well above FORCED_BELOW, forced ones around or below it).
 */

/** Ratio per frame at which a phrase is as likely said as not (confidence 0.5). */
export const RATIO_MIDPOINT = 15;
/** Ratio per frame over which confidence goes from 0.27 to 0.73. */
export const RATIO_SPREAD = 3;

export function ratioPerFrame(phraseScore: number | null, loopScore: number | null, frames: number): number {
  if (phraseScore === null || loopScore === null || frames <= 0) return -Infinity;
  return (phraseScore - loopScore) / frames;
}

export function confidenceFromRatio(ratio: number): number {
  if (!Number.isFinite(ratio)) return 0;
  return 1 / (1 + Math.exp(-(ratio - RATIO_MIDPOINT) / RATIO_SPREAD));
}
