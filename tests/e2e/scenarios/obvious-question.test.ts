import { beforeAll, describe, expect, it } from 'vitest';
import type { RehearsalResult } from '../../../scripts/rehearse/rehearsal.js';
import { branches, heard, rehearseWith, stepPath, stepsNotReached } from './scenario-runs.js';

// Verified with pocketsphinx on festival us-slt.
const KIND = [
  'Yes, it needs to be plugged in. Put the cable into the USB port on your computer.',
  'Yes, that is right. The cable from the headset goes into the computer, and then you will hear a beep.',
];
const CONDESCENDING = [
  'Obviously it has to be plugged in. Everyone knows that.', // obviously, everyone knows
  'Like I said, you plug the cable into the computer. It is common sense.', // like i said, common sense
];

describe('obvious-question: the same obvious question twice', () => {
  let kind: RehearsalResult;
  let condescending: RehearsalResult;
  beforeAll(async () => {
    kind = await rehearseWith('obvious-question', KIND);
    condescending = await rehearseWith('obvious-question', CONDESCENDING);
  }, 300_000);

  it('stays delighted when answered plainly both times', () => {
    expect(branches(kind), heard(kind)).toEqual(['tone-first -> thanks-first (otherwise)', 'tone-again -> warm-close (otherwise)']);
    expect(stepPath(kind)).toEqual(['ask-plug', 'answer-plug', 'tone-first', 'thanks-first', 'ask-again', 'answer-again', 'tone-again', 'warm-close']);
  });

  it('is hurt by "obviously" and "like I said"', () => {
    expect(branches(condescending), heard(condescending)).toEqual(['tone-first -> hurt-first (rule 0)', 'tone-again -> hurt-close (rule 0)']);
    expect(stepPath(condescending)).toEqual(['ask-plug', 'answer-plug', 'tone-first', 'hurt-first', 'ask-again', 'answer-again', 'tone-again', 'hurt-close']);
  });

  it('reaches every step between the two variants', () => {
    expect(stepsNotReached('obvious-question', [kind, condescending])).toEqual([]);
  });
});
