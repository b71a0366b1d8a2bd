import { describe, expect, it } from 'vitest';
import { practiceProgress, type AttemptInput } from '../../../../core/practice/progress.js';
import { analysisOf, finding, PRACTICE_ITEMS } from '../../../support/practice-sessions.js';

const [PHRASES, LATENCY] = PRACTICE_ITEMS;
const score = (progress: ReturnType<typeof practiceProgress>, checklist: string) => progress.checklists.find((c) => c.checklist === checklist)?.points.map((p) => p.score);

function attempt(sessionId: string, createdAt: string, findings: Parameters<typeof analysisOf>[2] | null): AttemptInput {
  return { sessionId, createdAt, scenarioId: 'late-parcel', scenarioTitle: 'Late parcel', analysis: findings ? analysisOf(sessionId, 'late-parcel', findings) : null };
}

describe('practice progress', () => {
  it('orders attempts oldest first and gives each item its status and each checklist its score per attempt', () => {
    const progress = practiceProgress('Ada', 'late-parcel', [
      attempt('20261122-000000-third1', '2026-11-22T09:00:00.000Z', [finding(PHRASES, 'pass'), finding(LATENCY, 'pass')]),
      attempt('20261120-000000-first1', '2026-11-20T09:00:00.000Z', [finding(PHRASES, 'fail'), finding(LATENCY, 'pass')]),
      attempt('20261121-000000-second', '2026-11-21T09:00:00.000Z', [finding(PHRASES, 'fail'), finding(LATENCY, 'needs-review')]),
    ]);
    expect(progress.attempts.map((a) => a.sessionId)).toEqual(['20261120-000000-first1', '20261121-000000-second', '20261122-000000-third1']);
    expect(progress.attempts.map((a) => a.statuses['respect/no-red-flags'])).toEqual(['fail', 'fail', 'pass']);
    expect(progress.attempts.map((a) => a.statuses['patience/answers-promptly'])).toEqual(['pass', 'needs-review', 'pass']);
    expect(progress.items).toEqual([
      { key: 'respect/no-red-flags', checklist: 'respect', item: 'no-red-flags', title: 'No blame, dismissal, sarcasm, talking down or refusal' },
      { key: 'patience/answers-promptly', checklist: 'patience', item: 'answers-promptly', title: 'Answers within a few seconds' },
    ]);
    expect(score(progress, 'respect')).toEqual([0, 0, 1]);
    // needs-review is not decided: nothing to score in the second attempt.
    expect(score(progress, 'patience')).toEqual([1, null, 1]);
  });

  it('leaves an item unrated until it is judged, keeps unanalysed attempts, and skips coach-only items', () => {
    const progress = practiceProgress('Ada', null, [
      attempt('20261120-000000-first1', '2026-11-20T09:00:00.000Z', null),
      attempt('20261121-000000-second', '2026-11-21T09:00:00.000Z', [finding(PHRASES, 'needs-review'), finding(LATENCY, 'fail', 'coach-only')]),
      attempt('20261122-000000-third1', '2026-11-22T09:00:00.000Z', [finding(PHRASES, 'fail'), finding(PHRASES, 'pass')]),
    ]);
    expect(progress.attempts.map((a) => a.analysed)).toEqual([false, true, true]);
    expect(progress.items.map((i) => i.key)).toEqual(['respect/no-red-flags']);
    // An item reported twice in one attempt keeps its worst status.
    expect(progress.attempts[2]?.statuses['respect/no-red-flags']).toBe('fail');
    // The unanalysed attempt has no checklists: it is no point on any chart.
    expect(progress.checklists.map((c) => [c.checklist, c.points.map((p) => p.sessionId)])).toEqual([
      ['respect', ['20261121-000000-second', '20261122-000000-third1']],
      ['patience', ['20261121-000000-second']],
    ]);
    expect(score(progress, 'respect')).toEqual([null, 0]);
  });

  it('never counts not-applicable as a pass in the checklist scores', () => {
    const progress = practiceProgress('Ada', null, [
      attempt('20261120-000000-first1', '2026-11-20T09:00:00.000Z', [finding(PHRASES, 'not-applicable'), finding(LATENCY, 'pass')]),
      attempt('20261121-000000-second', '2026-11-21T09:00:00.000Z', [finding(PHRASES, 'fail'), finding(LATENCY, 'not-applicable')]),
    ]);
    expect(progress.attempts.map((a) => a.statuses['respect/no-red-flags'])).toEqual(['not-applicable', 'fail']);
    expect(score(progress, 'respect')).toEqual([null, 0]);
    expect(score(progress, 'patience')).toEqual([1, null]);
    expect(progress.attempts[0]?.checklists).toEqual([
      { checklist: 'respect', score: null, passed: 0, failed: 0, needsReview: 0, notApplicable: 1 },
      { checklist: 'patience', score: 1, passed: 1, failed: 0, needsReview: 0, notApplicable: 0 },
    ]);
  });

  it("uses a coach's call over the automatic status (the session's result)", () => {
    const input = attempt('20261120-000000-first1', '2026-11-20T09:00:00.000Z', [finding(PHRASES, 'pass'), finding(LATENCY, 'pass')]);
    const decidedAt = '2026-11-20T10:00:00.000Z';
    const coach = {
      coach: { id: 'ana', name: 'Ana' },
      decisions: { 'respect/no-red-flags': { automaticStatus: 'pass' as const, status: 'fail' as const, reason: 'said "whatever"', decidedAt } },
      scores: {},
      verdict: null,
    };
    const progress = practiceProgress('Ada', null, [{ ...input, reviews: [coach] }]);
    expect(progress.attempts[0]?.statuses['respect/no-red-flags']).toBe('fail');
    expect(progress.checklists[0]?.points[0]).toMatchObject({ score: 0, passed: 0, decided: 1 });
  });

  it('is empty for a name with no attempts', () => {
    expect(practiceProgress('Nobody', null, [])).toEqual({
      candidateName: 'Nobody',
      scenarioId: null,
      attempts: [],
      items: [],
      checklists: [],
      changes: { latest: null, earlierAtScenario: 0, improved: [], slipped: [] },
      scenarios: [],
    });
  });
});
