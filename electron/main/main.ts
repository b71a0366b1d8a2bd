import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, net, protocol, session } from 'electron';
import { adoptLegacySettings } from '../services/storage/settings-file.js';
import { createTrainerService, type TrainerService } from '../services/trainer-service.js';
import { createAppProtocolHandler } from './app-protocol.js';
import { registerIpcHandlers } from './ipc.js';
import { appPaths } from './policies/app-paths.js';
import { APP_SCHEME } from './policies/origin.js';
import { applySessionPolicies, guardWebContents } from './security.js';
import { createMainWindow } from './window.js';
import { startKiosk, type Kiosk } from './kiosk.js';
import { kioskModeRequested, secondInstanceAction, singleInstanceDecision } from './policies/kiosk.js';

/**
 * Electron lifecycle only; every decision lives in ./policies (unit-tested under plain Node).
 * One instance; the renderer is served from app://tryout/ by a privileged standard scheme.
 */

// Before 'ready': app:// behaves like https (secure context for getUserMedia, fetch, streaming).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);
app.enableSandbox();

const paths = appPaths({
  isPackaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  appPath: app.getAppPath(),
  mainDir: dirname(fileURLToPath(import.meta.url)),
});

let service: TrainerService | undefined;
let mainWindow: BrowserWindow | null = null;
let kiosk: Kiosk | undefined;
const kioskMode = kioskModeRequested(process.argv, process.env);

function openWindow(): void {
  mainWindow = createMainWindow(paths.preload, kioskMode);
  kiosk?.guardWindow(mainWindow);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  // Settings live in the service's <userData>/settings.json, as in the browser shell; an older
  // version's electron-store config.json is moved there once.
  if (await adoptLegacySettings(dataDir, join(dataDir, 'config.json'))) console.log('settings: moved config.json into settings.json');
  const trainer = createTrainerService({ dataDir, scenariosDir: paths.scenariosDir });
  service = trainer;
  for (const id of trainer.recoveredAtStartup) console.log(`recovered session ${id}`);
  kiosk = startKiosk({
    kiosk: kioskMode,
    recordingSessionIds: trainer.recordingSessionIds,
    finishRecordings: trainer.finishRecordings,
    tryoutDayOn: trainer.tryoutDayOn,
    clearBrowserStorage: async () => {
      await session.defaultSession.clearStorageData();
      await session.defaultSession.clearCache();
    },
  });

  registerIpcHandlers(ipcMain, { dispatch: kiosk.trackCoachUnlock(trainer.dispatch) });

  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererDir: paths.rendererDir,
      resolveMedia: trainer.resolveMedia,
      fetchFile: (file, init) => net.fetch(pathToFileURL(file).href, init),
    }),
  );
  applySessionPolicies(session.defaultSession);
  openWindow();
}

if (singleInstanceDecision(app.requestSingleInstanceLock()) === 'quit') {
  app.quit();
} else {
  app.on('second-instance', () => {
    const action = secondInstanceAction({ exists: mainWindow !== null, minimized: mainWindow?.isMinimized() ?? false });
    if (action === 'open-window') {
      if (service) openWindow();
      return;
    }
    if (action === 'restore-and-focus') mainWindow?.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('activate', () => {
    if (service && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Let the service finish pending writes and close session files before exiting.
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed || !service) return;
    const decision = kiosk?.decide('app-quit') ?? 'allow';
    event.preventDefault();
    if (decision === 'veto') return;
    kiosk?.approveQuit();
    kiosk?.stop();
    const open = service;
    // Recordings are finished cleanly (never just cut off) before the files are closed.
    const closing = decision === 'finish-then-close' ? open.finishRecordings().then(() => open.close()) : open.close();
    closing
      .catch((error: unknown) => console.error(`Tryout: error while closing sessions: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error(`Tryout failed to start: ${error instanceof Error ? error.message : String(error)}`);
      app.exit(1);
    });
}
