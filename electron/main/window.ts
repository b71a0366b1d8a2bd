import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './policies/origin.js';
import { kioskWindowFlags } from './policies/kiosk.js';
import { mainWindowOptions } from './policies/window-options.js';

/** The one main window: hardened options, shown when painted, loading app://tryout/. */
export function createMainWindow(preloadPath: string, kiosk = false): BrowserWindow {
  const window = new BrowserWindow({ ...mainWindowOptions(preloadPath), ...(kiosk ? kioskWindowFlags() : {}) });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`Tryout could not load ${APP_ENTRY_URL}: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}
