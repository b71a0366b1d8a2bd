import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { incompleteText } from '../../core/session/call-completeness.js';
import { SessionEventSchema, type SessionEvent } from '../../core/session/events.js';
import { SessionManifestSchema, type SessionManifest } from '../../core/session/manifest.js';
import { DEFAULT_STILL_THERE_LINE } from '../../core/scenario/still-there.js';
import { readWav } from '../../electron/services/session/wav.js';
import { appUnderTest } from '../support/app-under-test.js';
import { expectAccessible } from '../support/axe.js';
import { checkInAndConsent, startTryoutDay, unlockCoach } from './support/tryout-day-steps.js';

/** Set SCREENSHOTS=docs/screenshots to refresh the README's hang-up dialog screenshot. */
const SHOTS = process.env.SCREENSHOTS;
const PIN = '482915';
const sel = (id: string) => `[data-testid="${id}"]`;

async function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

/** Keyboard only: Tab (at most 20 times) until the control has focus. */
async function tabTo(page: Page, testId: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if ((await focusedTestId(page)) === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${testId} cannot be reached with the Tab key`);
}

function sessionFiles(dataDir: string, id: string): { manifest: SessionManifest; events: SessionEvent[]; bus: Int16Array; sampleRate: number } {
  const dir = join(dataDir, 'sessions', id);
  const manifest = SessionManifestSchema.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const events = readFileSync(join(dir, 'events.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => SessionEventSchema.parse(JSON.parse(l)));
  const wav = readWav(join(dir, 'audio.wav'));
  return { manifest, events, bus: wav.samples[0] ?? new Int16Array(0), sampleRate: wav.sampleRate };
}

/** dBFS RMS of samples [from, to). */
function rmsDb(samples: Int16Array, from: number, to: number): number {
  let sum = 0;
  const end = Math.min(to, samples.length);
  for (let i = Math.max(0, from); i < end; i++) sum += ((samples[i] ?? 0) / 32768) ** 2;
  return 10 * Math.log10(sum / Math.max(1, end - from) || 1e-20);
}

describe('a tryout call on the kiosk: a silent candidate is asked "are you still there?", and Hang up asks once', () => {
  const app = appUnderTest('call-guard', { launch: { virtualMic: true } });
  const shotDir = SHOTS ?? join(app.dataDir, 'shots');
  let sessionId = '';

  it('after the first listen times out in silence, the customer asks once and the line is on screen and in the transcript', async () => {
    const { page } = app.browser;
    await startTryoutDay(page, app.shell.url, app.dataDir, { name: 'Guard tryout', date: '2026-12-03', playlist: ['angry-caller'], pin: PIN });
    await checkInAndConsent(page, 'Mo Okafor', 'C-7');
    await tabTo(page, 'start-call');
    await page.keyboard.press('Enter');
    const screen = page.locator(sel('call-screen'));
    await expect.poll(() => screen.getAttribute('data-session-id'), { timeout: 30_000 }).not.toBe('');
    sessionId = (await screen.getAttribute('data-session-id')) ?? '';
    // The virtual microphone stays silent: the opening line (10 s), then 12 s of silence.
    await expect.poll(() => page.textContent(`${sel('caption')} p`), { timeout: 60_000 }).toBe(DEFAULT_STILL_THERE_LINE);
    expect(await screen.getAttribute('data-call-phase')).toBe('listening');
    expect(await screen.getAttribute('data-step-id')).toBe('first-answer');
    const transcript = await page.locator('section.transcript li.customer').allTextContents();
    expect(transcript.at(-1)).toBe(`Customer ${DEFAULT_STILL_THERE_LINE}`);
  }, 120_000);

  it('Hang up opens an alert dialog: focus moves in, Escape keeps the call and puts focus back on Hang up', async () => {
    const { page } = app.browser;
    await tabTo(page, 'hang-up');
    await page.keyboard.press('Enter');
    const dialog = page.locator(sel('hang-up-dialog'));
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.getAttribute('role')).toBe('alertdialog');
    expect(await page.locator(`#${(await dialog.getAttribute('aria-labelledby')) ?? ''}`).textContent()).toBe('End the call?');
    expect(await page.locator(`#${(await dialog.getAttribute('aria-describedby')) ?? ''}`).textContent()).toMatch(/cannot go back/);
    expect(await focusedTestId(page)).toBe('hang-up-confirm');
    // Modal: Tab goes round the dialog's two buttons, never to the page behind it.
    const tabbed: (string | null)[] = [];
    for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      tabbed.push(await focusedTestId(page));
    }
    expect(tabbed).toEqual(['hang-up-cancel', 'hang-up-confirm', 'hang-up-cancel', 'hang-up-confirm']);
    await expectAccessible(page, 'hang-up dialog');
    mkdirSync(shotDir, { recursive: true });
    await page.screenshot({ path: join(shotDir, 'kiosk-hang-up.png') });

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedTestId(page)).toBe('hang-up');
    expect(await page.getAttribute(sel('call-screen'), 'data-call-phase')).toBe('listening');
  });

  it('Enter on Hang up, then Enter in the dialog, ends the call; it is saved incomplete, with the still-there line in its events and on the recording', async () => {
    const { page } = app.browser;
    expect(await focusedTestId(page)).toBe('hang-up');
    await page.keyboard.press('Enter');
    await page.locator(sel('hang-up-dialog')).waitFor({ state: 'visible' });
    expect(await focusedTestId(page)).toBe('hang-up-confirm');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${sel('call-screen')}[data-call-phase="ended"]`, { timeout: 30_000 });

    const { manifest, events, bus, sampleRate } = sessionFiles(app.dataDir, sessionId);
    const asked = events.filter((e) => e.type === 'still-there');
    expect(asked).toEqual([{ type: 'still-there', frame: expect.any(Number) as number, stepId: 'first-answer', caption: DEFAULT_STILL_THERE_LINE }]);
    const listen = events.find((e) => e.type === 'listen-started' && e.stepId === 'first-answer');
    const at = asked[0]?.frame ?? 0;
    // Asked at the listen's deadline, 12 s after the invitation.
    expect(at - (listen?.frame ?? 0)).toBe(12 * sampleRate);
    expect(events.at(-1)).toMatchObject({ type: 'call-ended', reason: 'hung-up' });
    expect(events.some((e) => e.type === 'turn-ended')).toBe(false);
    // The customer's channel: silence while waiting, then the line (the rendered clip, peak -3 dBFS).
    const before = rmsDb(bus, at - 2 * sampleRate, at);
    const line = rmsDb(bus, at, at + 1.5 * sampleRate);
    console.log(`customer channel: ${before.toFixed(1)} dBFS in the 2 s before still-there, ${line.toFixed(1)} dBFS in the 1.5 s after`);
    expect(before).toBeLessThan(-70);
    expect(line).toBeGreaterThan(-30);

    const callEnd = events.at(-1)?.frame ?? 0;
    expect(manifest).toMatchObject({ status: 'incomplete', incomplete: { reason: 'hung-up-before-first-answer', hungUpAtFrame: callEnd } });
  });

  it('the coach sees the call incomplete, and why, in the library and on the review screen', async () => {
    const { page } = app.browser;
    await tabTo(page, 'kiosk-next');
    await page.keyboard.press('Enter');
    await page.waitForSelector(sel('kiosk-thanks'));
    await unlockCoach(page, PIN);
    const { manifest } = sessionFiles(app.dataDir, sessionId);
    const why = manifest.incomplete ? incompleteText(manifest.incomplete, manifest.sampleRate) : '';
    expect(why).toMatch(/^hung up at 0:\d\d before the first answer$/);
    const row = page.locator(sel(`session-row-${sessionId}`));
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getAttribute('data-status')).toBe('incomplete');
    expect(await row.locator(sel('incomplete-reason')).textContent()).toBe(why);
    await expectAccessible(page, 'library row of an incomplete call', { include: sel(`session-row-${sessionId}`) });
    // The session's own page says it too.
    await row.getByRole('button', { name: /^Open / }).click();
    expect(await page.textContent(sel('session-incomplete'), { timeout: 30_000 })).toContain(why);
    await row.locator(sel('review-session')).click();
    await page.fill(sel('coach-name-input'), 'Ana Ruiz');
    await page.click(sel('coach-name-save'));
    expect(await page.textContent(sel('review-incomplete'), { timeout: 30_000 })).toContain(`incomplete: ${why}`);
  });
});

describe('a practice call hangs up at once', () => {
  const app = appUnderTest('practice-hang-up', { launch: { virtualMic: true } });

  it('one click on Hang up ends the call, with no question asked', async () => {
    const { page } = app.browser;
    await page.goto(app.shell.url);
    await page.waitForSelector('body[data-app-state="ready"]');
    await page.fill(sel('candidate-name'), 'Nia Patel');
    await page.click(sel('scenario-long-hold'));
    await page.click(sel('continue'));
    await page.click(sel('start-call'));
    const screen = page.locator(sel('call-screen'));
    await expect.poll(() => screen.getAttribute('data-session-id'), { timeout: 30_000 }).not.toBe('');
    await page.click(sel('hang-up'));
    await page.waitForSelector(`${sel('call-screen')}[data-call-phase="ended"]`, { timeout: 30_000 });
    expect(await page.locator(sel('hang-up-dialog')).count()).toBe(0);
    const { manifest } = sessionFiles(app.dataDir, (await screen.getAttribute('data-session-id')) ?? '');
    expect(manifest.status).toBe('incomplete');
  });
});
