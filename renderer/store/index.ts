import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice.js';
import { createCallSlice, type CallSlice } from './call-slice.js';
import { createCoachSlice, type CoachSlice } from './coach-slice.js';
import { createKioskSlice, type KioskSlice } from './kiosk-slice.js';

export type RootState = AppSlice & CallSlice & CoachSlice & KioskSlice;

/** One store built from slices (zustand's slices pattern); components read through selectors. */
export const useStore = create<RootState>()((...a) => ({ ...createAppSlice(...a), ...createCallSlice(...a), ...createCoachSlice(...a), ...createKioskSlice(...a) }));
