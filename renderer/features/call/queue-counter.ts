import { queueChangesUntil, type QueueSettings } from '../../../core/scenario/queue.js';
import type { SessionEvent } from '../../../core/session/events.js';

type QueueChanged = Extract<SessionEvent, { type: 'queue-changed' }>;

/**
 * The "callers waiting" counter of a call: counted from the call-started frame in audio
 * frames, so every candidate sees the same count at the same moment of the call.
 */
export class QueueCounter {
  private callStartFrame: number | null = null;
  private shown: number | null = null;

  constructor(
    private readonly queue: QueueSettings,
    private readonly sampleRate: number,
  ) {}

  /** Follows the engine's events: the counter starts with the call. */
  follow(events: readonly SessionEvent[]): void {
    const started = events.find((e) => e.type === 'call-started');
    if (started) this.callStartFrame = started.frame;
  }

  /** The changes since the last call, each as the event to record (at its exact frame). */
  catchUp(frame: number): QueueChanged[] {
    if (this.callStartFrame === null) return [];
    const changes = queueChangesUntil(this.queue, this.callStartFrame, this.shown, frame, this.sampleRate);
    const last = changes.at(-1);
    if (last) this.shown = last.count;
    return changes.map((c) => ({ type: 'queue-changed', frame: c.frame, count: c.count }));
  }
}
