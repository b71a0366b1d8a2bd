import { isAppUrl } from './origin.js';

/** A window may only ever show the app itself; any other navigation is cancelled. */
export function shouldAllowNavigation(url: unknown): boolean {
  return isAppUrl(url);
}

/** The shape `webContents.setWindowOpenHandler` expects. */
export interface WindowOpenDecision {
  readonly action: 'deny';
}

/**
 * window.open / target=_blank: always denied, and nothing is opened externally either.
 * Tryout is an offline trainer with no outbound links, so a new-window request is either a
 * bug or content trying to get out; handing URLs to shell.openExternal would give a
 * compromised renderer a way to launch other programs, for no feature in return.
 */
export function windowOpenDecision(_url: unknown): WindowOpenDecision {
  return { action: 'deny' };
}
