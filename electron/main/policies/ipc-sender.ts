import { isAppUrl } from './origin.js';

/** The parts of Electron's WebFrameMain that the check reads. */
export interface SenderFrameLike {
  readonly url: string;
  /** null for a top-level frame. */
  readonly parent: unknown;
}

/**
 * Only the app's own top-level page may call the API: not a subframe, not about:blank, not a
 * page from any other origin (the window cannot navigate there, but this holds regardless).
 */
export function isTrustedSender(frame: SenderFrameLike | null | undefined): boolean {
  if (!frame) return false;
  return frame.parent === null && isAppUrl(frame.url);
}
