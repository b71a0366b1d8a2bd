import type { StateCreator } from 'zustand';
import type { RootState } from './index.js';

/** What the call screen shows; written by the call controller only. */
/** 'transcribing': the answer is being transcribed before the call goes on (a branch reads what was said). */
export type CallPhase = 'connecting' | 'speaking' | 'holding' | 'listening' | 'typing' | 'transcribing' | 'saving' | 'ended' | 'failed';

export interface CallView {
  phase: CallPhase;
  sessionId: string | null;
  stepId: string | null;
  caption: string | null;
  captionVoice: 'clip' | 'system' | null;
  hint: string | null;
  holdSeconds: number | null;
  holdStartedAt: number | null;
  prompt: string | null;
  message: string | null;
  minChars: number;
  trainee: 'silent' | 'speaking';
  micDb: number;
  /** Audio chunks not yet confirmed by the back end (shown when the back end is slow or down). */
  pendingChunks: number;
  /** "Callers waiting" on screen, for scenarios with a queue; null otherwise. */
  queueCount: number | null;
  error: string | null;
  /** Set when the call stopped because its files could not be written: what the coach must know and do. */
  coachNote: string | null;
  transcript: readonly { who: 'customer' | 'trainee'; text: string }[];
}

export interface CallSlice {
  call: CallView;
  patchCall(patch: Partial<CallView>): void;
  resetCall(): void;
}

export const INITIAL_CALL: CallView = {
  phase: 'connecting', sessionId: null, stepId: null, caption: null, captionVoice: null, hint: null,
  holdSeconds: null, holdStartedAt: null, prompt: null, message: null, minChars: 1, trainee: 'silent',
  micDb: -100, pendingChunks: 0, queueCount: null, error: null, coachNote: null, transcript: [],
};

export const createCallSlice: StateCreator<RootState, [], [], CallSlice> = (set) => ({
  call: INITIAL_CALL,
  patchCall: (patch) => set((s) => ({ call: { ...s.call, ...patch } })),
  resetCall: () => set({ call: INITIAL_CALL }),
});
