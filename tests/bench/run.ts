/**
 * npm run bench: prints the figures the foundation promises, measured on this machine.
 *  - browser-shell cold start: process spawn to "ready" line, and to the app rendered in Chromium;
 *  - event-to-sample alignment: where each customer line really is on channel 0 of audio.wav
 *    versus the frame events.jsonl gives it, and the same for the answers on channel 1;
 *  - flush interval: time and size between audio chunks the renderer appends, and how long the
 *    back end takes to write (and fdatasync) one;
 *  - the library with 10,000 sessions: index build, first page, searches (library.ts);
 *  - the replay of a 30-minute session: peaks.json size, time to interactive, seek latency (replay.ts);
 *  - the phrase spotter (soundswallower): phrases found / falsely reported, confidence separation,
 *    real-time factor, decision latency; per degradation and voice (spotter.ts, also runs alone);
 *  - the judgement on the labelled corpus (tune and held-out), each call played on its
 *    scenario's real path, clean and degraded: disrespectful or impatient answers caught,
 *    respectful calls falsely failed, needs-review rate; speech onset/offset error, real-time
 *    factor of a 10-minute call (accuracy.ts; needs pocketsphinx; ~15-25 min on 2 cores).
 *    BENCH_DEGRADATIONS=clean,telephone runs only those; tests/bench/judgement.ts runs it alone.
 *  - findings ready after hang-up: a 10-minute call whose turns were transcribed during it,
 *    finishSession to analysis.json written by the automatic analysis (after-hang-up.ts).
 * Needs `npm run build` first (the browser shell serves dist/renderer).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionDetail } from '../../core/api.js';
import { readWav } from '../../electron/services/session/wav.js';
import { driveCall } from '../../scripts/rehearse/call-driver.js';
import { launchChromium } from '../../scripts/rehearse/chromium.js';
import { callApi, startShellProcess } from '../../scripts/rehearse/shell-process.js';
import { speech } from '../../scripts/rehearse/speech.js';
import { loadVoice } from '../../scripts/rehearse/voices.js';
import { alignment } from '../support/audio-checks.js';
import { libraryBench } from './library.js';
import { accuracyBench } from './accuracy.js';
import { afterHangUpBench } from './after-hang-up.js';
import { replayBench } from './replay.js';
import { spotterBench } from './spotter.js';

const SR = 16_000;
const ms = (frames: number) => (frames / SR) * 1000;

function stats(values: readonly number[]): string {
  if (values.length === 0) return 'n/a';
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `mean ${mean.toFixed(1)}, median ${p(0.5).toFixed(1)}, p95 ${p(0.95).toFixed(1)}, max ${(sorted.at(-1) ?? 0).toFixed(1)} (n=${values.length})`;
}

async function coldStart(runs: number): Promise<void> {
  const toReady: number[] = [];
  const toRendered: number[] = [];
  const chromium = await launchChromium();
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const shell = await startShellProcess({ dataDir: mkdtempSync(join(tmpdir(), 'tryout-bench-')) });
      toReady.push(performance.now() - t0);
      await chromium.page.goto(shell.url);
      await chromium.page.waitForSelector('body[data-app-state="ready"]');
      toRendered.push(performance.now() - t0);
      await shell.stop();
    }
  } finally {
    await chromium.close();
  }
  console.log(`browser shell cold start to ready line (ms): ${stats(toReady)}`);
  console.log(`cold start to app rendered in Chromium (ms): ${stats(toRendered)}`);
}

interface ChunkPost {
  readonly at: number;
  readonly bytes: number;
  readonly roundTripMs: number;
}

async function recordedCall(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tryout-bench-'));
  const shell = await startShellProcess({ dataDir });
  const chromium = await launchChromium({ virtualMic: true });
  // Wrap fetch to time every appendAudio post the renderer makes.
  await chromium.browser.addInitScript(() => {
    const posts: { at: number; bytes: number; roundTripMs: number }[] = [];
    (window as unknown as { __benchPosts: typeof posts }).__benchPosts = posts;
    const original = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.endsWith('/api/appendAudio')) return original(input, init);
      const at = performance.now();
      const body = init?.body;
      const bytes = body instanceof Uint8Array || body instanceof ArrayBuffer ? body.byteLength : 0;
      const response = await original(input, init);
      posts.push({ at, bytes, roundTripMs: performance.now() - at });
      return response;
    };
  });
  try {
    await chromium.page.goto(shell.url);
    const texts = [
      'I want to work in customer service because I enjoy helping people.',
      'Of course. I enjoy helping people and solving their problems calmly.',
      'No problem at all. I really enjoy helping people with their problems.',
      'Happy to repeat it. Helping people is what I enjoy most.',
    ];
    const voices = texts.map((t) => loadVoice(speech(t)));
    const drive = await driveCall(chromium.page, { scenarioId: 'not-listening', voices, typed: [] });
    const posts = await chromium.page.evaluate(() => (window as unknown as { __benchPosts: ChunkPost[] }).__benchPosts);
    const detail = await callApi<SessionDetail>(shell, 'getSession', { sessionId: drive.sessionId });
    const wav = readWav(join(dataDir, 'sessions', drive.sessionId, 'audio.wav'));
    const bus = wav.samples[0] ?? new Int16Array(0);
    const mic = wav.samples[1] ?? new Int16Array(0);

    const lineErrors: number[] = [];
    for (const e of detail.events) {
      if (e.type !== 'line-started' || !e.clip) continue;
      const clip = readWav(join('scenarios/audio/not-listening', e.clip)).samples[0] ?? new Int16Array(0);
      lineErrors.push(Math.abs(ms(alignment(bus, clip, e.frame, 800).lag)));
    }
    const answerErrors = drive.answers.map((a, i) => {
      const voice = readWav(speech(texts[i] ?? '')).samples[0] ?? new Int16Array(0);
      return Math.abs(ms(alignment(mic, voice, a.startFrame, 800).lag));
    });
    console.log(`customer line vs events.jsonl frame, |error| (ms): ${stats(lineErrors)}`);
    console.log(`spoken answer vs scheduled frame, |error| (ms): ${stats(answerErrors)}`);

    const gaps = posts.slice(1).map((p, i) => p.at - (posts[i]?.at ?? p.at));
    console.log(`audio chunk interval (ms): ${stats(gaps)}`);
    console.log(`audio chunk size (ms of audio): ${stats(posts.map((p) => ms(p.bytes / 4)))}`);
    console.log(`appendAudio round trip incl. fdatasync (ms): ${stats(posts.map((p) => p.roundTripMs))}`);
  } finally {
    await chromium.close();
    await shell.stop();
  }
}

await libraryBench();
await replayBench();
await spotterBench();
await accuracyBench();
await afterHangUpBench();
await coldStart(5);
await recordedCall();
