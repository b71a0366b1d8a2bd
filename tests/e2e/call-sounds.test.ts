import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLD_MUSIC_RMS_DBFS, holdMusicLoop } from '../../core/audio/hold-music.js';
import { typingNoiseLoop, typingNoiseSeed } from '../../core/audio/typing-noise.js';
import { SessionEventSchema, type SessionEvent } from '../../core/session/events.js';
import { readWav } from '../../electron/services/session/wav.js';
import { driveCall, type DriveResult } from '../../scripts/rehearse/call-driver.js';
import { launchChromium, type LaunchedBrowser } from '../../scripts/rehearse/chromium.js';
import { startShellProcess, type ShellProcess } from '../../scripts/rehearse/shell-process.js';
import { speech } from '../../scripts/rehearse/speech.js';
import { loadVoice } from '../../scripts/rehearse/voices.js';
import { rmsDb } from '../support/audio-checks.js';

const SR = 16_000;
const ms = (n: number) => Math.round((n * SR) / 1000);
const SCENARIO = 'sounds-call';

/** Level in dB of what channel 0 carries beyond `expected` (a loop started at `loopStart`) over [from, to). */
function residualDb(bus: Int16Array, expected: Float32Array, loopStart: number, from: number, to: number): number {
  let sum = 0;
  for (let f = from; f < to; f++) {
    const want = (expected[(f - loopStart) % expected.length] ?? 0) * 32768;
    sum += ((bus[f] ?? 0) - want) ** 2;
  }
  return 10 * Math.log10(sum / (to - from) / 32768 ** 2 || 1e-20);
}

/** Last frame in [from, to) louder than a couple of LSB (the end of a sound). */
function lastSoundFrame(samples: Int16Array, from: number, to: number): number {
  for (let f = to - 1; f >= from; f--) if (Math.abs(samples[f] ?? 0) > 2) return f;
  return -1;
}

function firstSoundFrame(samples: Int16Array, from: number, to: number): number {
  for (let f = from; f < to; f++) if (Math.abs(samples[f] ?? 0) > 2) return f;
  return -1;
}

