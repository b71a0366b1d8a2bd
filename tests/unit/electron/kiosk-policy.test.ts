import { describe, expect, it } from 'vitest';
import {
  closeDecision,
  COACH_UNLOCK_CLOSE_WINDOW_MS,
  coachRecentlyUnlocked,
  keepAwakeDecision,
  clearsBrowserStorage,
  kioskModeRequested,
  kioskWindowFlags,
  secondInstanceAction,
  singleInstanceDecision,
  type CloseQuery,
} from '../../../electron/main/policies/kiosk.js';
import { shouldAllowNavigation, windowOpenDecision } from '../../../electron/main/policies/navigation.js';
import { isPermissionGranted } from '../../../electron/main/policies/permissions.js';
import { mainWindowOptions } from '../../../electron/main/policies/window-options.js';

const query = (overrides: Partial<CloseQuery>): CloseQuery => ({ kiosk: false, recording: [], reason: 'window-close', coachUnlocked: false, ...overrides });

describe('kiosk close decisions', () => {
  it('vetoes a candidate closing the kiosk, recording or not', () => {
    expect(closeDecision(query({ kiosk: true, recording: ['20261123-100000-aaaaaa'] }))).toBe('veto');
    expect(closeDecision(query({ kiosk: true, recording: new Set(['20261123-100000-aaaaaa']), reason: 'app-quit' }))).toBe('veto');
    expect(closeDecision(query({ kiosk: true }))).toBe('veto');
  });

  it('lets a coach who unlocked close the kiosk, finishing an open recording first', () => {
    expect(closeDecision(query({ kiosk: true, coachUnlocked: true }))).toBe('allow');
    expect(closeDecision(query({ kiosk: true, coachUnlocked: true, recording: ['20261123-100000-aaaaaa'] }))).toBe('finish-then-close');
  });

  it('finishes the recording before closing outside kiosk mode, and closes at once when nothing records', () => {
    expect(closeDecision(query({ recording: new Set(['20261123-100000-aaaaaa']) }))).toBe('finish-then-close');
    expect(closeDecision(query({ recording: new Set() }))).toBe('allow');
    expect(closeDecision(query({ reason: 'app-quit' }))).toBe('allow');
  });

  it('never refuses the OS shutting down, but still finishes the recording', () => {
    expect(closeDecision(query({ kiosk: true, reason: 'system-shutdown' }))).toBe('allow');
    expect(closeDecision(query({ kiosk: true, reason: 'system-shutdown', recording: ['20261123-100000-aaaaaa'] }))).toBe('finish-then-close');
  });

  it('counts a coach unlock for ten minutes only', () => {
    const at = 1_800_000_000_000;
    expect(coachRecentlyUnlocked(null, at)).toBe(false);
    expect(coachRecentlyUnlocked(at, at)).toBe(true);
    expect(coachRecentlyUnlocked(at, at + COACH_UNLOCK_CLOSE_WINDOW_MS - 1)).toBe(true);
    expect(coachRecentlyUnlocked(at, at + COACH_UNLOCK_CLOSE_WINDOW_MS)).toBe(false);
    expect(coachRecentlyUnlocked(at, at - 1)).toBe(false);
  });
});

describe('kiosk start-up, window and keep-awake', () => {
  it('turns kiosk mode on with --kiosk or TRYOUT_KIOSK=1 only', () => {
    expect(kioskModeRequested(['electron', '.', '--kiosk'], {})).toBe(true);
    expect(kioskModeRequested(['electron', '.'], { TRYOUT_KIOSK: '1' })).toBe(true);
    expect(kioskModeRequested(['electron', '.'], { TRYOUT_KIOSK: '0' })).toBe(false);
    expect(kioskModeRequested(['electron', '.', '--kiosk-ish'], {})).toBe(false);
  });

  it('makes the kiosk window fullscreen, menu-less and fixed, on top of the hardened options', () => {
    const options = { ...mainWindowOptions('/p/preload.cjs'), ...kioskWindowFlags() };
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true, minimizable: false, resizable: false, movable: false, show: false });
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  });

  it('keeps the screen awake all kiosk day and while recording elsewhere', () => {
    expect(keepAwakeDecision({ kiosk: true, recordingCount: 0 })).toBe('prevent-display-sleep');
    expect(keepAwakeDecision({ kiosk: false, recordingCount: 1 })).toBe('prevent-display-sleep');
    expect(keepAwakeDecision({ kiosk: false, recordingCount: 0 })).toBe('allow-sleep');
    expect(keepAwakeDecision({ kiosk: false, recordingCount: 0, tryoutDayOn: true })).toBe('prevent-display-sleep');
  });

  it('clears the browser storage after candidate data is deleted or a day ends, not after other calls', () => {
    for (const method of ['deleteCandidateData', 'runRetentionSweep', 'endTryoutDay']) expect(clearsBrowserStorage(method)).toBe(true);
    for (const method of ['listSessions', 'startSession', 'unlockCoach', 'saveReview']) expect(clearsBrowserStorage(method)).toBe(false);
  });

  it('runs one instance: a second one quits and brings the first window back', () => {
    expect(singleInstanceDecision(true)).toBe('run');
    expect(singleInstanceDecision(false)).toBe('quit');
    expect(secondInstanceAction({ exists: false, minimized: false })).toBe('open-window');
    expect(secondInstanceAction({ exists: true, minimized: true })).toBe('restore-and-focus');
    expect(secondInstanceAction({ exists: true, minimized: false })).toBe('focus');
  });

  it('keeps the kiosk on the app: other origins, new windows and permissions other than its microphone are refused', () => {
    expect(shouldAllowNavigation('app://tryout/#/tryout')).toBe(true);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'view-source:app://tryout/', 'devtools://devtools/bundled/inspector.html', 'chrome://gpu']) {
      expect(shouldAllowNavigation(url), url).toBe(false);
    }
    expect(windowOpenDecision('app://tryout/')).toEqual({ action: 'deny' });
    expect(isPermissionGranted({ permission: 'media', requestingOrigin: 'app://tryout', mediaTypes: ['audio'], isMainFrame: true })).toBe(true);
    expect(isPermissionGranted({ permission: 'fullscreen', requestingOrigin: 'app://tryout' })).toBe(false);
    expect(isPermissionGranted({ permission: 'media', requestingOrigin: 'https://example.com', mediaTypes: ['audio'] })).toBe(false);
  });
});
