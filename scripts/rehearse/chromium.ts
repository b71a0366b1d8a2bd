import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.TRYOUT_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for Debian's Chromium on a closed network, as root, without a GPU. */
const BASE_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic', '--autoplay-policy=no-user-gesture-required',
];

export interface LaunchOptions {
  /** Hand the page a virtual microphone fed by the test (answers at chosen moments). */
  readonly virtualMic?: boolean;
  /** Or Chromium's fake capture device playing this WAV once. */
  readonly fakeMicWav?: string;
  /** No microphone at all (the fake device is absent). */
  readonly noMic?: boolean;
  /** Refuse microphone permission, as a user clicking "Block" would. */
  readonly denyMic?: boolean;
}

export interface LaunchedBrowser {
  readonly browser: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/** Launches Debian's Chromium with a fresh user-data folder and one page. */
export async function launchChromium(opts: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'tryout-chromium-'));
  const args = [...BASE_FLAGS];
  if (!opts.noMic) args.push('--use-fake-device-for-media-stream');
  // The fake UI grants every request; without it a headless prompt is dismissed (denied).
  if (!opts.denyMic) args.push('--use-fake-ui-for-media-stream');
  if (opts.fakeMicWav) args.push(`--use-file-for-fake-audio-capture=${opts.fakeMicWav}%noloop`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args,
    viewport: { width: 1100, height: 900 },
  });
  if (opts.virtualMic) await context.addInitScript(() => ((window as unknown as { __TRYOUT_TEST__: unknown }).__TRYOUT_TEST__ = { virtualMic: true }));
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    browser: context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export type { Browser, Page };
