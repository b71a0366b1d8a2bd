import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { TryoutSchema, type Tryout } from '../../../core/tryout/schema.js';
import type { DriveResult } from '../../../scripts/rehearse/call-driver.js';

/**
 * The steps of a tryout day as the people at the laptop take them: the coach sets up and starts
 * the day, a candidate checks in, consents and answers by voice, the coach unlocks with the PIN.
 */

const sel = (id: string) => `[data-testid="${id}"]`;

export interface TryoutSetup {
  readonly name: string;
  readonly date: string;
  readonly playlist: readonly string[];
  readonly pin: string;
}

/** From a fresh app: the coach screen, a spoken-only tryout, the PIN, then "start the day"; returns the saved tryout. */
export async function startTryoutDay(page: Page, url: string, dataDir: string, setup: TryoutSetup): Promise<Tryout> {
  await page.goto(url);
  await page.waitForSelector('body[data-app-state="ready"]');
  await page.click(sel('nav-coach'));
  await page.click(sel('tryout-new'));
  await page.fill(sel('tryout-name'), setup.name);
  await page.fill(sel('tryout-date'), setup.date);
  for (const id of setup.playlist) {
    await page.selectOption(sel('tryout-add-scenario'), id);
    await page.click(sel('tryout-add'));
  }
  await page.uncheck(sel('tryout-typed-allowed'));
  await page.click(sel('tryout-save'));
  const row = page.locator(sel('tryout-row'));
  await row.waitFor();
  const tryoutId = (await row.getAttribute('data-tryout-id')) ?? '';
  const tryout = TryoutSchema.parse(JSON.parse(readFileSync(join(dataDir, 'tryouts', `${tryoutId}.json`), 'utf8')));

  await page.fill(sel('pin-new'), setup.pin);
  await page.fill(sel('pin-confirm'), setup.pin);
  await page.click(sel('pin-save'));
  await page.click(`${sel('tryout-start-day')}:not([disabled])`, { timeout: 30_000 });
  await page.waitForSelector(sel('checkin-screen'));
  return tryout;
}

/** The candidate checks in and accepts the recording consent; the first call's brief is shown. */
export async function checkInAndConsent(page: Page, name: string, candidateId: string): Promise<void> {
  await page.waitForSelector(sel('checkin-screen'));
  await page.fill(sel('checkin-name'), name);
  await page.fill(sel('checkin-id'), candidateId);
  await page.click(sel('checkin-continue'));
  await page.click(sel('consent-accept'));
  await page.waitForSelector(sel('mic-check-screen'));
}

/**
 * Starts the call on the brief and answers each listening step with the next voice through the
 * page's virtual microphone (400 ms after it starts listening), until the call ends by itself.
 */
export async function takeSpokenCall(page: Page, voices: readonly Float32Array[], timeoutMs = 240_000): Promise<Pick<DriveResult, 'sessionId' | 'phases' | 'answers'>> {
  await page.click(`${sel('start-call')}:not([disabled])`);
  const screen = page.locator(sel('call-screen'));
  const phases: { phase: string; stepId: string }[] = [];
  const answers: { stepId: string; startFrame: number; frames: number }[] = [];
  let next = 0;
  let last = '';
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`the call did not end in time (phases: ${phases.map((p) => `${p.phase}@${p.stepId}`).join(', ')})`);
    // Wait for the screen to change from what was last seen: state, not a fixed sleep.
    await page.waitForFunction(
      ([s, seen]) => {
        const el = document.querySelector(s);
        return el !== null && `${el.getAttribute('data-call-phase') ?? ''}|${el.getAttribute('data-step-id') ?? ''}` !== seen;
      },
      [sel('call-screen'), last] as const,
      { timeout: Math.max(1, deadline - Date.now()) },
    );
    const phase = (await screen.getAttribute('data-call-phase')) ?? '';
    const stepId = (await screen.getAttribute('data-step-id')) ?? '';
    last = `${phase}|${stepId}`;
    phases.push({ phase, stepId });
    if (phase === 'failed') throw new Error(`the call failed: ${(await page.textContent(sel('call-error')).catch(() => null)) ?? 'no message'}`);
    if (phase === 'ended') return { sessionId: (await screen.getAttribute('data-session-id')) ?? '', phases, answers };
    const voice = phase === 'listening' ? voices[next++] : undefined;
    if (voice) answers.push({ stepId, frames: voice.length, ...(await playThroughMic(page, voice)) });
  }
}

async function playThroughMic(page: Page, voice: Float32Array): Promise<{ startFrame: number }> {
  // The app has just opened the microphone; a person takes a breath before answering.
  await page.waitForTimeout(400);
  const b64 = Buffer.from(voice.buffer, voice.byteOffset, voice.byteLength).toString('base64');
  return page.evaluate((data) => {
    const mic = window.__tryoutVirtualMic;
    if (!mic) throw new Error('the page has no virtual microphone (window.__TRYOUT_TEST__ not set?)');
    return mic.play(data);
  }, b64);
}

/** The coach opens coach mode from the kiosk with the PIN. */
export async function unlockCoach(page: Page, pin: string): Promise<void> {
  await page.click(sel('coach-unlock-open'));
  await page.fill(sel('coach-pin-input'), pin);
  await page.click(sel('coach-pin-submit'));
  await page.waitForSelector(sel('coach-mode-bar'), { timeout: 30_000 });
}

/**
 * Notes the data-testid of every click on any page of the context from now on (reloads too),
 * so a test can show that nobody pressed a button.
 */
export async function recordClicks(context: BrowserContext): Promise<string[]> {
  const clicks: string[] = [];
  await context.exposeFunction('__noteClick', (id: string) => clicks.push(id));
  await context.addInitScript(() => {
    document.addEventListener(
      'click',
      (e) => {
        const id = (e.target as Element | null)?.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
        void (window as unknown as { __noteClick: (id: string) => Promise<void> }).__noteClick(id);
      },
      true,
    );
  });
  return clicks;
}
