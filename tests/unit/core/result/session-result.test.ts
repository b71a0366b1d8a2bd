import { describe, expect, it } from 'vitest';
import type { FindingStatus } from '../../../../core/analysis/findings.js';
import { coachCallOf, countsOf, itemOf, PASSING_SCORE, sessionResult, verdictOf, type ResultFinding } from '../../../../core/result/session-result.js';
import { coachIdOf, ReviewSchema, type FindingDecision, type Review, type Verdict } from '../../../../core/review/schema.js';

const AT = '2026-11-23T10:00:00.000Z';
const SESSION = '20261123-100000-s00001';

function f(key: string, status: FindingStatus, kind: 'auto' | 'coach-only' = 'auto'): ResultFinding {
  const [checklist = '', item = ''] = key.split('/');
  return { checklist, item, title: `Title of ${item}`, kind, status, summary: `summary of ${item}` };
}

interface Spec {
  readonly decisions?: Record<string, { automatic: FindingDecision['automaticStatus']; status: 'pass' | 'fail'; reason?: string }>;
  readonly scores?: Record<string, number>;
  readonly verdict?: Verdict | null;
}

/** A review that passes ReviewSchema (what the review files hold). */
function review(name: string, spec: Spec): Review {
  return ReviewSchema.parse({
    formatVersion: 1,
    sessionId: SESSION,
    coach: { id: coachIdOf(name), name },
    startedAt: AT,
    updatedAt: AT,
    decisions: Object.fromEntries(Object.entries(spec.decisions ?? {}).map(([k, d]) => [k, { automaticStatus: d.automatic, status: d.status, reason: d.reason ?? '', decidedAt: AT }])),
    scores: Object.fromEntries(Object.entries(spec.scores ?? {}).map(([k, score]) => [k, { score, note: `note ${score}` }])),
    annotations: [],
    summary: '',
    verdict: spec.verdict ?? null,
  });
}

const HOLD = 'patience/asks-before-hold';
const APOLOGY = 'respect/apologises';
const DISMISS = 'respect/no-dismissive-phrases';
const PACE = 'patience/answer-delay';
const WARMTH = 'respect/warmth';

describe('sessionResult: not-applicable', () => {
  // "no hold in this call": the case issue 14 found reported as a pass.
  const result = sessionResult([f(HOLD, 'not-applicable'), f(PACE, 'pass'), f(APOLOGY, 'not-applicable'), f(DISMISS, 'fail')], []);

  it('counts not-applicable items on their own, never as passes', () => {
    const patience = result.checklists.find((c) => c.checklist === 'patience');
    expect(patience).toMatchObject({ passed: 1, failed: 0, needsReview: 0, notApplicable: 1, score: 1 });
    const respect = result.checklists.find((c) => c.checklist === 'respect');
    expect(respect).toMatchObject({ passed: 0, failed: 1, needsReview: 0, notApplicable: 1, score: 0 });
    expect(result.totals).toMatchObject({ passed: 1, failed: 1, notApplicable: 2, score: 0.5 });
  });

  it('gives no score to a checklist whose items are all not applicable', () => {
    const only = sessionResult([f(HOLD, 'not-applicable')], []);
    expect(only.checklists[0]).toMatchObject({ passed: 0, failed: 0, notApplicable: 1, score: null });
    expect(only.totals.score).toBeNull();
  });

  it('keeps not-applicable as the final status when no coach calls the item', () => {
    expect(itemOf(result, HOLD)).toMatchObject({ automatic: 'not-applicable', final: 'not-applicable', source: 'automatic', decidedBy: [], reason: '' });
  });

  it('lets a coach override a not-applicable item, with the reason', () => {
    const r = sessionResult([f(HOLD, 'not-applicable')], [review('Ana Ruiz', { decisions: { [HOLD]: { automatic: 'not-applicable', status: 'fail', reason: 'she put him on hold at 1:10 without asking' } } })]);
    expect(itemOf(r, HOLD)).toMatchObject({ final: 'fail', source: 'overridden', reason: 'she put him on hold at 1:10 without asking', decidedBy: [{ id: 'ana-ruiz', name: 'Ana Ruiz' }] });
    expect(r.checklists[0]).toMatchObject({ failed: 1, notApplicable: 0, overridden: 1, score: 0 });
    // The automatic counts beside it still say what the check found.
    expect(r.checklists[0]?.automatic).toMatchObject({ passed: 0, failed: 0, notApplicable: 1, score: null });
  });
});

