import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SessionEventSchema } from '../../core/session/events.js';
import { SessionManifestSchema, type SessionManifest } from '../../core/session/manifest.js';
import type { Tryout } from '../../core/tryout/schema.js';
import { parseWavHeader } from '../../electron/services/session/wav.js';
import { startShellProcess } from '../../scripts/rehearse/shell-process.js';
import { expectAccessible } from '../support/axe.js';
import { kioskRig } from './support/kiosk-rig.js';
import { checkInAndConsent, startTryoutDay, unlockCoach } from './support/tryout-day-steps.js';

/** Set SCREENSHOTS=docs/screenshots to refresh the README's resume screenshot. */
const SHOTS = process.env.SCREENSHOTS;

const PIN = '615243';
const PLAYLIST = ['angry-caller', 'obvious-question'];
const SR = 16_000;
const sel = (id: string) => `[data-testid="${id}"]`;

function manifests(dataDir: string): SessionManifest[] {
  const root = join(dataDir, 'sessions');
  return readdirSync(root).map((id) => SessionManifestSchema.parse(JSON.parse(readFileSync(join(root, id, 'manifest.json'), 'utf8'))));
}

function eventLines(dataDir: string, id: string): string[] {
  return readFileSync(join(dataDir, 'sessions', id, 'events.jsonl'), 'utf8').split('\n').filter(Boolean);
}

function isWholeEvent(line: string): boolean {
  try {
    return SessionEventSchema.safeParse(JSON.parse(line)).success;
  } catch {
    return false;
  }
}

/** Bytes of audio.wav after its header (what was appended so far). */
function audioBytes(dataDir: string, id: string): number {
  return statSync(join(dataDir, 'sessions', id, 'audio.wav')).size - 44;
}

/** Starts the call on the brief and waits until the back end holds `seconds` of its audio. */
async function startCall(page: Page, dataDir: string, callNumber: number): Promise<string> {
  await page.waitForSelector(sel('mic-check-screen'));
  expect(await page.textContent(sel('kiosk-progress'))).toContain(`Call ${callNumber} of ${PLAYLIST.length}`);
  await page.click(`${sel('start-call')}:not([disabled])`);
  const screen = page.locator(sel('call-screen'));
  await expect.poll(() => screen.getAttribute('data-session-id'), { timeout: 30_000 }).not.toBe('');
  return (await screen.getAttribute('data-session-id')) ?? '';
}

async function hangUp(page: Page): Promise<void> {
  await page.click(sel('hang-up'));
  await page.click(sel('hang-up-confirm'));
  await page.waitForSelector(`${sel('call-screen')}[data-call-phase="ended"]`, { timeout: 30_000 });
}

