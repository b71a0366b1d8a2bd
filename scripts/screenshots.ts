/**
 * npm run screenshots [-- --out <dir>]
 * Takes the README's screenshots from the real app (browser shell + headless Chromium with a
 * virtual microphone): home, mic check, the call screen in each state, the sessions list.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { speech } from './rehearse/speech.js';
import { driveCall } from './rehearse/call-driver.js';
import { launchChromium, type Page } from './rehearse/chromium.js';
import { startShellProcess } from './rehearse/shell-process.js';
import { loadVoice } from './rehearse/voices.js';

const PHASE_SHOTS: Record<string, string> = {
  speaking: 'call-customer-speaking.png',
  listening: 'call-screen.png',
  holding: 'call-on-hold.png',
  typing: 'call-typing.png',
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/screenshots' } } });
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'tryout-screens-'));
  const shell = await startShellProcess({ dataDir });
  const chromium = await launchChromium({ virtualMic: true });
  const { page } = chromium;
  const taken = new Set<string>();
  const pending: Promise<void>[] = [];
  const shot = async (name: string, on: Page = page) => {
    await on.screenshot({ path: join(out, name) });
    console.log(join(out, name));
  };
  try {
    await page.goto(shell.url);
    await page.waitForSelector('body[data-app-state="ready"]');
    await page.fill('[data-testid="candidate-name"]', 'Ada Lovelace');
    await page.click('[data-testid="scenario-long-hold"]');
    await shot('home.png');
    await micCheckShot(shell.url, shot);
    await briefAndCoachShots(shell.url, shot);
    const answer = loadVoice(speech('I am so sorry about the wait. Let me look into this for you right away.'));
    await driveCall(page, {
      scenarioId: 'long-hold',
      candidate: 'Ada Lovelace',
      voices: [answer, answer, answer, answer, answer],
      typed: ['Customer waited 20 minutes; router model TR-200 checked and a replacement is on its way. ✓'],
      onPhase: async (phase) => {
        const name = PHASE_SHOTS[phase];
        if (!name || taken.has(name)) return false;
        taken.add(name);
        if (phase === 'listening') {
          // The answer starts after this hook returns: take the shot while it is being spoken.
          pending.push(page.waitForTimeout(1800).then(() => shot(name)));
          return false;
        }
        await page.waitForTimeout(700);
        if (phase === 'typing') await page.fill('[data-testid="typed-answer"]', 'Customer waited 20 minutes; router TR-200 checked.');
        await shot(name);
        if (phase === 'typing') await page.fill('[data-testid="typed-answer"]', '');
        return false;
      },
    });
    await Promise.all(pending);
    await shot('call-ended.png');
    await page.click('[data-testid="open-sessions"]');
    await page.waitForSelector('[data-testid^="session-row-"]');
    await shot('sessions.png');
    await page.getByRole('button', { name: 'Open' }).first().click();
    await page.waitForSelector('[data-testid="session-detail"]');
    await page.waitForTimeout(500);
    await shot('session-detail.png');
  } finally {
    await chromium.close();
    await shell.stop();
  }
}

/** The mic check with Chromium's fake capture device, so the meter and device list show. */
async function micCheckShot(url: string, shot: (name: string, page: Page) => Promise<void>): Promise<void> {
  const wav = speech('Testing, one, two, three. Can you hear me clearly?');
  const chromium = await launchChromium({ fakeMicWav: wav });
  try {
    const { page } = chromium;
    await page.goto(url);
    await page.waitForSelector('body[data-app-state="ready"]');
    await page.fill('[data-testid="candidate-name"]', 'Ada Lovelace');
    await page.click('[data-testid="scenario-long-hold"]');
    await page.click('[data-testid="continue"]');
    await page.waitForSelector('[data-testid="start-call"]:not([disabled])');
    await page.waitForTimeout(1500);
    await shot('mic-check.png', page);
  } finally {
    await chromium.close();
  }
}

/** A scenario brief (friday-escalation's, with its on-call policy) and the Coach screen mid-take. */
async function briefAndCoachShots(url: string, shot: (name: string, page: Page) => Promise<void>): Promise<void> {
  const chromium = await launchChromium({ fakeMicWav: speech('Hello, this is Dana. I have been on hold for twenty minutes.') });
  try {
    const { page } = chromium;
    await page.goto(url);
    await page.waitForSelector('body[data-app-state="ready"]');
    await page.fill('[data-testid="candidate-name"]', 'Ada Lovelace');
    await page.click('[data-testid="scenario-friday-escalation"]');
    await page.click('[data-testid="continue"]');
    await page.waitForSelector('[data-testid="start-call"]:not([disabled])');
    await page.waitForTimeout(800);
    await shot('scenario-brief.png', page);
    await page.click('[data-testid="back-home"], button:has-text("Back")');
    await page.click('[data-testid="nav-coach"]');
    await page.selectOption('[data-testid="coach-scenario"]', 'long-hold');
    await page.locator('[data-testid^="record-"]').first().click();
    await page.waitForTimeout(1500);
    await shot('coach-recording.png', page);
    await page.locator('[data-testid^="stop-"]').first().click();
    await page.waitForTimeout(500);
    await shot('coach-take.png', page);
  } finally {
    await chromium.close();
  }
}

main().catch((err: unknown) => {
  console.error(`screenshots: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
