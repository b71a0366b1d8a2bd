import { beforeAll, describe, expect, it } from 'vitest';
import type { RehearsalResult } from '../../../scripts/rehearse/rehearsal.js';
import { branches, heard, rehearseWith, stepPath, stepsNotReached } from './scenario-runs.js';

// Verified with pocketsphinx on festival us-slt: "as i said", "keep up", "like i said" and
// "obviously" are heard; the kind answers have none of them.
const TEACH = 'Let me teach you to make bread. You mix flour, water, salt and yeast.';
const KIND = [
  TEACH,
  'Good question. Fresh bread tastes much better, and it is cheaper than buying it.',
  'Nothing terrible. If it does not rise, it is flat, but you can still eat it.',
];
const DISMISSIVE = [TEACH, 'As I said, you just knead it. Please keep up.', 'Like I said, it just goes flat. Obviously.'];

describe('teach-me: naive questions while teaching', () => {
  let kind: RehearsalResult;
  let dismissive: RehearsalResult;
  beforeAll(async () => {
    kind = await rehearseWith('teach-me', KIND);
    dismissive = await rehearseWith('teach-me', DISMISSIVE);
  }, 300_000);

  it('thanks a teacher who answers every naive question kindly', () => {
    expect(branches(kind), heard(kind)).toEqual(['read-1 -> naive-2 (otherwise)', 'read-2 -> grateful (otherwise)']);
    expect(stepPath(kind)).toEqual(['invite', 'teach', 'naive-1', 'answer-1', 'read-1', 'naive-2', 'answer-2', 'read-2', 'grateful']);
  });

  it('is hurt by "as I said", and stops asking after "obviously"', () => {
    expect(branches(dismissive), heard(dismissive)).toEqual(['read-1 -> hurt (rule 0)', 'read-2 -> deflated (rule 0)']);
    expect(stepPath(dismissive)).toEqual(['invite', 'teach', 'naive-1', 'answer-1', 'read-1', 'hurt', 'naive-2', 'answer-2', 'read-2', 'deflated']);
  });

  it('reaches every step between the two variants', () => {
    expect(stepsNotReached('teach-me', [kind, dismissive])).toEqual([]);
  });
});
