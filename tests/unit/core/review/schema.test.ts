import { describe, expect, it } from 'vitest';
import { CoachIdSchema, coachIdOf, FindingDecisionSchema, reviewStateOf } from '../../../../core/review/schema.js';

describe('coachIdOf', () => {
  it('makes a file-safe id from a name', () => {
    expect(coachIdOf("Ana María O'Neil")).toBe('ana-maria-o-neil');
    expect(coachIdOf('  Björn   Larsen ')).toBe('bjorn-larsen');
  });

  it('gives names without Latin letters their own stable ids', () => {
    const a = coachIdOf('Юлия');
    const b = coachIdOf('王芳');
    expect(a).toMatch(/^coach-[0-9a-f]{8}$/);
    expect(b).toMatch(/^coach-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(coachIdOf('Юлия')).toBe(a);
    for (const id of [a, b, coachIdOf('x'.repeat(200))]) expect(CoachIdSchema.safeParse(id).success).toBe(true);
  });
});

describe('review rules', () => {
  it('needs a reason to override, not to confirm', () => {
    const at = '2026-11-23T10:00:00.000Z';
    expect(FindingDecisionSchema.safeParse({ automaticStatus: 'fail', status: 'fail', reason: '', decidedAt: at }).success).toBe(true);
    const override = FindingDecisionSchema.safeParse({ automaticStatus: 'fail', status: 'pass', reason: '  ', decidedAt: at });
    expect(override.success).toBe(false);
    expect(override.error?.issues[0]?.message).toBe('overriding a finding needs a reason');
  });

  it('tells unreviewed, in review and reviewed apart', () => {
    expect(reviewStateOf([])).toEqual({ kind: 'unreviewed' });
    expect(reviewStateOf([{ verdict: null }, { verdict: null }])).toEqual({ kind: 'in-review', coaches: 2 });
    expect(reviewStateOf([{ verdict: 'advance' }, { verdict: null }, { verdict: 'hold' }])).toEqual({ kind: 'reviewed', coaches: 2 });
  });
});
