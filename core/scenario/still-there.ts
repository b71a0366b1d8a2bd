import type { RepeatStep, ListenStep, Scenario } from './schema.js';

/**
 * "Hello? Are you still there?": when a listening step times out in silence, the customer says
 * this once, and the trainee gets `waitSeconds` more (from the end of the line) to start
 * answering before the step moves on unanswered. A scenario may word its own line (and clip),
 * or turn it off with `stillThere: false`; a listen or repeat step with `stillThere: false`
 * skips it (e.g. a step whose silence the scenario answers itself).
 */

export const DEFAULT_STILL_THERE_LINE = 'Hello? Are you still there?';
/** The clip a scenario's still-there line plays; a scenario without it gets the shipped default. */
export const DEFAULT_STILL_THERE_CLIP = 'are-you-still-there.wav';
export const DEFAULT_STILL_THERE_WAIT_SECONDS = 5;
/**
 * The shipped default clips: scenarios/audio/_default/ (no scenario id starts with "_"). A
 * scenario without its own still-there clip plays the default one, if it uses the default words.
 */
export const DEFAULT_CLIPS_FOLDER = '_default';
/** A still-there line never takes longer than this; past it the engine stops waiting for its end. */
export const MAX_STILL_THERE_LINE_SECONDS = 30;

export interface StillThereLine {
  readonly caption: string;
  readonly clip: string;
  readonly waitSeconds: number;
  /** True when the scenario words its own line (its clip must exist); false for the default line. */
  readonly authored: boolean;
}

/** The scenario's still-there line, or null when it has none. */
export function stillThereLine(scenario: Pick<Scenario, 'stillThere'>): StillThereLine | null {
  const spec = scenario.stillThere;
  if (spec === false) return null;
  return {
    caption: spec?.say ?? DEFAULT_STILL_THERE_LINE,
    clip: spec?.clip ?? DEFAULT_STILL_THERE_CLIP,
    waitSeconds: spec?.waitSeconds ?? DEFAULT_STILL_THERE_WAIT_SECONDS,
    authored: spec?.say !== undefined && spec.say !== DEFAULT_STILL_THERE_LINE,
  };
}

/** Whether a silent timeout of this listening step asks "are you still there?" (when the scenario has the line). */
export function stepAsksStillThere(step: ListenStep | RepeatStep): boolean {
  return ('listen' in step ? step.listen.stillThere : step.repeat.stillThere) !== false;
}
