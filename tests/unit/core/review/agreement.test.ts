import { describe, expect, it } from 'vitest';
import { agreementOf, meanOf } from '../../../../core/review/agreement.js';

const P = 'pass';
const F = 'fail';

describe("Cohen's kappa", () => {
  it('matches a hand-computed case', () => {
    /*
     * 10 sessions, coach A then coach B:
     *   1-5  pass pass   (5 agree)
     *   6-7  pass fail   (2 differ)
     *   8-10 fail fail   (3 agree)
     * po = 8/10 = 0.8.
     * A: pass 7/10, fail 3/10.  B: pass 5/10, fail 5/10.
     * pe = 0.7*0.5 + 0.3*0.5 = 0.35 + 0.15 = 0.5.
     * kappa = (0.8 - 0.5) / (1 - 0.5) = 0.6.
     */
    const pairs = [...Array<[string, string]>(5).fill([P, P]), [P, F], [P, F], [F, F], [F, F], [F, F]] as [string, string][];
    expect(agreementOf(pairs)).toEqual({ rated: 10, agreed: 8, percent: 80, kappa: 0.6, kappaNote: null });
  });

  it('is 1 for perfect agreement over two categories', () => {
    expect(agreementOf([[P, P], [F, F], [P, P]])).toMatchObject({ percent: 100, kappa: 1, kappaNote: null });
  });

  it('is negative when the coaches agree less than chance would', () => {
    // po = 0; pe = 0.5*0.5 + 0.5*0.5 = 0.5; kappa = (0 - 0.5) / 0.5 = -1.
    expect(agreementOf([[P, F], [F, P]])).toMatchObject({ percent: 0, kappa: -1 });
  });

  it('is undefined, with the reason, when everything is in one category', () => {
    const result = agreementOf([[P, P], [P, P], [P, P]]);
    expect(result.percent).toBe(100);
    expect(result.kappa).toBeNull();
    expect(result.kappaNote).toBe('both coaches rated every session "pass", so agreement by chance is 100% and kappa is undefined');
  });

  it('has neither percent nor kappa without a session both rated', () => {
    expect(agreementOf([])).toEqual({ rated: 0, agreed: 0, percent: null, kappa: null, kappaNote: 'no session was rated by both coaches' });
  });

  it('averages the defined values only', () => {
    expect(meanOf([0.6, null, 0.2])).toBe(0.4);
    expect(meanOf([null])).toBeNull();
  });
});
