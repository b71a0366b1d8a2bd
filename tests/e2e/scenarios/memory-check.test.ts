import { beforeAll, describe, expect, it } from 'vitest';
import type { RehearsalResult } from '../../../scripts/rehearse/rehearsal.js';
import { branches, heard, rehearseWith, stepPath, stepsNotReached } from './scenario-runs.js';

// Verified with pocketsphinx on festival us-slt: "price", "five five eight one two" and
// "third of june" are heard exactly; "brown", "five five two eight one" and "fourth of june" too.
const EARLY = ['I am so sorry it arrived broken. What happened?'];
const RIGHT = [...EARLY, 'Eleanor Price, order five five eight one two, delivered on the third of June.'];
const WRONG = [
  ...EARLY,
  'Eleanor Brown, order five five eight one two, delivered on the third of June.', // wrong name
  'The order number is five five two eight one, delivered on the third of June.', // wrong order number
  'It was delivered on the fourth of June.', // wrong date
];

describe('memory-check: reading back the name, order number and date', () => {
  let right: RehearsalResult;
  let wrong: RehearsalResult;
  beforeAll(async () => {
    right = await rehearseWith('memory-check', RIGHT);
    wrong = await rehearseWith('memory-check', WRONG);
  }, 300_000);

  it('confirms a read-back with all three details right', () => {
    expect(branches(right), heard(right)).toEqual([
      'check-name -> check-order (otherwise)',
      'check-order -> check-date (otherwise)',
      'check-date -> all-correct (otherwise)',
    ]);
    expect(stepPath(right).at(-1)).toBe('all-correct');
  });

  it('corrects the name, then the order number, then the date', () => {
    expect(branches(wrong), heard(wrong)).toEqual([
      'check-name -> fix-name (rule 0)',
      'check-order -> fix-order (rule 0)',
      'check-date -> fix-date (rule 0)',
    ]);
    expect(stepPath(wrong).slice(3)).toEqual(['readback', 'check-name', 'fix-name', 'readback-rest', 'check-order', 'fix-order', 'readback-date', 'check-date', 'fix-date']);
  });

  it('reaches every step between the two variants', () => {
    expect(stepsNotReached('memory-check', [right, wrong])).toEqual([]);
  });
});
