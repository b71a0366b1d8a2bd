import type { Step } from './schema.js';

/** Whether the customer keeps typing during this step's listen (listen and repeat steps). */
export function typingNoiseOf(step: Step): boolean {
  if ('listen' in step) return step.listen.typingNoise;
  if ('repeat' in step) return step.repeat.typingNoise;
  return false;
}
