import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../../scripts/rehearse/chromium.js';
import { startShellProcess, type ShellProcess } from '../../../scripts/rehearse/shell-process.js';

/** What a kiosk test block runs on: its own data folder, a browser-shell process and Chromium with a virtual microphone. */
export interface KioskRig {
  readonly dataDir: string;
  shell: ShellProcess;
  browser: LaunchedBrowser;
  /** The shell started again after a kill or a stop, when the test restarts it. */
  restarted?: ShellProcess;
}

/** Starts the rig before the enclosing describe block's tests and stops and removes all of it after them. */
export function kioskRig(prefix: string): KioskRig {
  // shell and browser are set in beforeAll, before any test reads them.
  const rig = { dataDir: mkdtempSync(join(tmpdir(), `tryout-${prefix}-`)) } as KioskRig;
  beforeAll(async () => {
    rig.shell = await startShellProcess({ dataDir: rig.dataDir });
    rig.browser = await launchChromium({ virtualMic: true });
  }, 120_000);
  afterAll(async () => {
    await (rig.browser as LaunchedBrowser | undefined)?.close();
    await rig.restarted?.stop();
    await (rig.shell as ShellProcess | undefined)?.stop();
    rmSync(rig.dataDir, { recursive: true, force: true });
  });
  return rig;
}
