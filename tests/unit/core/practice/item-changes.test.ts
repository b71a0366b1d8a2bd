import { describe, expect, it } from 'vitest';
import { itemChanges } from '../../../../core/practice/item-changes.js';
import { finding, PRACTICE_ITEMS } from '../../../support/practice-sessions.js';
import { attempt, attemptsOf } from './attempts.js';

const [FLAGS, LATENCY, DEAD_AIR] = PRACTICE_ITEMS;

describe('items that improved or slipped', () => {
  it("sets the latest call against the previous one at the same scenario, with the items' titles", () => {
    const { attempts, items } = attemptsOf([
      attempt('a1', '2026-11-20T09:00:00.000Z', [finding(FLAGS, 'fail'), finding(LATENCY, 'pass'), finding(DEAD_AIR, 'pass')]),
      attempt('a2', '2026-11-21T09:00:00.000Z', [finding(FLAGS, 'pass'), finding(LATENCY, 'pass'), finding(DEAD_AIR, 'fail')]),
    ]);
    const changes = itemChanges(attempts, items);
    expect(changes.latest).toEqual({ sessionId: 'a2', createdAt: '2026-11-21T09:00:00.000Z', scenarioId: 'late-parcel', scenarioTitle: 'Late parcel' });
    expect(changes.earlierAtScenario).toBe(1);
    expect(changes.improved).toEqual([
      {
        key: 'respect/no-red-flags',
        checklist: 'respect',
        title: 'No blame, dismissal, sarcasm, talking down or refusal',
        change: 'improved',
        before: { sessionId: 'a1', createdAt: '2026-11-20T09:00:00.000Z', scenarioId: 'late-parcel', scenarioTitle: 'Late parcel', status: 'fail' },
        now: 'pass',
      },
    ]);
    expect(changes.slipped.map((c) => [c.title, c.before.status, c.now])).toEqual([['No long dead air', 'pass', 'fail']]);
  });

  it('ignores calls at other scenarios, and looks past a needs-review to the last decided status', () => {
    const { attempts, items } = attemptsOf([
      attempt('a1', '2026-11-20T09:00:00.000Z', [finding(FLAGS, 'fail'), finding(LATENCY, 'fail')]),
      attempt('a2', '2026-11-21T09:00:00.000Z', [finding(FLAGS, 'pass'), finding(LATENCY, 'needs-review')]),
      // Another scenario in between: not compared with.
      attempt('b1', '2026-11-21T12:00:00.000Z', [finding(FLAGS, 'fail'), finding(LATENCY, 'pass')], 'not-listening'),
      attempt('a3', '2026-11-22T09:00:00.000Z', [finding(FLAGS, 'pass'), finding(LATENCY, 'pass')]),
    ]);
    const changes = itemChanges(attempts, items);
    expect(changes.latest?.sessionId).toBe('a3');
    expect(changes.earlierAtScenario).toBe(2);
    // Red flags passed in a2 as now: unchanged. Latency was needs-review in a2, failed in a1: improved since a1.
    expect(changes.improved.map((c) => [c.key, c.before.sessionId])).toEqual([['patience/answers-promptly', 'a1']]);
    expect(changes.slipped).toEqual([]);
  });

  it('compares the latest analysed call, leaves out items it did not decide, and has nothing to compare for a first call', () => {
    const { attempts, items } = attemptsOf([
      attempt('a1', '2026-11-20T09:00:00.000Z', [finding(FLAGS, 'pass'), finding(LATENCY, 'pass')]),
      attempt('a2', '2026-11-21T09:00:00.000Z', [finding(FLAGS, 'fail'), finding(LATENCY, 'not-applicable')]),
      attempt('a3', '2026-11-22T09:00:00.000Z', null),
    ]);
    const changes = itemChanges(attempts, items);
    expect(changes.latest?.sessionId).toBe('a2');
    expect(changes.slipped.map((c) => c.key)).toEqual(['respect/no-red-flags']);
    expect(changes.improved).toEqual([]);

    const first = attemptsOf([attempt('b1', '2026-11-20T09:00:00.000Z', [finding(FLAGS, 'fail')], 'not-listening'), attempt('a1', '2026-11-21T09:00:00.000Z', [finding(FLAGS, 'pass')])]);
    expect(itemChanges(first.attempts, first.items)).toMatchObject({ latest: { sessionId: 'a1' }, earlierAtScenario: 0, improved: [], slipped: [] });
    expect(itemChanges([], [])).toEqual({ latest: null, earlierAtScenario: 0, improved: [], slipped: [] });
  });

  it("uses a coach's call over the automatic status", () => {
    const { attempts, items } = attemptsOf([
      attempt('a1', '2026-11-20T09:00:00.000Z', [finding(FLAGS, 'pass')]),
      {
        ...attempt('a2', '2026-11-21T09:00:00.000Z', [finding(FLAGS, 'pass')]),
        reviews: [
          {
            coach: { id: 'ana', name: 'Ana' },
            decisions: { 'respect/no-red-flags': { automaticStatus: 'pass', status: 'fail', reason: 'said "whatever"', decidedAt: '2026-11-21T10:00:00.000Z' } },
            scores: {},
            verdict: null,
          },
        ],
      },
    ]);
    expect(itemChanges(attempts, items).slipped.map((c) => c.key)).toEqual(['respect/no-red-flags']);
  });
});
