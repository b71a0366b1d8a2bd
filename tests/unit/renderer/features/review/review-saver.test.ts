import { describe, expect, it } from 'vitest';
import { EMPTY_REVIEW_CONTENT, type ReviewContent } from '../../../../../core/review/schema.js';
import { ReviewSaver, type SaveState } from '../../../../../renderer/features/review/review-saver.js';

const withSummary = (summary: string): ReviewContent => ({ ...EMPTY_REVIEW_CONTENT, summary });

/** A back end whose writes finish when the test says so. */
function fakeBackEnd() {
  const written: string[] = [];
  const waiting: { content: ReviewContent; settle: (ok: boolean) => void }[] = [];
  const write = (content: ReviewContent) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({
        content,
        settle: (ok) => {
          if (ok) {
            written.push(content.summary);
            resolve();
          } else reject(new Error('disk full'));
        },
      });
    });
  return { written, waiting, write };
}

describe('saving a review as the coach goes', () => {
  it('writes only the newest content of a burst of changes, once, when flushed', async () => {
    const back = fakeBackEnd();
    const states: SaveState['kind'][] = [];
    // A long delay: only flush() writes in this test.
    const saver = new ReviewSaver(back.write, (s) => states.push(s.kind), 60_000);
    saver.change(withSummary('A'));
    saver.change(withSummary('Ab'));
    saver.change(withSummary('Abc'));
    const done = saver.flush();
    await Promise.resolve();
    expect(back.waiting.map((w) => w.content.summary)).toEqual(['Abc']);
    back.waiting[0]?.settle(true);
    await done;
    expect(back.written).toEqual(['Abc']);
    expect(states.at(-1)).toBe('saved');
    expect(saver.pending).toBe(false);
  });

  it('writes a change made during a write after it, never two at once', async () => {
    const back = fakeBackEnd();
    const saver = new ReviewSaver(back.write, () => undefined, 60_000);
    saver.change(withSummary('first'));
    const first = saver.flush();
    await Promise.resolve();
    saver.change(withSummary('second'));
    const second = saver.flush();
    expect(back.waiting).toHaveLength(1);
    back.waiting[0]?.settle(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(back.waiting.map((w) => w.content.summary)).toEqual(['first', 'second']);
    back.waiting[1]?.settle(true);
    await Promise.all([first, second]);
    expect(back.written).toEqual(['first', 'second']);
  });

  it('shows a failed write and writes the same content again on the next flush', async () => {
    const back = fakeBackEnd();
    const states: SaveState[] = [];
    const saver = new ReviewSaver(back.write, (s) => states.push(s), 60_000);
    saver.change(withSummary('keep me'));
    const failed = saver.flush();
    await Promise.resolve();
    back.waiting[0]?.settle(false);
    await failed;
    expect(states.at(-1)).toEqual({ kind: 'error', message: 'disk full' });
    expect(saver.pending).toBe(true);
    const retried = saver.flush();
    await Promise.resolve();
    back.waiting[1]?.settle(true);
    await retried;
    expect(back.written).toEqual(['keep me']);
    expect(states.at(-1)).toEqual({ kind: 'saved' });
  });
});
