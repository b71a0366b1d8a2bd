/**
 * How long a coach waits after wrong PINs: the first FREE_ATTEMPTS failures cost nothing (typos),
 * then 1 s, 2 s, 4 s, ... doubling up to MAX_DELAY_MS. A correct PIN resets the count.
 */

export const FREE_ATTEMPTS = 3;
export const FIRST_DELAY_MS = 1000;
export const MAX_DELAY_MS = 5 * 60_000;

/** The wait imposed after `failedAttempts` consecutive wrong PINs. */
export function pinDelayMs(failedAttempts: number): number {
  if (!Number.isFinite(failedAttempts) || failedAttempts <= FREE_ATTEMPTS) return 0;
  const doublings = failedAttempts - FREE_ATTEMPTS - 1;
  // 2^19 s already exceeds the cap; avoid overflowing for huge counts.
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(doublings, 20));
}

export interface PinThrottleState {
  readonly failedAttempts: number;
  /** Epoch ms before which no attempt is checked (0 = now). */
  readonly nextAttemptAt: number;
}

export const NO_FAILURES: PinThrottleState = { failedAttempts: 0, nextAttemptAt: 0 };

/** Milliseconds until the next attempt may be checked (0 = now). */
export function retryAfterMs(state: PinThrottleState, now: number): number {
  return Math.max(0, state.nextAttemptAt - now);
}

/** The state after one more wrong PIN at `now`. */
export function afterFailure(state: PinThrottleState, now: number): PinThrottleState {
  const failedAttempts = state.failedAttempts + 1;
  return { failedAttempts, nextAttemptAt: now + pinDelayMs(failedAttempts) };
}
