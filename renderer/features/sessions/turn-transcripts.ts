import type { SessionEvent } from '../../../core/session/events.js';

/**
 * What speech recognition heard, per spoken turn: index of the turn-ended event -> text.
 * A turn-transcribed event belongs to the latest turn of its step before it.
 */
export function heardByTurn(events: readonly SessionEvent[]): ReadonlyMap<number, string> {
  const heard = new Map<number, string>();
  const lastTurnOfStep = new Map<string, number>();
  events.forEach((e, i) => {
    if (e.type === 'turn-ended') lastTurnOfStep.set(e.stepId, i);
    if (e.type !== 'turn-transcribed' || !e.text) return;
    const turn = lastTurnOfStep.get(e.stepId);
    if (turn !== undefined) heard.set(turn, e.text);
  });
  return heard;
}
