import { z } from 'zod';
import { TryoutIdSchema } from './schema.js';

/**
 * A tryout day: a coach starts one tryout on this laptop and it becomes a kiosk for candidates.
 * While a day is on and coach mode is locked, the caller is a candidate: only the methods
 * API_POLICY (core/api-policy.ts) opens to candidates answer; everything else (sessions, reviews,
 * settings, tryouts, reports) needs coach mode, which the coach PIN unlocks for a while.
 * The day is saved (`<data>/tryout-day.json`), so a restart comes back locked, in the same day.
 */

export const TryoutDayFileSchema = z.strictObject({
  formatVersion: z.literal(1),
  tryoutId: TryoutIdSchema,
  startedAt: z.iso.datetime(),
});
export type TryoutDayFile = z.infer<typeof TryoutDayFileSchema>;

/** Coach mode locks itself after this long without a coach-only call. */
export const COACH_IDLE_LOCK_MS = 15 * 60_000;

export interface CoachGateState {
  /** The tryout whose day is on, or null (no day: the laptop is open for practice and coaching). */
  readonly dayTryoutId: string | null;
  /** Until when (epoch ms) coach mode is unlocked; null when locked. */
  readonly coachUnlockedUntil: number | null;
}

export function coachUnlocked(state: CoachGateState, now: number): boolean {
  return state.coachUnlockedUntil !== null && now < state.coachUnlockedUntil;
}

/** Media a locked kiosk may load: the scenarios' clips only (not recordings, exports or reports). */
export function mediaAllowed(urlPath: string, state: CoachGateState, now: number): boolean {
  if (state.dayTryoutId === null || coachUnlocked(state, now)) return true;
  return urlPath.startsWith('/media/clips/');
}

/**
 * Why a locked kiosk may not start this session, or null: a candidate's call must belong to the
 * day's tryout (no practice calls, no other tryout). A coach in coach mode may take any call.
 */
export function kioskSessionProblem(state: CoachGateState, tryoutId: string | undefined, now: number): string | null {
  if (state.dayTryoutId === null || coachUnlocked(state, now)) return null;
  if (tryoutId !== state.dayTryoutId) return 'This laptop is running a tryout: only the tryout’s own calls can be taken here.';
  return null;
}
