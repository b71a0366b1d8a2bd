import { describe, expect, it } from 'vitest';
import { queueChangesUntil, queueCountAt } from '../../../../core/scenario/queue.js';

const SR = 16_000;
const queue = { start: 3, risesEverySeconds: 2.5, max: 6 };
const START = 12_345;

describe('the callers-waiting counter', () => {
  it('starts at `start` and gains one caller every risesEverySeconds of call time, up to max', () => {
    const at = (seconds: number) => queueCountAt(queue, START, START + Math.round(seconds * SR), SR);
    expect([0, 2.4, 2.5, 4.99, 5, 7.5, 10, 60, 3600].map(at)).toEqual([3, 3, 4, 4, 5, 6, 6, 6, 6]);
    expect(queueCountAt(queue, START, 0, SR)).toBe(3);
  });

  it('lists every change since the count shown, each at its exact frame', () => {
    expect(queueChangesUntil(queue, START, null, START, SR)).toEqual([{ frame: START, count: 3 }]);
    expect(queueChangesUntil(queue, START, 3, START + 5 * SR + 10, SR)).toEqual([
      { frame: START + 2.5 * SR, count: 4 },
      { frame: START + 5 * SR, count: 5 },
    ]);
    expect(queueChangesUntil(queue, START, 5, START + 5 * SR + 20, SR)).toEqual([]);
    expect(queueChangesUntil(queue, START, 6, START + 100 * SR, SR)).toEqual([]);
  });

  it('gives the same counts however the call is sampled (ticks early or late)', () => {
    const fine: number[] = [];
    let shown: number | null = null;
    for (let f = START; f < START + 20 * SR; f += 800) {
      for (const c of queueChangesUntil(queue, START, shown, f, SR)) {
        fine.push(c.frame);
        shown = c.count;
      }
    }
    const coarse = queueChangesUntil(queue, START, null, START + 20 * SR, SR).map((c) => c.frame);
    expect(fine).toEqual(coarse);
  });

  it('keeps a start above max as it is', () => {
    expect(queueCountAt({ start: 9, risesEverySeconds: 1, max: 5 }, 0, 60 * SR, SR)).toBe(9);
  });
});
