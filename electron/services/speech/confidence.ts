/**
 * A spotted phrase's confidence: how much better the phrase explains its stretch of audio than
 * the free phone loop does (a garbage-model likelihood ratio), per 10 ms frame, in the decoder's
 * log base 1.0001 units, squashed to 0-1 by a logistic.
 *
 * Why not the decoder's own word posteriors: on festival answers they were 0.82-0.98 for phrases
 * actually said and 0.85-0.93 for phrases forced onto other words ("call billing on Monday" decoded
 * as "calm down"), so they do not separate at all. The ratio separates partly: measured on the bench
 * (tests/bench/spotter.ts, 2 festival voices x clean / telephone / 15 dB noise, 162 phrases said),
 * true hits mean 0.87 (clean 0.92), forced hits mean 0.49 (n=11), AUC 0.84 clean, 0.74 telephone;
 * forced hits that sound close ("call billing" as "calm down") still reach 0.97. Most forced
 * matches never appear at all: the phone loop wins the first pass. Treat < 0.7 as needs-review.
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
