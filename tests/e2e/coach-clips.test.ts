import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWav } from '../../electron/services/session/wav.js';
import { launchChromium } from '../../scripts/rehearse/chromium.js';
import { rehearse } from '../../scripts/rehearse/rehearsal.js';
import { startShellProcess } from '../../scripts/rehearse/shell-process.js';
import { speech } from '../../scripts/rehearse/speech.js';
import { loadVoice } from '../../scripts/rehearse/voices.js';
import { alignment, rmsDb } from '../support/audio-checks.js';

const SCENARIO = 'not-listening';
const STEP = 'ask-why';
const sel = (id: string) => `[data-testid="${id}"]`;

describe('a coach records a customer line in their own voice', () => {
  it('records, listens and keeps the line on the Coach screen, and the call then plays the coach clip', async () => {
    const scenariosDir = mkdtempSync(join(tmpdir(), 'tryout-scenarios-'));
    cpSync('scenarios', scenariosDir, { recursive: true });
    // The coach's voice (us-slt) differs from the rendered clip's (kal).
    const coachSpeech = speech('Thanks for coming in. So tell me, why do you want to work in customer service?', 'us-slt');
    const spokenSeconds = loadVoice(coachSpeech).length / 16_000;

    const shell = await startShellProcess({ dataDir: mkdtempSync(join(tmpdir(), 'tryout-coach-')), scenariosDir });
    const browser = await launchChromium({ fakeMicWav: coachSpeech });
    const { page } = browser;
    try {
      await page.goto(shell.url);
      await page.waitForSelector('body[data-app-state="ready"]');
      await page.click(sel('nav-coach'));
      await page.selectOption(sel('coach-scenario'), SCENARIO);
      const line = page.locator(sel(`line-${STEP}`));
      expect(await line.getAttribute('data-source')).toBe('synthetic');

      // Chromium's fake microphone plays the coach's speech once, from when the line starts recording.
      await page.click(sel(`record-${STEP}`));
      await page.waitForSelector(`${sel(`line-${STEP}`)}[data-take="recording"]`);
      await page.waitForTimeout((spokenSeconds + 1) * 1000);
      await page.click(sel(`stop-${STEP}`));
      await page.waitForSelector(`${sel(`line-${STEP}`)}[data-take="recorded"]`);

      await page.click(sel(`listen-${STEP}`));
      await expect.poll(() => page.textContent(sel(`listen-${STEP}`))).toBe('Playing the take…');
      await expect.poll(() => page.textContent(sel(`listen-${STEP}`)), { timeout: 20_000 }).toBe('Listen');

      await page.click(sel(`keep-${STEP}`));
      await expect.poll(() => line.getAttribute('data-source')).toBe('coach');
      expect(await line.getAttribute('data-take')).toBe('idle');
      expect(await page.textContent(sel(`source-${STEP}`))).toContain('Coach recording');
    } finally {
      await browser.close();
      await shell.stop();
    }

    // The take is saved next to the shipped scenario (the copy is writable), as mono 16 kHz.
    const coachPath = join(scenariosDir, 'audio', SCENARIO, 'coach', `${STEP}.wav`);
    expect(existsSync(coachPath)).toBe(true);
    const coachClip = readWav(coachPath);
    expect(coachClip).toMatchObject({ sampleRate: 16_000, channels: 1 });
    const take = coachClip.samples[0] ?? new Int16Array(0);
    expect(take.length / 16_000).toBeGreaterThan(spokenSeconds);
    expect(rmsDb(take, 0, take.length)).toBeGreaterThan(-40);
    // It holds what the coach said (through the microphone's processing, so not sample-exact).
    const spoken = readWav(coachSpeech).samples[0] ?? new Int16Array(0);
    expect(alignment(take, spoken, 0, 4000, 32_000).correlation).toBeGreaterThan(0.5);

    // Then a trainee takes the call: channel 0 at the line's frame is the coach's clip.
    const answer = loadVoice(speech('I enjoy helping people solve their problems.'));
    const run = await rehearse({ scenarioId: SCENARIO, scenariosDir, voices: [answer, answer, answer, answer], typed: [] });
    expect(run.summary.status).toBe('complete');
    const started = run.detail.events.find((e) => e.type === 'line-started' && e.stepId === STEP);
    if (started?.type !== 'line-started') throw new Error('the line is logged');
    expect(started.voice).toBe('clip');
    expect(started.durationFrames).toBe(take.length);

    const bus = readWav(join(run.sessionDir, 'audio.wav')).samples[0] ?? new Int16Array(0);
    const synthetic = readWav(join(scenariosDir, 'audio', SCENARIO, `${STEP}.wav`)).samples[0] ?? new Int16Array(0);
    const withCoach = alignment(bus, take, started.frame, 400);
    const withSynthetic = alignment(bus, synthetic, started.frame, 400);
    expect(withCoach.correlation).toBeGreaterThan(0.99);
    expect(Math.abs(withCoach.lag)).toBeLessThanOrEqual(1);
    expect(withSynthetic.correlation).toBeLessThan(0.5);
  });
});
