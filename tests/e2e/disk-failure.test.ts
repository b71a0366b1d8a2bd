import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionEventSchema } from '../../core/session/events.js';
import { SessionManifestSchema } from '../../core/session/manifest.js';
import { parseWavHeader } from '../../electron/services/session/wav.js';
import { launchChromium, type LaunchedBrowser } from '../../scripts/rehearse/chromium.js';
import { startShellProcess, type ShellProcess } from '../../scripts/rehearse/shell-process.js';
import { expectAccessible } from '../support/axe.js';
import { kioskRig } from './support/kiosk-rig.js';
import { checkInAndConsent, startTryoutDay, unlockCoach } from './support/tryout-day-steps.js';

/** Set SCREENSHOTS=docs/screenshots to refresh the README's screenshot of a stopped call. */
const SHOTS = process.env.SCREENSHOTS;

const PIN = '903172';
const SR = 16_000;
const sel = (id: string) => `[data-testid="${id}"]`;
const STOPPED = /^The recording stopped at (\d:\d\d) because the data folder was removed; the first \1 is kept\. Put the data folder back \(or check the drive is connected\), then open coach mode and lock it again \(or restart Tryout\): the candidate continues at this call\.$/;

/**
 * The folder the recordings go to (`<data>/sessions`) is removed while a candidate is on a call:
 * the tryout itself (its day, playlist and PIN, beside it in the data folder) stays, so the
 * kiosk can say what happened at the next start.
 */
describe('the recordings folder removed in the middle of a tryout call', () => {
  const rig = kioskRig('disk-failure');
  let sessionId = '';
  let removedAtBytes = 0;

  it('the call stops cleanly: the candidate is asked to call the coach, the coach reads why, with no way on to the next call', async () => {
    const { page } = rig.browser;
    await startTryoutDay(page, rig.shell.url, rig.dataDir, { name: 'Disk tryout', date: '2026-12-03', playlist: ['angry-caller', 'obvious-question'], pin: PIN });
    await checkInAndConsent(page, 'Lars Johansson', 'C-202');
    await page.click(`${sel('start-call')}:not([disabled])`);
    const screen = page.locator(sel('call-screen'));
    await expect.poll(() => screen.getAttribute('data-session-id'), { timeout: 30_000 }).not.toBe('');
    sessionId = (await screen.getAttribute('data-session-id')) ?? '';
    const audio = join(rig.dataDir, 'sessions', sessionId, 'audio.wav');
    // State, not a sleep: the customer's first line has started and 3 s of the call are on disk.
    const events = join(rig.dataDir, 'sessions', sessionId, 'events.jsonl');
    await expect.poll(() => readFileSync(events, 'utf8').includes('"line-started"'), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => statSync(audio).size, { timeout: 30_000 }).toBeGreaterThan(44 + 3 * SR * 4);
    removedAtBytes = statSync(audio).size - 44;
    rmSync(join(rig.dataDir, 'sessions'), { recursive: true, force: true });

    await page.waitForSelector(`${sel('call-screen')}[data-call-phase="failed"]`, { timeout: 30_000 });
    const stopped = page.locator(sel('call-stopped'));
    expect(await stopped.locator('h3').textContent()).toBe('Please call the coach');
    expect(await stopped.textContent()).toContain('It is not your fault, and what you said so far is saved.');
    expect(await page.textContent(sel('coach-note'))).toMatch(STOPPED);
    // No stack trace or error code anywhere on screen, and no button on to the next call.
    expect(await page.textContent('body')).not.toMatch(/ENOENT|Error:|\.ts:\d|at \w+ \(/);
    expect(await page.locator(`${sel('kiosk-next')}, ${sel('hang-up')}`).count()).toBe(0);
    // The coach can get in from here.
    expect(await page.locator(sel('coach-unlock-open')).count()).toBe(1);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'kiosk-call-stopped.png') });
    await expectAccessible(page, 'call stopped');
  }, 240_000);

  it('keeps what was recorded: the session folder is written back with its audio and events, marked why it stopped', () => {
    const dir = join(rig.dataDir, 'sessions', sessionId);
    const manifest = SessionManifestSchema.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
    expect(manifest).toMatchObject({ status: 'recovered', storageStop: { cause: 'folder-missing' } });
    const header = parseWavHeader(readFileSync(join(dir, 'audio.wav')));
    expect(header.dataOffset + header.dataBytes).toBe(statSync(join(dir, 'audio.wav')).size);
    expect(header.dataBytes).toBeGreaterThanOrEqual(removedAtBytes);
    expect(manifest.durationFrames).toBe(header.dataBytes / 4);
    expect(manifest.storageStop?.keptFrames).toBe(manifest.durationFrames);
    const events = readFileSync(join(dir, 'events.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => SessionEventSchema.parse(JSON.parse(l)));
    expect(events[0]?.type).toBe('call-started');
    expect(events.some((e) => e.type === 'line-started')).toBe(true);
  });

  it('the coach sees what happened in coach mode; locking again offers the candidate the call again', async () => {
    const { page } = rig.browser;
    await unlockCoach(page, PIN);
    expect(await page.textContent(sel('day-notices'))).toMatch(/Lars Johansson \(C-202\), The angry caller: the call stopped at \d:\d\d because the data folder was removed; the first \d:\d\d is kept\./);
    // Dealt with, the coach locks: the candidate is offered the stopped call again.
    await page.click(sel('coach-lock'));
    await page.waitForSelector(sel('kiosk-resume'));
    expect(await page.textContent(sel('kiosk-resume-text'))).toContain('Your call stopped because of a problem with the laptop (1 of 2, “The angry caller”).');
  }, 120_000);

  it('the next start says what happened, and the candidate continues at the stopped call', async () => {
    const { page } = rig.browser;
    await rig.shell.stop();
    expect(existsSync(join(rig.dataDir, 'tryout-day.json'))).toBe(true);
    rig.restarted = await startShellProcess({ dataDir: rig.dataDir });
    await page.goto(rig.restarted.url);
    await page.waitForSelector(sel('kiosk-resume'));
    expect(await page.textContent(sel('kiosk-resume-text'))).toBe(
      'Your call stopped because of a problem with the laptop (1 of 2, “The angry caller”). Your answers so far are kept; the call starts again from the beginning.',
    );
    await unlockCoach(page, PIN);
    expect(await page.textContent(sel('day-notices'))).toContain('Lars Johansson (C-202), The angry caller: the call stopped at');
  }, 120_000);
});

