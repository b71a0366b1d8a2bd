import type { StateCreator } from 'zustand';
import type { ScenarioCatalog } from '../../core/api.js';
import type { SessionManifest } from '../../core/session/manifest.js';
import type { Settings } from '../../core/settings.js';
import type { RootState } from './index.js';

export type Screen = 'home' | 'mic-check' | 'call' | 'sessions' | 'coach' | 'review' | 'progress' | 'speech' | 'results-board';

export interface AppSlice {
  screen: Screen;
  catalog: ScenarioCatalog | null;
  sessions: readonly SessionManifest[];
  settings: Settings | null;
  selectedScenarioId: string | null;
  candidateName: string;
  appError: string | null;
  /** False when the trainee chose to take the call without a microphone. */
  useMicrophone: boolean;
  /** The session open on the review screen. */
  reviewSessionId: string | null;
  /** The item ("<checklist>/<item>") the review screen scrolls to and focuses once, or null. */
  reviewStartItem: string | null;
  /** The tryout the results board shows (null: the day's, else the latest). */
  boardTryoutId: string | null;
  setScreen(screen: Screen): void;
  setCatalog(catalog: ScenarioCatalog): void;
  setSessions(sessions: readonly SessionManifest[]): void;
  setSettings(settings: Settings): void;
  selectScenario(id: string | null): void;
  setCandidateName(name: string): void;
  setAppError(message: string | null): void;
  openReview(sessionId: string): void;
  /** Opens a session's review at one item (the results board's cells). */
  openReviewAt(sessionId: string, itemKey: string | null): void;
  clearReviewStartItem(): void;
  openResultsBoard(tryoutId: string | null): void;
}

export const createAppSlice: StateCreator<RootState, [], [], AppSlice> = (set) => ({
  screen: 'home',
  catalog: null,
  sessions: [],
  settings: null,
  selectedScenarioId: null,
  candidateName: '',
  appError: null,
  useMicrophone: true,
  reviewSessionId: null,
  reviewStartItem: null,
  boardTryoutId: null,
  setScreen: (screen) => set({ screen }),
  setCatalog: (catalog) => set({ catalog }),
  setSessions: (sessions) => set({ sessions }),
  setSettings: (settings) => set({ settings }),
  selectScenario: (selectedScenarioId) => set({ selectedScenarioId }),
  setCandidateName: (candidateName) => set({ candidateName }),
  setAppError: (appError) => set({ appError }),
  openReview: (reviewSessionId) => set({ reviewSessionId, screen: 'review', reviewStartItem: null }),
  openReviewAt: (reviewSessionId, reviewStartItem) => set({ reviewSessionId, screen: 'review', reviewStartItem }),
  clearReviewStartItem: () => set({ reviewStartItem: null }),
  openResultsBoard: (boardTryoutId) => set({ boardTryoutId, screen: 'results-board' }),
});
