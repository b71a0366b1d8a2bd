import { describe, expect, it } from 'vitest';
import { checklistTrends, personalBest } from '../../../../core/practice/checklist-trends.js';
import { finding, PRACTICE_ITEMS } from '../../../support/practice-sessions.js';
import { attempt, attemptsOf } from './attempts.js';

const [FLAGS, LATENCY, DEAD_AIR] = PRACTICE_ITEMS;

describe('checklist trends', () => {
  it("gives each checklist its score per attempt (date, scenario, passed of decided) from the session's result", () => {
    const { attempts } = attemptsOf([
      attempt('a1', '2026-11-20T09:00:00.000Z', [finding(FLAGS, 'fail'), finding(LATENCY, 'pass'), finding(DEAD_AIR, 'fail')]),
      attempt('a2', '2026-11-21T09:00:00.000Z', [finding(FLAGS, 'pass'), finding(LATENCY, 'pass'), finding(DEAD_AIR, 'not-applicable')], 'not-listening'),
    ]);
    const [respect, patience] = checklistTrends(attempts);
    expect(respect?.checklist).toBe('respect');
    expect(patience?.points).toEqual([
      { sessionId: 'a1', createdAt: '2026-11-20T09:00:00.000Z', scenarioId: 'late-parcel', scenarioTitle: 'Late parcel', score: 0.5, passed: 1, decided: 2 },
      // Not-applicable is left out of the score: 1 of 1, not 1 of 2.
      { sessionId: 'a2', createdAt: '2026-11-21T09:00:00.000Z', scenarioId: 'not-listening', scenarioTitle: 'Not listening', score: 1, passed: 1, decided: 1 },
    ]);
    expect(respect?.points.map((p) => p.score)).toEqual([0, 1]);
  });

  it('marks the highest score as the personal best, the earliest of equal scores', () => {
    const { attempts } = attemptsOf([
      attempt('a1', '2026-11-20T09:00:00.000Z', [finding(LATENCY, 'pass'), finding(DEAD_AIR, 'fail')]),
      attempt('a2', '2026-11-21T09:00:00.000Z', [finding(LATENCY, 'pass'), finding(DEAD_AIR, 'pass')]),
      attempt('a3', '2026-11-22T09:00:00.000Z', [finding(LATENCY, 'fail'), finding(DEAD_AIR, 'fail')]),
      attempt('a4', '2026-11-23T09:00:00.000Z', [finding(LATENCY, 'pass'), finding(DEAD_AIR, 'pass')]),
    ]);
    const [patience] = checklistTrends(attempts);
    expect(patience?.points.map((p) => p.score)).toEqual([0.5, 1, 0, 1]);
    expect(patience?.best).toEqual({ sessionId: 'a2', createdAt: '2026-11-21T09:00:00.000Z', scenarioTitle: 'Late parcel', score: 1 });
  });

  it('has no personal best while nothing on the checklist is decided, and a 0% best once only fails are', () => {
    const { attempts } = attemptsOf([attempt('a1', '2026-11-20T09:00:00.000Z', [finding(FLAGS, 'needs-review')])]);
    expect(checklistTrends(attempts)[0]).toMatchObject({ checklist: 'respect', best: null });
    const failed = attemptsOf([attempt('a1', '2026-11-20T09:00:00.000Z', [finding(FLAGS, 'fail')])]);
    expect(checklistTrends(failed.attempts)[0]?.best).toMatchObject({ sessionId: 'a1', score: 0 });
    expect(personalBest([])).toBeNull();
  });
});
