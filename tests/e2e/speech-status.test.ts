import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchChromium, type LaunchOptions } from '../../scripts/rehearse/chromium.js';
import { startShellProcess } from '../../scripts/rehearse/shell-process.js';
import { speech } from '../../scripts/rehearse/speech.js';
import { expectAccessible } from '../support/axe.js';

/**
 * The coach's "Speech engines" screen in Chromium, with Chromium's fake microphone playing a
 * festival sentence once: the engines table, the choice and why, and the test recording's words.
 */
const SHOT = resolve(import.meta.dirname, '../../docs/screenshots/speech-status.png');
const SAID = "I'm so sorry, let me sort that out for you.";
const sel = (id: string) => `[data-testid="${id}"]`;

/** A folder of links to every program on PATH except pocketsphinx's (as on a laptop without it). */
function pathWithoutPocketsphinx(root: string): string {
  const bin = join(root, 'bin');
  mkdirSync(bin);
  for (const dir of (process.env['PATH'] ?? '').split(delimiter).filter((d) => d !== '' && existsSync(d))) {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('pocketsphinx') || existsSync(join(bin, name))) continue;
      symlinkSync(join(dir, name), join(bin, name));
    }
  }
  return bin;
}

async function withScreen(opts: { launch: LaunchOptions; env?: NodeJS.ProcessEnv }, fn: (page: Page) => Promise<void>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tryout-speech-status-'));
  const shell = await startShellProcess({ dataDir, ...(opts.env ? { env: opts.env } : {}) });
  const browser = await launchChromium(opts.launch);
  try {
    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(shell.url);
    await page.waitForSelector('body[data-app-state="ready"]');
    await page.click(sel('nav-speech'));
    await page.waitForSelector(sel('speech-engines'));
    await fn(page);
  } finally {
    await browser.close();
    await shell.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Presses the test button from the keyboard and waits for the words (or an error). */
async function runTest(page: Page, timeout: number): Promise<string> {
  // Enabled once the settings (the chosen microphone) are loaded.
  await page.waitForSelector(`${sel('speech-test-start')}:not([disabled])`);
  await page.focus(sel('speech-test-start'));
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${sel('speech-test')}:not([data-phase="idle"])`, { timeout: 5000 });
  const recording = await page.waitForSelector(`${sel('speech-test')}[data-phase="recording"]`, { timeout: 60_000 }).catch(() => null);
  if (!recording) throw new Error(`the test did not start recording: phase ${String(await page.getAttribute(sel('speech-test'), 'data-phase'))}, ${String(await page.textContent(sel('speech-test')))}`);
  // While recording: the progress bar and the level meter.
  expect(await page.locator(`${sel('speech-test-status')} progress`).count()).toBe(1);
  expect(await page.locator(`${sel('speech-test-status')} ${sel('level-meter')}`).count()).toBe(1);
  await page.waitForSelector(`${sel('speech-test')}[data-phase="done"], ${sel('speech-test')}[data-phase="error"]`, { timeout });
  return (await page.getAttribute(sel('speech-test'), 'data-phase')) ?? '';
}

const wordsOnScreen = (page: Page) => page.locator(`${sel('speech-word')} .word`).allTextContents();

describe('the Speech engines screen', () => {
  it('shows the engines, the choice and why, and the words pocketsphinx heard from the microphone', async () => {
    await withScreen({ launch: { fakeMicWav: speech(SAID, 'us-slt') } }, async (page) => {
      expect(await page.getAttribute(sel('engine-pocketsphinx'), 'data-installed')).toBe('true');
      expect(await page.getAttribute(sel('engine-phrase-spotter'), 'data-installed')).toBe('true');
      expect(await page.getAttribute(sel('engine-whisper'), 'data-installed')).toBe('false');
      expect(await page.textContent(sel('engine-phrase-spotter'))).toMatch(/0\.6\.3.*cmusphinx-en-us-ptm-8khz-5\.2.*\d+\.\d MB/s);
      expect(await page.getAttribute(sel('speech-transcripts'), 'data-engine')).toBe('pocketsphinx');
      expect(await page.textContent(sel('speech-transcripts'))).toContain('pocketsphinx_continuous found on PATH');
      expect(await page.getAttribute(sel('speech-branching'), 'data-engine')).toBe('pocketsphinx');

      expect(await runTest(page, 60_000)).toBe('done');
      expect(await page.textContent(sel('speech-test-engine'))).toBe('pocketsphinx');
      const words = await wordsOnScreen(page);
      for (const w of ['sorry', 'sort', 'that', 'out', 'for', 'you']) expect(words).toContain(w);
      // Each word shows its confidence; unsure ones are marked in words, not only by colour.
      const labels = await page.locator(sel('speech-word')).allTextContents();
      for (const l of labels) expect(l).toMatch(/\d+%/);
      const unsure = await page.locator(`${sel('speech-word')}[data-unsure="true"]`).allTextContents();
      for (const u of unsure) expect(u).toContain('(unsure)');

      await expectAccessible(page, 'speech-status', { include: sel('speech-status-screen') });
      mkdirSync(dirname(SHOT), { recursive: true });
      await page.screenshot({ path: SHOT, fullPage: true });
    });
  });

  it('with pocketsphinx hidden: no transcript engine, and the test recording goes through the phrase spotter', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tryout-no-asr-'));
    try {
      const env = { ...process.env, PATH: pathWithoutPocketsphinx(root) };
      await withScreen({ launch: { fakeMicWav: speech(SAID, 'us-slt') }, env }, async (page) => {
        expect(await page.getAttribute(sel('engine-pocketsphinx'), 'data-installed')).toBe('false');
        expect(await page.getAttribute(sel('speech-transcripts'), 'data-engine')).toBe('none');
        expect(await page.textContent(sel('speech-transcripts'))).toContain('no transcript engine: no pocketsphinx, no whisper model and no sherpa-onnx model; the phrase spotter judges what the scenario asks for');
        expect(await page.getAttribute(sel('speech-branching'), 'data-engine')).toBe('phrase-spotter');

        expect(await runTest(page, 150_000)).toBe('done');
        expect(await page.textContent(sel('speech-test-engine'))).toMatch(/^soundswallower-spotter /);
        expect(await wordsOnScreen(page)).toContain('sorry');
        expect(await page.textContent(sel('speech-test-note'))).toContain('The phrase spotter listened only for the');
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 240_000);

  it('says plainly when there is no microphone', async () => {
    await withScreen({ launch: { noMic: true } }, async (page) => {
      await page.click(sel('speech-test-start'));
      await expect.poll(() => page.locator(sel('speech-test-error')).textContent(), { timeout: 15_000 }).toMatch(/No microphone was found|could not be opened/);
    });
  });
});
