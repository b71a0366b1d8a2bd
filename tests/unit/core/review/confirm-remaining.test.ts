import { describe, expect, it } from 'vitest';
import { confirmedKeys, confirmRemaining, remainingToConfirm, undoConfirm, type ConfirmableFinding } from '../../../../core/review/confirm-remaining.js';
import { EMPTY_REVIEW_CONTENT, ReviewContentSchema, type ReviewContent } from '../../../../core/review/schema.js';

const NOW = '2026-11-23T12:00:00.000Z';
const LATER = '2026-11-23T12:05:00.000Z';
const f = (item: string, status: ConfirmableFinding['status'], kind: ConfirmableFinding['kind'] = 'auto'): ConfirmableFinding => ({ checklist: 'respect', item, kind, status });

const FINDINGS = [f('apologises', 'pass'), f('no-blame', 'fail'), f('answer-delay', 'needs-review'), f('asks-before-hold', 'not-applicable'), f('warmth', 'needs-review', 'coach-only'), f('next-step', 'pass')];

/** The coach already overrode next-step to a fail, with a reason. */
const STARTED: ReviewContent = {
  ...EMPTY_REVIEW_CONTENT,
  decisions: { 'respect/next-step': { automaticStatus: 'pass', status: 'fail', reason: 'no next step given', decidedAt: NOW } },
  summary: 'kept',
};

describe('confirm the remaining automatic results', () => {
  it('records a coach decision equal to the check for every undecided pass and fail, and nothing else', () => {
    expect(remainingToConfirm(STARTED, FINDINGS).map((x) => x.item)).toEqual(['apologises', 'no-blame']);
    const after = confirmRemaining(STARTED, FINDINGS, LATER);
    expect(after.decisions).toEqual({
      'respect/next-step': STARTED.decisions['respect/next-step'],
      'respect/apologises': { automaticStatus: 'pass', status: 'pass', reason: '', decidedAt: LATER },
      'respect/no-blame': { automaticStatus: 'fail', status: 'fail', reason: '', decidedAt: LATER },
    });
    expect(after.summary).toBe('kept');
    // Each is a valid decision of the review file (a confirmation needs no reason).
    expect(ReviewContentSchema.safeParse(after).success).toBe(true);
    expect(confirmedKeys(STARTED, after).sort()).toEqual(['respect/apologises', 'respect/no-blame']);
  });

  it('changes nothing when nothing remains', () => {
    const once = confirmRemaining(STARTED, FINDINGS, LATER);
    expect(confirmRemaining(once, FINDINGS, '2026-11-23T13:00:00.000Z')).toBe(once);
    expect(remainingToConfirm(once, FINDINGS)).toEqual([]);
  });

  it('undoes in one step, keeping a call the coach changed after confirming', () => {
    const after = confirmRemaining(STARTED, FINDINGS, LATER);
    const added = Object.fromEntries(confirmedKeys(STARTED, after).flatMap((k) => (after.decisions[k] ? [[k, after.decisions[k]] as const] : [])));
    expect(Object.keys(added)).toHaveLength(2);
    expect(undoConfirm(after, added)).toEqual(STARTED);
    // The coach then overrode no-blame: Undo takes back apologises only.
    const changed: ReviewContent = { ...after, decisions: { ...after.decisions, 'respect/no-blame': { automaticStatus: 'fail', status: 'pass', reason: 'banter', decidedAt: LATER } } };
    expect(Object.keys(undoConfirm(changed, added).decisions).sort()).toEqual(['respect/next-step', 'respect/no-blame']);
  });
});
