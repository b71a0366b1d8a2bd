import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type LaunchedBrowser, type LaunchOptions } from '../../scripts/rehearse/chromium.js';
import { startShellProcess, type ShellProcess } from '../../scripts/rehearse/shell-process.js';

/** The app as a user meets it: a browser shell on a fresh data folder, and Chromium. */
export interface AppUnderTest {
  readonly dataDir: string;
  readonly shell: ShellProcess;
  readonly browser: LaunchedBrowser;
}

export interface AppUnderTestOptions {
  /** Chromium's microphone set-up. */
  readonly launch?: LaunchOptions;
  /** Writes files into the data folder before the shell starts (past sessions and the like). */
  readonly prepare?: (dataDir: string) => void;
  readonly viewport?: { readonly width: number; readonly height: number };
}

/**
 * Starts the shell and Chromium before the enclosing describe's tests and removes everything
 * after them. Read the fields inside tests or later hooks (they are set in beforeAll).
 */
export function appUnderTest(name: string, opts: AppUnderTestOptions = {}): AppUnderTest {
  const dataDir = mkdtempSync(join(tmpdir(), `tryout-${name}-`));
  let shell: ShellProcess | undefined;
  let browser: LaunchedBrowser | undefined;
  beforeAll(async () => {
    opts.prepare?.(dataDir);
    shell = await startShellProcess({ dataDir });
    browser = await launchChromium(opts.launch);
    if (opts.viewport) await browser.page.setViewportSize(opts.viewport);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} has not started (use it inside a test or a later hook)`);
    return value;
  };
  return {
    dataDir,
    get shell() {
      return started(shell, 'browser shell');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}