/** Mounts a tmpfs of `mib` MiB at `dir`. */
function mountTinyDisk(dir: string, mib: number): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${mib}m`, 'tmpfs', dir], { stdio: 'pipe' });
}

/** A new folder, and null when a tmpfs can be mounted on it here, else why not (mounting needs root); leaves nothing mounted. */
function tinyDisk(): { dir: string; why: string | null } {
  const dir = mkdtempSync(join(tmpdir(), 'tryout-tiny-disk-'));
  try {
    mountTinyDisk(dir, 1);
    execFileSync('umount', [dir]);
    return { dir, why: null };
  } catch (error) {
    return { dir, why: (error as Error).message.split('\n')[0] ?? 'mount failed' };
  }
}

describe('the disk filling up in the middle of a tryout call (a real 8 MiB tmpfs as the data folder)', () => {
  const disk = tinyDisk();
  if (disk.why !== null) console.log(`skipping the full-disk e2e test: a tmpfs cannot be mounted here (${disk.why})`);
  let shell: ShellProcess | undefined;
  let browser: LaunchedBrowser | undefined;

  // Mounted only when the test runs (not when a filter skips it), so it is always unmounted.
  beforeAll(() => {
    if (disk.why === null) mountTinyDisk(disk.dir, 8);
  });
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
    if (disk.why === null) execFileSync('umount', [disk.dir]);
    rmSync(disk.dir, { recursive: true, force: true });
  });

  it.skipIf(disk.why !== null)('stops the call with "the disk is full", keeps every acknowledged second, and the next start offers the call again', async () => {
    shell = await startShellProcess({ dataDir: disk.dir });
    browser = await launchChromium({ virtualMic: true });
    const { page } = browser;
    await startTryoutDay(page, shell.url, disk.dir, { name: 'Full disk', date: '2026-12-03', playlist: ['angry-caller'], pin: PIN });
    await checkInAndConsent(page, 'Mo Okafor', '');
    await page.click(`${sel('start-call')}:not([disabled])`);
    const screen = page.locator(sel('call-screen'));
    await expect.poll(() => screen.getAttribute('data-session-id'), { timeout: 30_000 }).not.toBe('');
    const sessionId = (await screen.getAttribute('data-session-id')) ?? '';
    const audio = join(disk.dir, 'sessions', sessionId, 'audio.wav');
    await expect.poll(() => statSync(audio).size, { timeout: 30_000 }).toBeGreaterThan(44 + 2 * SR * 4);
    // Fill the disk to the last byte.
    const filler = join(disk.dir, 'filler.bin');
    try {
      writeFileSync(filler, Buffer.alloc(16 * 1024 * 1024));
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }

    await page.waitForSelector(`${sel('call-screen')}[data-call-phase="failed"]`, { timeout: 30_000 });
    expect(await page.textContent(sel('coach-note'))).toMatch(/^The recording stopped at (\d:\d\d) because the disk is full; the first \1 is kept\. Free some space on the disk, then open coach mode and lock it again/);
    const manifest = SessionManifestSchema.parse(JSON.parse(readFileSync(join(disk.dir, 'sessions', sessionId, 'manifest.json'), 'utf8')));
    expect(manifest).toMatchObject({ status: 'recovered', storageStop: { cause: 'disk-full' } });
    const header = parseWavHeader(readFileSync(audio));
    expect(header.dataOffset + header.dataBytes).toBe(statSync(audio).size);
    expect(header.dataBytes / 4).toBe(manifest.durationFrames);
    expect(manifest.durationFrames).toBeGreaterThan(2 * SR);

    // The coach frees the space and restarts: the candidate is offered the call again.
    rmSync(filler);
    await shell.stop();
    shell = await startShellProcess({ dataDir: disk.dir });
    await page.goto(shell.url);
    await page.waitForSelector(sel('kiosk-resume'));
    expect(await page.textContent(sel('kiosk-resume-text'))).toContain('Your call stopped because of a problem with the laptop (1 of 1, “The angry caller”).');
  }, 240_000);
});
