import type { LibraryQuery } from '../../../core/library/library-query.js';
import { MAX_LIBRARY_PAGE } from '../../../core/library/library-query.js';
import { neighbourUnreviewed } from '../../../core/review/review-queue.js';
import { client } from '../../client.js';

/**
 * The order the review screen walks with next / previous unreviewed: the library's filters and
 * sort as the coach last left them (needs attention first when the library was never opened).
 * Kept in memory only; it is where the coach was, not a setting.
 */
type Order = Omit<Partial<LibraryQuery>, 'offset' | 'limit'>;

let lastOrder: Order = { sort: 'needs-attention' };

export function rememberLibraryOrder(query: Order & { offset?: number; limit?: number }): void {
  const { offset: _offset, limit: _limit, ...order } = query;
  lastOrder = order;
}

/** The next (or previous) session the coach has not given a verdict, in that order; null when none. */
export async function findUnreviewed(currentId: string, coachName: string, direction: 'next' | 'previous'): Promise<string | null> {
  const page = await client.searchSessions({ ...lastOrder, offset: 0, limit: MAX_LIBRARY_PAGE });
  return neighbourUnreviewed(page.rows, currentId, coachName, direction);
}
