import type { Scenario } from './schema.js';

/**
 * The "callers waiting" counter of a scenario with a queue: it starts at `start` when the call
 * starts and gains one caller every `risesEverySeconds` of call time (counted in audio frames,
 * so every candidate sees the same counts at the same moments), never rising above `max`.
 */
export type QueueSettings = NonNullable<Scenario['queue']>;

export interface QueueChange {
  /** File frame at which the counter shows `count`. */
  readonly frame: number;
  readonly count: number;
}

/** The highest count the counter reaches (a start above max is kept, not lowered). */
function ceiling(queue: QueueSettings): number {
  return Math.max(queue.start, queue.max);
}

/** Frame at which the counter first shows `count`. */
function frameOf(queue: QueueSettings, count: number, callStartFrame: number, sampleRate: number): number {
  return callStartFrame + Math.round((count - queue.start) * queue.risesEverySeconds * sampleRate);
}

export function queueCountAt(queue: QueueSettings, callStartFrame: number, frame: number, sampleRate: number): number {
  const rises = Math.floor(Math.max(0, frame - callStartFrame) / (queue.risesEverySeconds * sampleRate));
  let count = Math.min(ceiling(queue), queue.start + rises);
  // Rounding of the exact change frames decides the borderline frames.
  while (count > queue.start && frameOf(queue, count, callStartFrame, sampleRate) > frame) count--;
  while (count < ceiling(queue) && frameOf(queue, count + 1, callStartFrame, sampleRate) <= frame) count++;
  return count;
}

/**
 * The changes from the count already shown (null: nothing shown yet) up to `frame`, each
 * at its exact frame: the first call gives the starting count at the call's first frame.
 */
export function queueChangesUntil(
  queue: QueueSettings,
  callStartFrame: number,
  shown: number | null,
  frame: number,
  sampleRate: number,
): QueueChange[] {
  if (frame < callStartFrame) return [];
  const now = queueCountAt(queue, callStartFrame, frame, sampleRate);
  const changes: QueueChange[] = [];
  for (let count = shown === null ? queue.start : shown + 1; count <= now; count++) {
    changes.push({ frame: count === queue.start ? callStartFrame : frameOf(queue, count, callStartFrame, sampleRate), count });
  }
  return changes;
}
