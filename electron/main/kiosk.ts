import { Menu, powerMonitor, powerSaveBlocker, type BrowserWindow, type WebContents } from 'electron';
import type { CoachUnlock } from '../../core/api.js';
import { blockedShortcut } from './policies/kiosk-shortcuts.js';
import { clearsBrowserStorage, closeDecision, coachRecentlyUnlocked, keepAwakeDecision, type CloseDecision, type CloseReason } from './policies/kiosk.js';

/** Wires the kiosk policies (policies/kiosk*.ts) into Electron; no decisions are made here. */

export interface KioskDeps {
  readonly kiosk: boolean;
  recordingSessionIds(): string[];
  /** Finishes open recordings cleanly before a close (trainer service). */
  finishRecordings(): Promise<string[]>;
  /** True while a tryout day is on (trainer service): the screen is kept awake. */
  tryoutDayOn(): boolean;
  /** Clears the window's browser storage and HTTP cache (after candidate data was deleted). */
  clearBrowserStorage(): Promise<void>;
}

export interface Kiosk {
  /** Wraps the service's dispatch: notes coach unlocks (a coach may then close the kiosk), clears storage after deletions. */
  trackCoachUnlock(dispatch: (method: string, input: unknown) => Promise<unknown>): (method: string, input: unknown) => Promise<unknown>;
  /** What a close for `reason` should do now. */
  decide(reason: CloseReason): CloseDecision;
  /** Guards one window: shortcuts swallowed (kiosk), closing vetoed or preceded by finishing recordings. */
  guardWindow(window: BrowserWindow): void;
  /** The quit was decided (and recordings finished): windows close without asking again. */
  approveQuit(): void;
  stop(): void;
}

const KEEP_AWAKE_POLL_MS = 5000;

export function startKiosk(deps: KioskDeps): Kiosk {
  let lastCoachUnlockAt: number | null = null;
  let shuttingDown = false;
  let blockerId: number | null = null;
  let quitApproved = false;

  if (deps.kiosk) Menu.setApplicationMenu(null);
  // Linux and macOS tell us the OS is shutting down (Windows: the window's 'session-end').
  powerMonitor.on('shutdown', () => {
    shuttingDown = true;
  });

  const updateKeepAwake = () => {
    const want = keepAwakeDecision({ kiosk: deps.kiosk, recordingCount: deps.recordingSessionIds().length, tryoutDayOn: deps.tryoutDayOn() });
    if (want === 'prevent-display-sleep' && blockerId === null) blockerId = powerSaveBlocker.start('prevent-display-sleep');
    if (want === 'allow-sleep' && blockerId !== null) {
      powerSaveBlocker.stop(blockerId);
      blockerId = null;
    }
  };
  updateKeepAwake();
  const timer = setInterval(updateKeepAwake, KEEP_AWAKE_POLL_MS);

  const decide = (reason: CloseReason): CloseDecision =>
    closeDecision({
      kiosk: deps.kiosk,
      recording: deps.recordingSessionIds(),
      reason: shuttingDown ? 'system-shutdown' : reason,
      coachUnlocked: coachRecentlyUnlocked(lastCoachUnlockAt, Date.now()),
    });

  function guardInput(contents: WebContents): void {
    if (!deps.kiosk) return;
    contents.on('before-input-event', (event, input) => {
      if (blockedShortcut(input, process.platform) !== null) event.preventDefault();
    });
  }

  return {
    trackCoachUnlock: (dispatch) => async (method, input) => {
      const result = await dispatch(method, input);
      if (method === 'unlockCoach' && (result as CoachUnlock).ok) lastCoachUnlockAt = Date.now();
      if (clearsBrowserStorage(method)) {
        await deps.clearBrowserStorage().catch((error: unknown) => console.error(`Tryout: browser storage could not be cleared: ${error instanceof Error ? error.message : String(error)}`));
      }
      return result;
    },
    decide,
    guardWindow(window) {
      guardInput(window.webContents);
      let finished = false;
      window.on('session-end', () => {
        shuttingDown = true;
      });
      window.on('close', (event) => {
        if (finished || quitApproved) return;
        const decision = decide('window-close');
        if (decision === 'allow') return;
        event.preventDefault();
        if (decision === 'veto') return;
        deps
          .finishRecordings()
          .catch((error: unknown) => console.error(`Tryout: a recording could not be finished: ${error instanceof Error ? error.message : String(error)}`))
          .finally(() => {
            finished = true;
            if (!window.isDestroyed()) window.close();
          });
      });
    },
    approveQuit() {
      quitApproved = true;
    },
    stop() {
      clearInterval(timer);
      if (blockerId !== null) powerSaveBlocker.stop(blockerId);
      blockerId = null;
    },
  };
}