describe('kill -9 of the kiosk during a tryout call, then a restart', () => {
  const rig = kioskRig('kill-resume');
  let tryout: Tryout;
  let firstCall = '';
  let cutCall = '';
  let killFrame = 0;
  let onDiskAtKill = { audio: 0, events: [] as string[] };

  it('the candidate takes call 1, and the shell process is killed (SIGKILL, by its PID) 4 s into call 2', async () => {
    const { page } = rig.browser;
    tryout = await startTryoutDay(page, rig.shell.url, rig.dataDir, { name: 'Kill tryout', date: '2026-12-03', playlist: PLAYLIST, pin: PIN });
    await checkInAndConsent(page, 'Amara Okafor', 'C-101');
    firstCall = await startCall(page, rig.dataDir, 1);
    await expect.poll(() => audioBytes(rig.dataDir, firstCall), { timeout: 30_000 }).toBeGreaterThan(2 * SR * 4);
    await hangUp(page);
    await page.click(sel('kiosk-next'));

    cutCall = await startCall(page, rig.dataDir, 2);
    // State, not a sleep: strike once the back end holds 4 s of the call and its first events.
    await expect.poll(() => audioBytes(rig.dataDir, cutCall), { timeout: 30_000 }).toBeGreaterThan(4 * SR * 4);
    await expect.poll(() => eventLines(rig.dataDir, cutCall).length, { timeout: 30_000 }).toBeGreaterThan(1);
    killFrame = await page.evaluate(() => (window as unknown as { __tryoutCall: { nowFrame(): number } }).__tryoutCall.nowFrame());
    const pid = rig.shell.child.pid;
    if (pid === undefined) throw new Error('the shell process has no PID');
    const exited = new Promise((resolve) => rig.shell.child.once('exit', (_code, signal) => resolve(signal)));
    process.kill(pid, 'SIGKILL');
    expect(await exited).toBe('SIGKILL');
    onDiskAtKill = { audio: audioBytes(rig.dataDir, cutCall), events: eventLines(rig.dataDir, cutCall) };
  }, 240_000);

  it('on restart, the interrupted session is recovered with every byte of audio and every event written before the kill', async () => {
    rig.restarted = await startShellProcess({ dataDir: rig.dataDir });
    expect(rig.restarted.output.join('\n')).toContain(`recovered session ${cutCall}`);
    const cut = manifests(rig.dataDir).find((m) => m.id === cutCall);
    expect(cut).toMatchObject({ status: 'recovered', scenarioId: 'obvious-question', candidate: { name: 'Amara Okafor', candidateId: 'C-101' } });
    expect(cut?.recoveredAt).not.toBeNull();
    const wav = readFileSync(join(rig.dataDir, 'sessions', cutCall, 'audio.wav'));
    const header = parseWavHeader(wav);
    // Whole frames of what was on disk; at most the last 2 s before the kill were still in flight.
    expect(header.dataBytes).toBe(onDiskAtKill.audio - (onDiskAtKill.audio % 4));
    expect(header.dataBytes / 4).toBeGreaterThanOrEqual(killFrame - 2 * SR);
    const kept = eventLines(rig.dataDir, cutCall);
    // A line cut short by the kill is dropped; every whole one is kept as it was.
    expect(kept).toEqual(onDiskAtKill.events.filter(isWholeEvent));
    expect(kept.length).toBeGreaterThan(1);
  }, 120_000);

  it('the kiosk comes back at call 2 for the same candidate, says why, and does not replay call 1', async () => {
    const { page } = rig.browser;
    if (!rig.restarted) throw new Error('no restarted shell');
    await page.goto(rig.restarted.url);
    await page.waitForSelector(sel('kiosk-resume'));
    expect(await page.textContent('#resume-title')).toBe('Welcome back, Amara');
    expect(await page.textContent(sel('kiosk-resume-text'))).toBe(
      'The app restarted during your call (2 of 2, “The obvious question”). Your answers so far are kept; the call starts again from the beginning.',
    );
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'kiosk-resume.png') });
    await expectAccessible(page, 'resume');
    // Keyboard: focus starts on the heading; Continue is the next stop.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('kiosk-resume-continue');
    await page.keyboard.press('Enter');
    // The brief and microphone check of call 2 again; call 1 shows as done.
    await page.waitForSelector(sel('mic-check-screen'));
    expect(await page.locator(`${sel('kiosk-progress')} li.done`).count()).toBe(1);
    const retaken = await startCall(page, rig.dataDir, 2);
    expect(retaken).not.toBe(cutCall);
    await hangUp(page);
    await page.click(sel('kiosk-next'));
    await page.waitForSelector(sel('kiosk-thanks'));

    const ours = manifests(rig.dataDir).filter((m) => m.tryoutId === tryout.id);
    expect(ours.filter((m) => m.scenarioId === 'angry-caller').map((m) => m.id)).toEqual([firstCall]);
    const second = ours.filter((m) => m.scenarioId === 'obvious-question').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(second.map((m) => [m.id, m.status])).toEqual([
      [cutCall, 'recovered'],
      [retaken, 'incomplete'],
    ]);
    // The same check-in and consent as before the kill: the candidate did not check in again.
    const first = ours.find((m) => m.id === firstCall);
    expect(second.map((m) => [m.candidate, m.consent])).toEqual([
      [first?.candidate, first?.consent],
      [first?.candidate, first?.consent],
    ]);
  }, 240_000);

  it('the coach sees the interrupted call, marked recovered, in coach mode', async () => {
    const { page } = rig.browser;
    await page.click(sel('kiosk-next-candidate'));
    await page.waitForSelector(sel('checkin-screen'));
    await unlockCoach(page, PIN);
    expect(await page.textContent(sel('day-notices'))).toContain('Amara Okafor (C-101), The obvious question: the app stopped during the call; it was recovered, and the first 0:0');
    const row = page.locator(sel(`session-row-${cutCall}`));
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('recovered');
  }, 120_000);
});

describe('kill -9 of the kiosk between two calls (on the brief of call 2), then a restart', () => {
  const rig = kioskRig('kill-between');

  it('comes back at the brief of call 2: call 1 is done and not offered again', async () => {
    const { page } = rig.browser;
    await startTryoutDay(page, rig.shell.url, rig.dataDir, { name: 'Between calls', date: '2026-12-03', playlist: PLAYLIST, pin: PIN });
    await checkInAndConsent(page, 'Lars Johansson', '');
    const first = await startCall(page, rig.dataDir, 1);
    await expect.poll(() => audioBytes(rig.dataDir, first), { timeout: 30_000 }).toBeGreaterThan(SR * 4);
    await hangUp(page);
    await page.click(sel('kiosk-next'));
    await page.waitForSelector(sel('mic-check-screen'));
    const exited = new Promise((resolve) => rig.shell.child.once('exit', (_code, signal) => resolve(signal)));
    process.kill(rig.shell.child.pid ?? 0, 'SIGKILL');
    expect(await exited).toBe('SIGKILL');

    rig.restarted = await startShellProcess({ dataDir: rig.dataDir });
    await page.goto(rig.restarted.url);
    await page.waitForSelector(sel('kiosk-resume'));
    expect(await page.textContent(sel('kiosk-resume-text'))).toBe('The app restarted between your calls. Your first call is done and kept; you continue with call 2 of 2, “The obvious question”.');
    await page.click(sel('kiosk-resume-continue'));
    await page.waitForSelector(sel('mic-check-screen'));
    expect(await page.textContent(sel('kiosk-progress'))).toContain('Call 2 of 2');
    expect(await page.locator(`${sel('kiosk-progress')} li.done`).count()).toBe(1);
    expect(manifests(rig.dataDir).map((m) => [m.scenarioId, m.status])).toEqual([['angry-caller', 'incomplete']]);
  }, 240_000);
});