describe('sessionResult: coaches over the check', () => {
  const findings = [f(PACE, 'pass'), f(DISMISS, 'pass'), f(APOLOGY, 'needs-review'), f(WARMTH, 'needs-review', 'coach-only')];

  it('uses the automatic status where no coach decided', () => {
    const r = sessionResult(findings, [review('Ana', {})]);
    expect(itemOf(r, PACE)).toMatchObject({ automatic: 'pass', final: 'pass', source: 'automatic', calls: [] });
    expect(itemOf(r, APOLOGY)).toMatchObject({ final: 'needs-review', source: 'automatic' });
    expect(r.totals).toMatchObject({ passed: 2, failed: 0, needsReview: 2, overridden: 0, score: 1 });
  });

  it('lets an override win over the automatic status, keeping both', () => {
    const r = sessionResult(findings, [review('Ana', { decisions: { [DISMISS]: { automatic: 'pass', status: 'fail', reason: 'sighed and said "whatever"' } } })]);
    const item = itemOf(r, DISMISS);
    expect(item).toMatchObject({ automatic: 'pass', final: 'fail', source: 'overridden', reason: 'sighed and said "whatever"' });
    expect(item?.calls).toEqual([{ coach: { id: 'ana', name: 'Ana' }, status: 'fail', by: 'decision', score: null, reason: 'sighed and said "whatever"', automaticThen: 'pass' }]);
    const respect = r.checklists.find((c) => c.checklist === 'respect');
    expect(respect).toMatchObject({ passed: 0, failed: 1, needsReview: 2, overridden: 1, score: 0 });
    expect(respect?.automatic).toMatchObject({ passed: 1, failed: 0, needsReview: 2, score: 1 });
  });

  it('marks a decision that agrees with the check as confirmed', () => {
    const r = sessionResult(findings, [review('Ana', { decisions: { [PACE]: { automatic: 'pass', status: 'pass', reason: 'quick and calm' } } })]);
    expect(itemOf(r, PACE)).toMatchObject({ final: 'pass', source: 'confirmed', reason: 'quick and calm' });
    expect(r.totals.overridden).toBe(0);
  });

  it('counts a settled needs-review as decided, not as overridden', () => {
    const r = sessionResult(findings, [review('Ana', { decisions: { [APOLOGY]: { automatic: 'needs-review', status: 'pass', reason: 'said sorry, the recogniser missed it' } } })]);
    expect(itemOf(r, APOLOGY)).toMatchObject({ automatic: 'needs-review', final: 'pass', source: 'decided' });
    expect(r.totals).toMatchObject({ passed: 3, needsReview: 1, overridden: 0, score: 1 });
  });

  it('counts coach-only items as needs-review until a coach scores them', () => {
    const before = sessionResult(findings, [review('Ana', { verdict: 'advance' })]);
    expect(itemOf(before, WARMTH)).toMatchObject({ kind: 'coach-only', final: 'needs-review', source: 'automatic' });
    const good = sessionResult(findings, [review('Ana', { scores: { [WARMTH]: PASSING_SCORE } })]);
    expect(itemOf(good, WARMTH)).toMatchObject({ final: 'pass', source: 'decided', reason: 'note 3', calls: [expect.objectContaining({ by: 'score', score: 3 })] });
    const poor = sessionResult(findings, [review('Ana', { scores: { [WARMTH]: 2 } })]);
    expect(itemOf(poor, WARMTH)).toMatchObject({ final: 'fail', source: 'decided' });
    expect(poor.checklists.find((c) => c.checklist === 'respect')).toMatchObject({ passed: 1, failed: 1, needsReview: 1, score: 0.5 });
  });

  it('keeps calls on items the analysis does not list, and works without an analysis', () => {
    const r = sessionResult(null, [review('Ana', { decisions: { 'writing/spelling': { automatic: 'fail', status: 'pass', reason: 'names only' } }, scores: { [WARMTH]: 5 } })]);
    expect(r.analysed).toBe(false);
    expect(itemOf(r, 'writing/spelling')).toMatchObject({ checklist: 'writing', item: 'spelling', automatic: null, final: 'pass', source: 'decided' });
    expect(itemOf(r, WARMTH)).toMatchObject({ kind: 'coach-only', automatic: null, final: 'pass' });
    expect(sessionResult(null, [])).toMatchObject({ analysed: false, checklists: [], totals: { score: null }, verdict: { state: 'none' } });
  });

  it('keeps the analysis order of checklists and items', () => {
    const r = sessionResult([f(PACE, 'pass'), f(DISMISS, 'fail'), f(HOLD, 'not-applicable')], []);
    expect(r.checklists.map((c) => [c.checklist, c.items.map((i) => i.item)])).toEqual([
      ['patience', ['answer-delay', 'asks-before-hold']],
      ['respect', ['no-dismissive-phrases']],
    ]);
  });
});

