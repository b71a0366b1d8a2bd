import { beforeAll, describe, expect, it } from 'vitest';
import type { RehearsalResult } from '../../../scripts/rehearse/rehearsal.js';
import { branches, eventTrail, heard, rehearseTalkingOver, rehearseWith, SILENCE, stepPath, stepsNotReached } from './scenario-runs.js';

// Verified with pocketsphinx on festival us-slt: the phrases in the comments are heard.
const RESPECTFUL = [
  'I am so sorry, you are right, that should not have happened. I can see both payments here.', // sorry, i can see
  'I will refund the second payment today. You will see the money back within three working days.', // refund, today, working days
];
/** Starts 2 s before the end of her opening line and runs on past it. */
const TALKING_OVER = 'Yes, yes, I know. Just calm down, please.';
const RUDE = [
  SILENCE, // the talk-over above is the answer to first-answer
  'Calm down. You must have paid it twice yourself.', // calm down (respect checklist), you must have
  'It is not our fault. There is nothing I can do.', // not our fault, nothing i can do (respect checklist)
];

describe('angry-caller: escalates or calms down, as the branches decide', () => {
  let respectful: RehearsalResult;
  let respectfulAgain: RehearsalResult;
  let rude: RehearsalResult;
  beforeAll(async () => {
    respectful = await rehearseWith('angry-caller', RESPECTFUL);
    respectfulAgain = await rehearseWith('angry-caller', RESPECTFUL);
    rude = await rehearseTalkingOver('angry-caller', 'open', TALKING_OVER, RUDE);
  }, 420_000);

  it('calms down when acknowledged and given a concrete next step', () => {
    // Rule 2 of read-first is "respect/acknowledges passes", rule 1 of read-second "respect/gives-next-step passes".
    expect(branches(respectful), heard(respectful)).toEqual(['read-first -> softer (rule 2)', 'read-second -> calm-close (rule 1)']);
    expect(stepPath(respectful)).toEqual(['open', 'first-answer', 'read-first', 'softer', 'second-answer', 'read-second', 'calm-close']);
  });

  it('cuts in when talked over, then escalates when told to calm down and blamed', () => {
    expect(rude.detail.events.some((e) => e.type === 'talked-over' && e.stepId === 'open')).toBe(true);
    expect(branches(rude), heard(rude)).toEqual([
      'read-first -> cut-in (rule 0)',
      'read-first -> escalate (rule 1)',
      'read-second -> hang-up-angry (rule 0)',
    ]);
    expect(stepPath(rude)).toEqual([
      'open', 'first-answer', 'read-first', 'cut-in', 'first-answer', 'read-first', 'escalate', 'second-answer', 'read-second', 'hang-up-angry',
    ]);
  });

  it('reaches every step between the two variants', () => {
    expect(stepsNotReached('angry-caller', [respectful, rude])).toEqual([]);
  });

  it('gives the same path and event sequence for the same answers twice', () => {
    expect(stepPath(respectfulAgain)).toEqual(stepPath(respectful));
    expect(eventTrail(respectfulAgain.detail.events)).toEqual(eventTrail(respectful.detail.events));
  });
});
