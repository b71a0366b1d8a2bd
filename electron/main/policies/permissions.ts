import { isAppUrl } from './origin.js';

/**
 * Web permissions. The app needs exactly one: the microphone (getUserMedia audio) for its own
 * top-level page. Camera, screen, notifications, geolocation, MIDI, HID, ... are all refused,
 * as is the microphone for any other origin (a stray page, a loopback server, a subframe).
 */

export interface PermissionRequestQuery {
  readonly permission: string;
  /** The requesting origin (or URL); only its scheme + host are compared. */
  readonly requestingOrigin: string | null | undefined;
  /** For 'media': what is asked for ('audio' = microphone, 'video' = camera). */
  readonly mediaTypes?: readonly string[] | undefined;
  /** When known: false for subframes, which are refused. */
  readonly isMainFrame?: boolean | undefined;
}

/** For session.setPermissionRequestHandler. */
export function isPermissionGranted(query: PermissionRequestQuery): boolean {
  if (query.permission !== 'media') return false;
  if (query.isMainFrame === false) return false;
  if (!isAppUrl(query.requestingOrigin)) return false;
  const types = query.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'audio');
}

export interface PermissionCheckQuery {
  readonly permission: string;
  readonly requestingOrigin: string | null | undefined;
  /** For 'media' checks: 'audio', 'video' or 'unknown'. */
  readonly mediaType?: string | undefined;
  /** The requesting frame's origin, when Electron provides it; it must be the app too. */
  readonly securityOrigin?: string | undefined;
  readonly isMainFrame?: boolean | undefined;
}

/** For session.setPermissionCheckHandler (synchronous "is it granted?" queries). */
export function isPermissionCheckGranted(query: PermissionCheckQuery): boolean {
  if (query.securityOrigin !== undefined && !isAppUrl(query.securityOrigin)) return false;
  return isPermissionGranted({
    permission: query.permission,
    requestingOrigin: query.requestingOrigin,
    mediaTypes: query.mediaType === undefined ? [] : [query.mediaType],
    isMainFrame: query.isMainFrame,
  });
}