describe('sessionResult: several coaches', () => {
  const findings = [f(DISMISS, 'pass'), f(PACE, 'fail'), f(WARMTH, 'needs-review', 'coach-only')];

  it('takes a call all deciding coaches agree on, naming every one of them', () => {
    const r = sessionResult(findings, [
      review('Bo', { decisions: { [DISMISS]: { automatic: 'pass', status: 'fail', reason: 'rolled eyes audibly' } } }),
      review('Ana', { decisions: { [DISMISS]: { automatic: 'pass', status: 'fail', reason: 'sarcastic "wow"' } } }),
    ]);
    expect(itemOf(r, DISMISS)).toMatchObject({
      final: 'fail',
      source: 'overridden',
      decidedBy: [{ id: 'ana', name: 'Ana' }, { id: 'bo', name: 'Bo' }],
      reason: 'Ana: sarcastic "wow"; Bo: rolled eyes audibly',
    });
  });

  it('lets one coach decide while another has not called the item', () => {
    const r = sessionResult(findings, [review('Ana', { decisions: { [PACE]: { automatic: 'fail', status: 'pass', reason: 'line was silent, not her' } } }), review('Bo', { verdict: 'hold' })]);
    expect(itemOf(r, PACE)).toMatchObject({ final: 'pass', source: 'overridden', decidedBy: [{ id: 'ana', name: 'Ana' }] });
  });

  it('makes an item the coaches call differently needs-review, saying who said what', () => {
    const r = sessionResult(findings, [
      review('Ana', { decisions: { [DISMISS]: { automatic: 'pass', status: 'fail', reason: 'sarcastic' } }, scores: { [WARMTH]: 4 } }),
      review('Bo', { decisions: { [DISMISS]: { automatic: 'pass', status: 'pass' } }, scores: { [WARMTH]: 1 } }),
    ]);
    expect(itemOf(r, DISMISS)).toMatchObject({ automatic: 'pass', final: 'needs-review', source: 'coaches-differ', decidedBy: [], reason: 'coaches differ: Ana fail, Bo pass' });
    expect(itemOf(r, WARMTH)).toMatchObject({ final: 'needs-review', source: 'coaches-differ' });
    expect(r.totals).toMatchObject({ passed: 0, failed: 1, needsReview: 2, overridden: 0, score: 0 });
  });

  it('treats two scores on the same side of the pass mark as agreeing', () => {
    const r = sessionResult(findings, [review('Ana', { scores: { [WARMTH]: 4 } }), review('Bo', { scores: { [WARMTH]: 5 } })]);
    expect(itemOf(r, WARMTH)).toMatchObject({ final: 'pass', source: 'decided', reason: 'Ana: note 4; Bo: note 5' });
  });

  it('lists reviewers by coach id whatever order the reviews come in', () => {
    const r = sessionResult(findings, [review('Cy', {}), review('Ana', {}), review('Bo', {})]);
    expect(r.reviewers.map((c) => c.id)).toEqual(['ana', 'bo', 'cy']);
  });
});

describe('verdictOf', () => {
  it('is none when no coach gave a verdict', () => {
    expect(verdictOf([review('Ana', {})])).toEqual({ state: 'none', final: null, byCoach: [], pending: [{ id: 'ana', name: 'Ana' }] });
    expect(verdictOf([]).state).toBe('none');
  });

  it('is the verdict when every coach who gave one agrees; coaches still reviewing do not split it', () => {
    const v = verdictOf([review('Bo', { verdict: 'advance' }), review('Ana', { verdict: 'advance' }), review('Cy', {})]);
    expect(v).toEqual({
      state: 'agreed',
      final: 'advance',
      byCoach: [
        { coach: { id: 'ana', name: 'Ana' }, verdict: 'advance' },
        { coach: { id: 'bo', name: 'Bo' }, verdict: 'advance' },
      ],
      pending: [{ id: 'cy', name: 'Cy' }],
    });
  });

  it('is split, with no final verdict, when coaches differ', () => {
    const v = verdictOf([review('Ana', { verdict: 'advance' }), review('Bo', { verdict: 'not-a-fit' })]);
    expect(v.state).toBe('split');
    expect(v.final).toBeNull();
    expect(v.byCoach.map((c) => c.verdict)).toEqual(['advance', 'not-a-fit']);
  });

  it('is part of the session result', () => {
    expect(sessionResult([], [review('Ana', { verdict: 'hold' })]).verdict).toMatchObject({ state: 'agreed', final: 'hold' });
  });
});

describe('coachCallOf and countsOf', () => {
  it('prefers a decision over a score of the same item by the same coach', () => {
    const r = review('Ana', { decisions: { [WARMTH]: { automatic: 'needs-review', status: 'fail', reason: 'cold' } }, scores: { [WARMTH]: 5 } });
    expect(coachCallOf(r, WARMTH)).toMatchObject({ status: 'fail', by: 'decision' });
    expect(coachCallOf(r, PACE)).toBeNull();
  });

  it('scores passed over decided, leaving needs-review and not-applicable out', () => {
    expect(countsOf(['pass', 'pass', 'fail', 'needs-review', 'not-applicable', 'not-applicable'])).toEqual({ passed: 2, failed: 1, needsReview: 1, notApplicable: 2, overridden: 0, score: 2 / 3 });
    expect(countsOf(['needs-review', 'not-applicable']).score).toBeNull();
  });
});

describe('sessionResult: an item reported twice', () => {
  it('keeps its worst automatic status, in the place it first appeared', () => {
    const r = sessionResult([f(DISMISS, 'pass'), f(PACE, 'pass'), f(DISMISS, 'fail'), f(DISMISS, 'not-applicable')], []);
    expect(r.checklists.map((c) => c.items.map((i) => [i.item, i.automatic]))).toEqual([[['no-dismissive-phrases', 'fail']], [['answer-delay', 'pass']]]);
  });
});
