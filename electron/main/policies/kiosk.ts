/**
 * The kiosk's decisions, pure (no Electron import) so they are unit-tested under Node; main.ts
 * only wires them. Navigation, new windows and permissions are the same in and out of kiosk
 * mode (navigation.ts, permissions.ts): only the app's origin, no windows, the microphone only.
 */

/** Kiosk mode is asked for with `--kiosk` on the command line or TRYOUT_KIOSK=1. */
export function kioskModeRequested(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): boolean {
  return argv.includes('--kiosk') || env.TRYOUT_KIOSK === '1';
}

/** The window options a kiosk adds to mainWindowOptions: fullscreen, no menu bar, fixed in place. */
export interface KioskWindowFlags {
  readonly kiosk: true;
  readonly fullscreen: true;
  readonly autoHideMenuBar: true;
  readonly minimizable: false;
  readonly resizable: false;
  readonly movable: false;
}

export function kioskWindowFlags(): KioskWindowFlags {
  return { kiosk: true, fullscreen: true, autoHideMenuBar: true, minimizable: false, resizable: false, movable: false };
}

/** Why the window or the app is closing. */
export type CloseReason = 'window-close' | 'app-quit' | 'system-shutdown';

export interface CloseQuery {
  readonly kiosk: boolean;
  /** Ids of the sessions being recorded right now. */
  readonly recording: ReadonlySet<string> | readonly string[];
  readonly reason: CloseReason;
  /** A coach entered the PIN recently (main keeps the time of the last successful unlockCoach). */
  readonly coachUnlocked: boolean;
}

/**
 * allow: close now. finish-then-close: finish every open recording cleanly (WAV header and
 * manifest written: nothing lost), then close. veto: stay open.
 * The OS shutting down cannot be refused, so the recording is finished first. A kiosk refuses
 * a candidate's close (Alt+F4, Cmd+Q) at any time; a coach who unlocked may close it.
 */
export type CloseDecision = 'allow' | 'finish-then-close' | 'veto';

export function closeDecision(query: CloseQuery): CloseDecision {
  const recording = Array.isArray(query.recording) ? query.recording.length > 0 : (query.recording as ReadonlySet<string>).size > 0;
  if (query.reason === 'system-shutdown') return recording ? 'finish-then-close' : 'allow';
  if (query.kiosk && !query.coachUnlocked) return 'veto';
  return recording ? 'finish-then-close' : 'allow';
}

/** How long a coach's PIN unlock lets them close the kiosk. */
export const COACH_UNLOCK_CLOSE_WINDOW_MS = 10 * 60_000;

export function coachRecentlyUnlocked(lastUnlockAt: number | null, now: number): boolean {
  return lastUnlockAt !== null && now - lastUnlockAt >= 0 && now - lastUnlockAt < COACH_UNLOCK_CLOSE_WINDOW_MS;
}

/** The screen stays on for the whole of a kiosk or tryout day, and during any recording elsewhere. */
export type KeepAwake = 'prevent-display-sleep' | 'allow-sleep';

export function keepAwakeDecision(query: { readonly kiosk: boolean; readonly recordingCount: number; readonly tryoutDayOn?: boolean }): KeepAwake {
  return query.kiosk || query.tryoutDayOn === true || query.recordingCount > 0 ? 'prevent-display-sleep' : 'allow-sleep';
}

/**
 * Calls after which the window's browser storage and HTTP cache are cleared: candidate data was
 * deleted (or a day ended), and no copy of a recording or name may linger in Chromium's caches.
 */
const STORAGE_CLEARING_METHODS: ReadonlySet<string> = new Set(['deleteCandidateData', 'runRetentionSweep', 'endTryoutDay']);

export function clearsBrowserStorage(method: string): boolean {
  return STORAGE_CLEARING_METHODS.has(method);
}

/** At start: a second copy of the app hands over to the first and quits. */
export function singleInstanceDecision(gotLock: boolean): 'run' | 'quit' {
  return gotLock ? 'run' : 'quit';
}

/** When a second copy is started: bring the one window back (or open it if it was closed). */
export function secondInstanceAction(window: { readonly exists: boolean; readonly minimized: boolean }): 'open-window' | 'restore-and-focus' | 'focus' {
  if (!window.exists) return 'open-window';
  return window.minimized ? 'restore-and-focus' : 'focus';
}
