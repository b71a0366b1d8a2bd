import { describe, expect, it } from 'vitest';
import { neighbourUnreviewed, unreviewedBy, type QueueRow } from '../../../../core/review/review-queue.js';

const row = (sessionId: string, ...coaches: string[]): QueueRow => ({ sessionId, verdicts: coaches.map((id) => ({ coach: { id } })) });
/** In the library's order: b and d have Ana's verdict; c has only Bo's. */
const ORDER = [row('a'), row('b', 'ana'), row('c', 'bo'), row('d', 'ana', 'bo'), row('e')];

describe('next / previous unreviewed session', () => {
  it("skips sessions the coach gave a verdict, not other coaches' ones", () => {
    expect(neighbourUnreviewed(ORDER, 'a', 'Ana', 'next')).toBe('c');
    expect(neighbourUnreviewed(ORDER, 'c', 'Ana', 'next')).toBe('e');
    expect(neighbourUnreviewed(ORDER, 'e', 'Ana', 'previous')).toBe('c');
    expect(neighbourUnreviewed(ORDER, 'c', 'Ana', 'previous')).toBe('a');
    expect(neighbourUnreviewed(ORDER, 'a', 'Bo', 'next')).toBe('b');
  });

  it('says there is none at either end', () => {
    expect(neighbourUnreviewed(ORDER, 'e', 'Ana', 'next')).toBeNull();
    expect(neighbourUnreviewed(ORDER, 'a', 'Ana', 'previous')).toBeNull();
  });

  it('starts from an end when the current session is no longer in the list', () => {
    expect(neighbourUnreviewed(ORDER, 'zz', 'Ana', 'next')).toBe('a');
    expect(neighbourUnreviewed(ORDER, 'zz', 'Ana', 'previous')).toBe('e');
  });

  it('matches the coach by any spelling of the name', () => {
    expect(unreviewedBy(row('x', 'ana-maria'), 'Ana María')).toBe(false);
    expect(unreviewedBy(row('x', 'ana-maria'), 'Ana')).toBe(true);
  });
});
