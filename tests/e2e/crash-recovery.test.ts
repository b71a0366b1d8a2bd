import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionDetail } from '../../core/api.js';
import type { SessionManifest } from '../../core/session/manifest.js';
import { parseWavHeader, readWav } from '../../electron/services/session/wav.js';
import { driveCall } from '../../scripts/rehearse/call-driver.js';
import { launchChromium, type LaunchedBrowser } from '../../scripts/rehearse/chromium.js';
import { callApi, startShellProcess, type ShellProcess } from '../../scripts/rehearse/shell-process.js';
import { loadVoice } from '../../scripts/rehearse/voices.js';
import { alignment } from '../support/audio-checks.js';
import { speech } from '../../scripts/rehearse/speech.js';

const DRAFT = 'Customer waited 20 min — router “RX-9” still not shipped; promised a call back. ✓';
const SR = 16_000;

describe('kill -9 of the back end in the middle of a call', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tryout-crash-'));
  let chromium: LaunchedBrowser;
  let shell: ShellProcess;
  let killFrame = 0;
  let sessionId = '';
  let restarted: ShellProcess;

  beforeAll(async () => {
    shell = await startShellProcess({ dataDir });
    chromium = await launchChromium({ virtualMic: true });
    const page = chromium.page;
    await page.goto(shell.url);
    const answer = loadVoice(speech('I am so sorry about the wait. Let me look into this for you right away.'));
    const drive = await driveCall(page, {
      scenarioId: 'long-hold',
      voices: [answer, answer, answer, answer, answer],
      typed: [],
      onPhase: async (phase) => {
        if (phase !== 'typing') return false;
        // Type a draft without sending it, give the draft time to be saved, then strike.
        await page.focus('[data-testid="typed-answer"]');
        await page.keyboard.type(DRAFT);
        await page.waitForTimeout(2500);
        killFrame = await page.evaluate(() => (window as unknown as { __tryoutCall: { nowFrame(): number } }).__tryoutCall.nowFrame());
        await shell.kill9();
        return true;
      },
    });
    expect(drive.interrupted).toBe(true);
    sessionId = drive.sessionId;
    await chromium.close();
    restarted = await startShellProcess({ dataDir });
  });

  afterAll(async () => {
    await restarted?.stop();
  });

  it('lists the session as recovered on the next start', async () => {
    expect(restarted.output.join('\n')).toContain(`recovered session ${sessionId}`);
    const sessions = await callApi<SessionManifest[]>(restarted, 'listSessions', {});
    const manifest = sessions.find((s) => s.id === sessionId);
    expect(manifest?.status).toBe('recovered');
    expect(manifest?.recoveredAt).not.toBeNull();
  });

  it('leaves a valid WAV header with audio up to at most 2 s before the kill', () => {
    const path = join(dataDir, 'sessions', sessionId, 'audio.wav');
    const header = parseWavHeader(readFileSync(path));
    expect(header.channels).toBe(2);
    expect(header.dataOffset + header.dataBytes).toBe(statSync(path).size);
    const frames = header.dataBytes / 4;
    expect(killFrame).toBeGreaterThan(10 * SR);
    expect(frames).toBeGreaterThanOrEqual(killFrame - 2 * SR);
  });

  it('keeps the recorded audio intact: every customer line before the kill is where it played', async () => {
    const detail = await callApi<SessionDetail>(restarted, 'getSession', { sessionId });
    const bus = readWav(join(dataDir, 'sessions', sessionId, 'audio.wav')).samples[0] ?? new Int16Array(0);
    const lines = detail.events.filter((e) => e.type === 'line-started' && e.frame + 16_000 < bus.length);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      if (line.type !== 'line-started' || !line.clip) continue;
      const clip = readWav(join('scenarios/audio/long-hold', line.clip)).samples[0] ?? new Int16Array(0);
      const where = alignment(bus, clip, line.frame, 320);
      expect(where.correlation, line.stepId).toBeGreaterThan(0.95);
    }
  });

  it('keeps the typed draft exactly as typed', async () => {
    const detail = await callApi<SessionDetail>(restarted, 'getSession', { sessionId });
    expect(Object.values(detail.drafts).map((d) => d.text)).toContain(DRAFT);
  });

  it('shows the recovered session in the sessions list, with its draft', async () => {
    const browser = await launchChromium();
    try {
      await browser.page.goto(restarted.url);
      await browser.page.click('[data-testid="nav-sessions"]');
      const row = browser.page.locator(`[data-testid="session-row-${sessionId}"]`);
      await expect.poll(() => row.getAttribute('data-status')).toBe('recovered');
      await row.getByRole('button', { name: 'Open' }).click();
      await expect.poll(() => browser.page.textContent('[data-testid="session-detail"]')).toContain(DRAFT);
      // The recording plays in the app: Chromium decodes the served WAV to the recovered length.
      const frames = parseWavHeader(readFileSync(join(dataDir, 'sessions', sessionId, 'audio.wav'))).dataBytes / 4;
      const audio = browser.page.locator('[data-testid="session-audio"]');
      await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.duration)).toBeCloseTo(frames / SR, 1);
      // A time stamp on the timeline replays from that moment.
      await browser.page.locator('.timeline .seek').nth(1).click();
      const seekTo = await browser.page.locator('.timeline .seek').nth(1).textContent();
      const [m, s] = (seekTo ?? '0:00').split(':').map(Number);
      const at = await audio.evaluate((a: HTMLAudioElement) => a.currentTime);
      expect(Math.floor(at)).toBeGreaterThanOrEqual((m ?? 0) * 60 + (s ?? 0) - 1);
    } finally {
      await browser.close();
    }
  });
});
