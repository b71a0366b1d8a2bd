import type { StateCreator } from 'zustand';
import type { RootState } from './index.js';

/** What the coach screen hands to the call: a preview that starts at a chosen step. */
export interface CoachSlice {
  /** The scenario the coach screen shows (kept across a preview call). */
  coachScenarioId: string | null;
  /** Set for a preview call: the engine starts at this step. Null for a normal call. */
  previewFromStepId: string | null;
  setCoachScenario(id: string | null): void;
  setPreviewFrom(stepId: string | null): void;
}

export const createCoachSlice: StateCreator<RootState, [], [], CoachSlice> = (set) => ({
  coachScenarioId: null,
  previewFromStepId: null,
  setCoachScenario: (coachScenarioId) => set({ coachScenarioId }),
  setPreviewFrom: (previewFromStepId) => set({ previewFromStepId }),
});
