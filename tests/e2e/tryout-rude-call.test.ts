import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionAnalysis } from '../../core/analysis/analyze.js';
import { speech } from '../../scripts/rehearse/speech.js';
import { loadVoice } from '../../scripts/rehearse/voices.js';
import { appUnderTest } from '../support/app-under-test.js';
import { checkInAndConsent, recordClicks, startTryoutDay, takeSpokenCall, unlockCoach } from './support/tryout-day-steps.js';

const PIN = '482913';
const CANDIDATE = { name: 'Dev Rudeworth', id: 'C-207' };
/** Blame and "calm down", then a refusal: no acknowledgement, no next step (pocketsphinx hears them on festival us-slt). */
const RUDE_ANSWERS = [
  "Calm down. It's not my fault, you must have clicked it twice.",
  "Look, that's just how it is. There is nothing I can do about it, so you will have to wait.",
];
const CANCELLING_LINE = "No. I'm not ringing a fourth time. I'm cancelling my account. Goodbye.";
const SHOT = resolve(import.meta.dirname, '../../docs/screenshots/review-cancelled-call.png');

describe('a rude spoken call on tryout day', () => {
  const app = appUnderTest('rude-call', { launch: { virtualMic: true } });
  const { dataDir } = app;

  it("is analysed without anyone pressing a button and shows the fail with the customer's cancelling line in the coach's review", async () => {
    const { page, browser: context } = app.browser;
    const clicks = await recordClicks(context);
    const tryout = await startTryoutDay(page, app.shell.url, dataDir, { name: 'Rude call check', date: '2026-12-03', playlist: ['angry-caller'], pin: PIN });
    expect(tryout).toMatchObject({ scenarioIds: ['angry-caller'], typedStepsAllowed: false });

    await checkInAndConsent(page, CANDIDATE.name, CANDIDATE.id);
    const call = await takeSpokenCall(page, RUDE_ANSWERS.map((t) => loadVoice(speech(t, 'us-slt'))));
    // The customer escalated after the first answer and hung up after the second: the call ended by itself.
    const steps = call.phases.map((p) => p.stepId);
    expect(steps, JSON.stringify(call.phases)).toContain('escalate');
    expect(steps.at(-1)).toBe('hang-up-angry');
    expect(call.answers.map((a) => a.stepId)).toEqual(['first-answer', 'second-answer']);
    expect(clicks).not.toContain('hang-up');
    await page.click('[data-testid="kiosk-next"]');
    await page.waitForSelector('[data-testid="kiosk-thanks"]');

    // The back end analyses the call while the kiosk is still locked: no one can have asked.
    const analysisFile = join(dataDir, 'sessions', call.sessionId, 'analysis.json');
    await expect.poll(() => existsSync(analysisFile), { timeout: 120_000 }).toBe(true);
    const analysis = JSON.parse(readFileSync(analysisFile, 'utf8')) as SessionAnalysis;
    expect(analysis.outcome).toMatchObject({ outcome: 'cancelled', item: 'respect/no-red-flags', line: { stepId: 'hang-up-angry', caption: CANCELLING_LINE } });
    const onDisk = analysis.findings.find((f) => f.checklist === 'respect' && f.item === 'no-red-flags');
    expect(onDisk?.status, JSON.stringify(onDisk)).toBe('fail');
    expect(onDisk?.evidence.some((e) => e.quote === CANCELLING_LINE)).toBe(true);

    // The coach unlocks and opens the candidate's call for review.
    await unlockCoach(page, PIN);
    await page.click('[data-testid="nav-sessions"]');
    await page.click(`[data-testid="session-row-${call.sessionId}"] [data-testid="review-session"]`);
    await page.fill('[data-testid="coach-name-input"]', 'Grace Hopper');
    await page.click('[data-testid="coach-name-save"]');
    await page.waitForSelector('[data-testid="review-panel"]');
    const row = page.locator('[data-testid="review-finding"][data-checklist="respect"][data-item="no-red-flags"]');
    await expect.poll(() => row.locator('[data-testid="automatic-status"]').textContent(), { timeout: 30_000 }).toBe('Check: Fail');
    // The customer's line is on screen as the finding's evidence.
    const cancelling = row.locator('[data-testid="jump-to-evidence"]', { hasText: "I'm cancelling my account" });
    expect(await cancelling.count()).toBe(1);
    expect(await cancelling.textContent()).toContain(CANCELLING_LINE);
    expect(await cancelling.textContent()).toContain('the customer cancelled');

    // Nobody pressed a button to run the checks, on the kiosk or in coach mode.
    expect(clicks.filter((id) => /run-checks/.test(id))).toEqual([]);
    expect(await page.locator('[data-testid="review-run-checks"]').count()).toBe(0);

    mkdirSync(dirname(SHOT), { recursive: true });
    // From the session's title down: the replay, the transcript and the finding with its evidence.
    await page.locator('[data-testid="review-screen"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    expect(await row.locator('[data-testid="jump-to-evidence"]').last().isVisible()).toBe(true);
    await page.screenshot({ path: SHOT });
  }, 420_000);
});
