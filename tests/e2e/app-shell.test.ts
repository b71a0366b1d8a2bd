import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchChromium, type LaunchOptions } from '../../scripts/rehearse/chromium.js';
import { startShellProcess } from '../../scripts/rehearse/shell-process.js';

async function withApp(opts: { scenariosDir?: string; launch?: LaunchOptions }, fn: (page: Page) => Promise<void>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tryout-app-'));
  const shell = await startShellProcess({ dataDir, ...(opts.scenariosDir ? { scenariosDir: opts.scenariosDir } : {}) });
  const browser = await launchChromium(opts.launch ?? {});
  try {
    await browser.page.goto(shell.url);
    await browser.page.waitForSelector('body[data-app-state="ready"]');
    await fn(browser.page);
  } finally {
    await browser.close();
    await shell.stop();
  }
}

async function toMicCheck(page: Page) {
  await page.fill('[data-testid="candidate-name"]', 'Ada');
  await page.click('[data-testid="scenario-long-hold"]');
  await page.click('[data-testid="continue"]');
}

describe('the app in the browser shell', () => {
  it('keeps running with the good scenarios and shows each broken file as file:line:col', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tryout-scenarios-'));
    cpSync('scenarios/long-hold.yaml', join(dir, 'long-hold.yaml'));
    cpSync('scenarios/audio/long-hold', join(dir, 'audio/long-hold'), { recursive: true });
    writeFileSync(join(dir, 'broken.yaml'), 'id: broken\ntitle: Broken\nbrief: b\ncustomer: { name: X }\nsteps:\n  - id: a\n    speak: "hi"\n');
    await withApp({ scenariosDir: dir }, async (page) => {
      await expect.poll(() => page.locator('[data-testid="scenario-long-hold"]').count()).toBe(1);
      const problems = await page.textContent('[data-testid="scenario-problems"]');
      expect(problems).toMatch(/broken\.yaml:7:5/);
      expect(problems).toContain('speak');
    });
  });

  it('checks the microphone before the call: level meter and device choice', async () => {
    await withApp({}, async (page) => {
      await toMicCheck(page);
      await page.waitForSelector('[data-testid="mic-device"]');
      expect(await page.locator('[data-testid="level-meter"]').count()).toBe(1);
      expect(await page.textContent('[data-testid="scenario-brief"]')).toContain('Back from');
    });
  });

  it('explains plainly when microphone permission is refused', async () => {
    await withApp({ launch: { denyMic: true } }, async (page) => {
      await toMicCheck(page);
      await expect.poll(() => page.textContent('[data-testid="mic-error"]'), { timeout: 15_000 }).toContain('not allowed to use the microphone');
      expect(await page.locator('[data-testid="start-without-mic"]').count()).toBe(1);
    });
  });

  it('explains plainly when there is no microphone', async () => {
    await withApp({ launch: { noMic: true } }, async (page) => {
      await toMicCheck(page);
      await expect.poll(() => page.textContent('[data-testid="mic-error"]'), { timeout: 15_000 }).toMatch(/No microphone was found|could not be opened/);
    });
  });
});