describe('the sounds the app makes during a call, and the queue counter', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tryout-sounds-'));
  let shell: ShellProcess;
  let chromium: LaunchedBrowser;
  let drive: DriveResult;
  let events: SessionEvent[] = [];
  let bus: Int16Array = new Int16Array(0);
  let mic: Int16Array = new Int16Array(0);
  const badges: { phase: string; stepId: string; text: string | null }[] = [];
  let timelineTags: string[] = [];

  const one = <T extends SessionEvent['type']>(type: T, stepId: string) => {
    const e = events.find((x) => x.type === type && 'stepId' in x && x.stepId === stepId);
    if (!e) throw new Error(`no ${type} event for ${stepId}`);
    return e as Extract<SessionEvent, { type: T }>;
  };

  beforeAll(async () => {
    shell = await startShellProcess({ dataDir, scenariosDir: resolve('tests/fixtures/scenarios-sounds') });
    chromium = await launchChromium({ virtualMic: true });
    const page = chromium.page;
    await page.goto(shell.url);
    const answer = loadVoice(speech('Yes, I can help you with your bill today.'));
    const silence = new Float32Array(1600);
    drive = await driveCall(page, {
      scenarioId: SCENARIO,
      // busy is answered; busy-again, plain, after-hold and after-resume are not.
      voices: [answer, silence, silence, silence, silence],
      typed: [],
      timeoutMs: 120_000,
      onPhase: async (phase, stepId) => {
        const badge = page.locator('[data-testid="queue-badge"]');
        // The badge appears on the first 50 ms tick of the call.
        if (phase === 'speaking' && stepId === 'hello') await badge.waitFor({ timeout: 2000 });
        badges.push({ phase, stepId, text: (await badge.count()) > 0 ? await badge.textContent() : null });
        if (phase === 'holding' && stepId === 'hold-resumed') {
          await page.waitForTimeout(2000);
          await page.click('[data-testid="resume-hold"]');
        }
        return false;
      },
    });
    // The coach's view of the same session: the timeline shows the queue compactly.
    await page.click('[data-testid="open-sessions"]');
    await page.locator(`[data-testid="session-row-${drive.sessionId}"]`).getByRole('button', { name: 'Open' }).click();
    await page.waitForSelector('[data-testid="session-detail"]');
    timelineTags = await page.locator('[data-testid="queue-tag"]').allTextContents();

    const sessionDir = join(dataDir, 'sessions', drive.sessionId);
    const lines = readFileSync(join(sessionDir, 'events.jsonl'), 'utf8').split('\n').filter(Boolean);
    events = lines.map((l) => SessionEventSchema.parse(JSON.parse(l)));
    const wav = readWav(join(sessionDir, 'audio.wav'));
    bus = wav.samples[0] ?? bus;
    mic = wav.samples[1] ?? mic;
  });

  afterAll(async () => {
    await chromium?.close();
    await shell?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('completes the call', () => {
    expect(drive.finalPhase).toBe('ended');
    expect(events.at(-1)?.type).toBe('call-ended');
  });

  it('plays the hold music on channel 0 from hold start to hold end, at about -20 dBFS, then stops', () => {
    const music = holdMusicLoop(SR);
    const report: string[] = [];
    for (const [stepId, reason] of [['hold-runs-out', 'elapsed'], ['hold-resumed', 'resumed']] as const) {
      const start = one('hold-started', stepId).frame;
      const ended = one('hold-ended', stepId);
      expect(ended.reason).toBe(reason);
      const end = ended.frame;
      // The music is the app's own loop, phase-locked to the hold's start frame.
      const level = rmsDb(bus, start + ms(200), end);
      expect(level).toBeGreaterThan(HOLD_MUSIC_RMS_DBFS - 2);
      expect(level).toBeLessThan(HOLD_MUSIC_RMS_DBFS + 2);
      expect(residualDb(bus, music, start, start + ms(200), end - ms(10))).toBeLessThan(level - 40);
      // Near-silent right after the hold (the next step is an unanswered listen).
      expect(rmsDb(bus, end + ms(60), end + ms(1000))).toBeLessThan(-70);
      const startDelay = firstSoundFrame(bus, start, end) - start;
      const stopDelay = lastSoundFrame(bus, end - ms(200), end + ms(500)) + 1 - end;
      expect(startDelay).toBeGreaterThanOrEqual(0);
      expect(startDelay).toBeLessThan(ms(200));
      if (reason === 'elapsed') expect(Math.abs(stopDelay)).toBeLessThanOrEqual(ms(1));
      else expect(stopDelay).toBeLessThan(ms(60));
      report.push(`${stepId}: ${level.toFixed(2)} dBFS, starts ${startDelay} frames after hold-started, ends ${stopDelay} frames after hold-ended`);
    }
    console.log(report.join('\n'));
  });

  it('plays typing noise on channel 0 while a typingNoise step listens, and none in a plain listen', () => {
    const report: string[] = [];
    for (const stepId of ['busy', 'busy-again']) {
      const from = one('listen-started', stepId).frame;
      const to = one('turn-ended', stepId).frame;
      const typing = typingNoiseLoop(SR, typingNoiseSeed(SCENARIO, stepId));
      const level = rmsDb(bus, from + ms(200), to);
      expect(level).toBeGreaterThan(-45);
      expect(level).toBeLessThan(-25);
      expect(residualDb(bus, typing, from, from + ms(200), to)).toBeLessThan(level - 40);
      report.push(`${stepId}: typing ${level.toFixed(2)} dBFS RMS over the listen`);
    }
    const plain = [one('listen-started', 'plain').frame, one('turn-ended', 'plain').frame] as const;
    // busy-again timed out at plain's start; the typing stops on the next 50 ms tick.
    expect(rmsDb(bus, plain[0] + ms(150), plain[1])).toBeLessThan(-70);
    report.push(`plain: ${rmsDb(bus, plain[0] + ms(150), plain[1]).toFixed(1)} dBFS`);
    console.log(report.join('\n'));
  });

  it('does not take the typing for the trainee: voice activity is measured on the microphone channel only', () => {
    const busy = one('turn-ended', 'busy');
    const spoken = drive.answers.find((a) => a.stepId === 'busy');
    if (!spoken || busy.speechStartFrame === null) throw new Error('the answer to busy was heard');
    expect(busy.reason).toBe('silence');
    expect(busy.speechStartFrame).toBeGreaterThanOrEqual(spoken.startFrame);
    expect(busy.speechStartFrame - spoken.startFrame).toBeLessThan(ms(500));
    const again = one('turn-ended', 'busy-again');
    expect(again.reason).toBe('timeout');
    expect(again.speechStartFrame).toBeNull();
    expect(rmsDb(mic, one('listen-started', 'busy-again').frame, again.frame)).toBeLessThan(-70);
  });

  it('shows a climbing "Callers waiting" badge during the call, capped at max', () => {
    const counts = badges.flatMap((b) => {
      if (b.text === null) return [];
      const m = /^Callers waiting: (\d+)$/.exec(b.text.trim());
      if (!m) throw new Error(`unexpected badge text "${b.text}"`);
      return [Number(m[1])];
    });
    console.log(`badge at each phase change: ${counts.join(', ')}`);
    expect(counts[0]).toBe(2);
    expect(counts.at(-1)).toBe(7);
    expect(new Set(counts).size).toBeGreaterThanOrEqual(4);
    counts.slice(1).forEach((c, i) => expect(c).toBeGreaterThanOrEqual(counts[i] ?? 0));
  });

  it('records each queue change in events.jsonl at its exact frame of call time', () => {
    const callStart = events.find((e) => e.type === 'call-started')?.frame ?? -1;
    const changes = events.flatMap((e) => (e.type === 'queue-changed' ? [e] : []));
    expect(changes.map((c) => c.count)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(changes.map((c) => c.frame)).toEqual([0, 1, 2, 3, 4, 5].map((k) => callStart + k * 3 * SR));
  });

  it('shows the queue on the session timeline as compact "Queue: N waiting" tags', () => {
    expect(timelineTags.length).toBeGreaterThanOrEqual(2);
    expect(timelineTags.length).toBeLessThanOrEqual(6);
    expect(timelineTags[0]).toBe('Queue: 2 waiting');
    expect(timelineTags.at(-1)).toBe('Queue: 7 waiting');
  });
});
