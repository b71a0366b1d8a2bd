import { coachIdOf } from './schema.js';

/**
 * Next / previous unreviewed session from the review screen, in the library's order (its
 * filters and sort as the coach left them). "Unreviewed" is from the coach's side: the coach
 * has not given the session a verdict yet, so a session half-done stays in the queue.
 */

export interface QueueRow {
  readonly sessionId: string;
  readonly verdicts: readonly { readonly coach: { readonly id: string } }[];
}

export function unreviewedBy(row: QueueRow, coachName: string): boolean {
  const me = coachIdOf(coachName);
  return !row.verdicts.some((v) => v.coach.id === me);
}

/**
 * The next (or previous) session after `currentId` in `ordered` that the coach has not given a
 * verdict; null when there is none. When the current session is not in the list (filtered
 * out meanwhile), the queue starts from its beginning (next) or end (previous).
 */
export function neighbourUnreviewed(ordered: readonly QueueRow[], currentId: string, coachName: string, direction: 'next' | 'previous'): string | null {
  const at = ordered.findIndex((r) => r.sessionId === currentId);
  const step = direction === 'next' ? 1 : -1;
  const start = at >= 0 ? at + step : direction === 'next' ? 0 : ordered.length - 1;
  for (let i = start; i >= 0 && i < ordered.length; i += step) {
    const row = ordered[i];
    if (row && row.sessionId !== currentId && unreviewedBy(row, coachName)) return row.sessionId;
  }
  return null;
}
