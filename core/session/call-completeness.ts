import { z } from 'zod';
import type { SessionEvent } from './events.js';

/**
 * Whether a finished call got as far as its scenario's first answer. A call hung up before
 * any answer step ended (a spoken turn, even an unanswered one that timed out, or a typed
 * answer) is incomplete: there is nothing of the trainee's to judge, and the coach is told why.
 */

export const IncompleteCallSchema = z.strictObject({
  reason: z.literal('hung-up-before-first-answer'),
  /** Frame of audio.wav at which the call was hung up. */
  hungUpAtFrame: z.number().int().nonnegative(),
});
export type IncompleteCall = z.infer<typeof IncompleteCallSchema>;

/** Why the call is incomplete, from its events; null when it is complete (or never ended by a hang-up). */
export function incompleteCall(events: readonly SessionEvent[]): IncompleteCall | null {
  let answered = false;
  for (const e of events) {
    if (e.type === 'turn-ended' || e.type === 'typed-submitted') answered = true;
    if (e.type === 'call-ended') return e.reason === 'hung-up' && !answered ? { reason: 'hung-up-before-first-answer', hungUpAtFrame: e.frame } : null;
  }
  return null;
}

/** `m:ss` of a frame count. */
function clock(frames: number, sampleRate: number): string {
  const seconds = Math.floor(frames / sampleRate);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** What the coach reads: "hung up at 0:04 before the first answer". */
export function incompleteText(incomplete: IncompleteCall, sampleRate: number): string {
  return `hung up at ${clock(incomplete.hungUpAtFrame, sampleRate)} before the first answer`;
}
