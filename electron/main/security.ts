import type { Session, WebContents } from 'electron';
import { shouldAllowNavigation, windowOpenDecision } from './policies/navigation.js';
import { isPermissionCheckGranted, isPermissionGranted } from './policies/permissions.js';

/** Wires the pure policies into a session and into every web contents. */

export function applySessionPolicies(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const securityOrigin = 'securityOrigin' in details ? details.securityOrigin : undefined;
    callback(
      isPermissionGranted({
        permission,
        requestingOrigin: securityOrigin ?? details.requestingUrl,
        mediaTypes,
        isMainFrame: details.isMainFrame,
      }),
    );
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionCheckGranted({
      permission,
      requestingOrigin,
      mediaType: details.mediaType,
      securityOrigin: details.securityOrigin,
      isMainFrame: details.isMainFrame,
    }),
  );
  // No HID / USB / serial / Bluetooth devices, ever.
  ses.setDevicePermissionHandler(() => false);
}

/** For every web contents (the window, devtools, anything else): stay on the app, open nothing. */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!shouldAllowNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!shouldAllowNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => windowOpenDecision(url));
}
