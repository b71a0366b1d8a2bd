import type { SessionEvent, SessionEventType } from '../../../core/session/events.js';

/** Event types the timeline shows as lines; the queue count is tagged onto them. */
const TIMELINE_LINES: ReadonlySet<SessionEventType> = new Set(['line-started', 'turn-ended', 'typed-submitted', 'hold-started', 'hold-ended']);

export interface QueueTags {
  /** Index of a timeline event -> the queue count to tag it with. */
  readonly tags: ReadonlyMap<number, number>;
  /** The final count when it came after the last timeline line, shown on a line of its own. */
  readonly trailing: { readonly frame: number; readonly count: number } | null;
}

/**
 * The queue counter changes every few seconds: one timeline line per change would drown the
 * call. Instead a timeline line is tagged "Queue: N waiting" when the count at its frame
 * differs from the last count tagged.
 */
export function queueTags(events: readonly SessionEvent[]): QueueTags {
  const changes = events.flatMap((e) => (e.type === 'queue-changed' ? [e] : [])).sort((a, b) => a.frame - b.frame);
  const countAt = (frame: number) => changes.findLast((c) => c.frame <= frame)?.count;
  const tags = new Map<number, number>();
  let tagged: number | undefined;
  for (const [i, e] of events.entries()) {
    if (!TIMELINE_LINES.has(e.type)) continue;
    const count = countAt(e.frame);
    if (count === undefined || count === tagged) continue;
    tags.set(i, count);
    tagged = count;
  }
  const last = changes.at(-1);
  return { tags, trailing: last && last.count !== tagged ? { frame: last.frame, count: last.count } : null };
}
