import type { StateCreator } from 'zustand';
import type { TryoutDayState } from '../../core/api.js';
import type { Candidate } from '../../core/session/manifest.js';
import type { Consent } from '../../core/tryout/consent.js';
import type { RootState } from './index.js';

/** Where a candidate is in a tryout day: check in, consent, then each call (brief, call), then thanks. */
export type KioskStep = 'check-in' | 'consent' | 'brief' | 'call' | 'thanks';

export interface KioskCandidate {
  readonly step: KioskStep;
  readonly candidate: Candidate | null;
  readonly consent: Consent | null;
  /** Index in the tryout's playlist of the call being briefed or taken. */
  readonly index: number;
}

export const FRESH_CANDIDATE: KioskCandidate = { step: 'check-in', candidate: null, consent: null, index: 0 };

/** The tryout day as the back end reports it, and the candidate in front of the kiosk. */
export interface KioskSlice {
  /** Null until loaded at start-up. */
  tryoutDay: TryoutDayState | null;
  kiosk: KioskCandidate;
  setTryoutDay(day: TryoutDayState): void;
  patchKiosk(patch: Partial<KioskCandidate>): void;
  /** Forgets everything of the candidate (name, consent, their call and transcript) for the next one. */
  resetKiosk(): void;
}

/** True when the candidate screens are showing: a day is on and coach mode is locked. */
export function kioskLocked(day: TryoutDayState | null): boolean {
  return day !== null && day.tryout !== null && !day.coachUnlocked;
}

export const createKioskSlice: StateCreator<RootState, [], [], KioskSlice> = (set, get) => ({
  tryoutDay: null,
  kiosk: FRESH_CANDIDATE,
  setTryoutDay: (tryoutDay) => set({ tryoutDay }),
  patchKiosk: (patch) => set((s) => ({ kiosk: { ...s.kiosk, ...patch } })),
  resetKiosk: () => {
    get().resetCall();
    set({ kiosk: FRESH_CANDIDATE, candidateName: '', selectedScenarioId: null, sessions: [], reviewSessionId: null, appError: null, useMicrophone: true, screen: 'home' });
  },
});
