/**
 * Replay bench: a 30-minute session (real clips and festival answers, analysis.json and
 * peaks.json) opened in Chromium through the browser shell. Prints the size of peaks.json,
 * time to interactive (click on the session to the lanes drawn, the transcript listed and the
 * main thread free again) and seek latency (a click on a transcript word, or the N key, to the
 * media element's "seeked" and the next painted frame). Goals: 500 ms and 100 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, type Page } from '../../scripts/rehearse/chromium.js';
import { startShellProcess } from '../../scripts/rehearse/shell-process.js';
import { writeLongSession } from './replay-session.js';

function stats(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `median ${p(0.5).toFixed(1)}, p95 ${p(0.95).toFixed(1)}, max ${(sorted.at(-1) ?? 0).toFixed(1)} (n=${values.length})`;
}

/** Opens the session from the sessions list; resolves with ms from the click to interactive. */
function openReplay(page: Page, sessionId: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve, reject) => {
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          const lanesReady = document.querySelector('[data-testid="replay-lanes"][data-state="ready"]') !== null;
          if (!lanesReady || document.querySelectorAll('[data-testid="replay-word"]').length === 0) return;
          observer.disconnect();
          // The next frame is painted and a task runs after it: the page answers input again.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        const button = document.querySelector<HTMLButtonElement>(`[data-testid="session-row-${id}"] button`);
        if (!button) reject(new Error('session row not found'));
        button?.click();
      }),
    sessionId,
  );
}

/** ms from a seek made through the UI to "seeked" plus the next frame, for each of `count` seeks. */
function seekLatencies(page: Page, count: number): Promise<number[]> {
  return page.evaluate(async (n) => {
    const audio = document.querySelector<HTMLAudioElement>('[data-testid="session-audio"]');
    const words = Array.from(document.querySelectorAll<HTMLButtonElement>('[data-testid="replay-word"]'));
    if (!audio || words.length === 0) throw new Error('replay not open');
    const out: number[] = [];
    let seed = 7;
    for (let i = 0; i < n; i++) {
      seed = (seed * 16807) % 2147483647;
      const seeked = new Promise<void>((r) => audio.addEventListener('seeked', () => r(), { once: true }));
      const t0 = performance.now();
      if (i % 2 === 0) words[Math.floor((seed / 2147483647) * words.length)]?.click();
      else document.dispatchEvent(new KeyboardEvent('keydown', { key: i % 4 === 1 ? 'n' : 'ArrowLeft', bubbles: true }));
      const moved = await Promise.race([seeked.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 2000))]);
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      // A key with nowhere to go (N after the last finding) does not seek: not a sample.
      if (moved) out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
    return out;
  }, count);
}

export async function replayBench(minutes = 30): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tryout-bench-replay-'));
  const session = writeLongSession(dataDir, minutes);
  console.log(`replay: ${minutes}-minute session, ${session.words} transcript words; peaks.json ${(session.peaksBytes / 1024).toFixed(0)} KiB`);
  const shell = await startShellProcess({ dataDir });
  const chromium = await launchChromium();
  const { page } = chromium;
  try {
    const open: number[] = [];
    const seeks: number[] = [];
    for (let run = 0; run < 3; run++) {
      await page.goto(shell.url);
      await page.waitForSelector('body[data-app-state="ready"]');
      await page.click('[data-testid="nav-sessions"]');
      await page.waitForSelector(`[data-testid="session-row-${session.sessionId}"] button`);
      const clickAt = await page.evaluate(() => performance.now());
      open.push(await openReplay(page, session.sessionId));
      if (process.env.TRYOUT_BENCH_DETAIL) {
        const fetches = await page.evaluate((t) => performance.getEntriesByType('resource').filter((e) => e.startTime >= t).map((e) => `${e.name.replace(/^.*\/(api|media)\//, '')} ${(e.startTime - t).toFixed(0)}-${((e as PerformanceResourceTiming).responseEnd - t).toFixed(0)}`), clickAt);
        console.log(`  fetches after the click (ms): ${fetches.join(', ')}`);
      }
      seeks.push(...(await seekLatencies(page, 10)));
    }
    console.log(`replay time to interactive (ms, goal <= 500): ${stats(open)}`);
    console.log(`replay seek latency (ms, goal <= 100): ${stats(seeks)}`);
  } finally {
    await chromium.close();
    await shell.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
