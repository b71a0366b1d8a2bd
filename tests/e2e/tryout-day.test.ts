import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TryoutSchema, type Tryout } from '../../core/tryout/schema.js';
import { callApi } from '../../scripts/rehearse/shell-process.js';
import { appUnderTest } from '../support/app-under-test.js';
import { expectAccessible } from '../support/axe.js';

/** Set SCREENSHOTS=docs/screenshots to refresh the README's kiosk screenshots. */
const SHOTS = process.env.SCREENSHOTS;
const PIN = '738194';
const PLAYLIST = ['angry-caller', 'obvious-question'];
const CANDIDATES = [
  { name: 'Amara Okafor', id: 'C-101' },
  { name: 'Lars Johansson', id: '' },
];

function manifests(dataDir: string): { candidate: { name: string; candidateId?: string }; tryoutId?: string; consent?: { version: string }; scenarioId: string; status: string }[] {
  const root = join(dataDir, 'sessions');
  return readdirSync(root).map((id) => JSON.parse(readFileSync(join(root, id, 'manifest.json'), 'utf8')) as ReturnType<typeof manifests>[number]);
}

/** Files under `root` whose bytes hold any of `needles` (UTF-8 or UTF-16LE), relative paths. */
function filesContaining(root: string, needles: readonly string[]): string[] {
  const patterns = needles.flatMap((n) => [Buffer.from(n, 'utf8'), Buffer.from(n, 'utf16le')]);
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && patterns.some((p) => readFileSync(path).includes(p))) hits.push(path.slice(root.length + 1));
    }
  };
  walk(root);
  return hits;
}

/** Keyboard only: Tab (at most 20 times) until the control has focus, then Enter presses it. */
async function pressWithKeyboard(page: Page, testId: string): Promise<void> {
  await pressTabUntil(page, testId);
  await page.keyboard.press('Enter');
}

async function pressTabUntil(page: Page, testId: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${testId} cannot be reached with the Tab key`);
}

/** One call on the kiosk: the brief, start, the customer's first caption, hang up, the call saved. */
async function takeCall(page: Page, callNumber: number, shot?: string): Promise<void> {
  await page.waitForSelector('[data-testid="mic-check-screen"]');
  expect(await page.textContent('[data-testid="kiosk-progress"]')).toContain(`Call ${callNumber} of ${PLAYLIST.length}`);
  if (shot) await expectAccessible(page, 'brief');
  await pressWithKeyboard(page, 'start-call');
  const screen = page.locator('[data-testid="call-screen"]');
  await expect.poll(() => screen.getAttribute('data-session-id'), { timeout: 30_000 }).not.toBe('');
  // Captions: the customer's words are on screen while they speak.
  await expect.poll(() => page.textContent('[data-testid="caption"] p'), { timeout: 30_000 }).not.toMatch(/^…$/);
  if (shot) {
    await page.screenshot({ path: shot });
    await expectAccessible(page, 'call');
  }
  await pressWithKeyboard(page, 'hang-up');
  // Hang up asks once on tryout day; focus is on "End the call", so Enter confirms.
  await page.waitForSelector('[data-testid="hang-up-dialog"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="call-screen"][data-call-phase="ended"]', { timeout: 30_000 });
  // A candidate sees no findings or scores, and cannot go anywhere but on.
  expect(await page.locator('[data-testid="findings-panel"], [data-testid="try-again"], [data-testid="open-sessions"]').count()).toBe(0);
  await pressWithKeyboard(page, 'kiosk-next');
}

describe('a tryout day on the kiosk', () => {
  const app = appUnderTest('day', { launch: { virtualMic: true } });
  const { dataDir } = app;
  const shotDir = SHOTS ?? join(dataDir, 'shots');
  mkdirSync(shotDir, { recursive: true });
  let tryout: Tryout | undefined;

  it('a coach sets up a two-scenario, spoken-only tryout, sets the PIN and starts the day', async () => {
    const { page } = app.browser;
    await page.goto(app.shell.url);
    await page.waitForSelector('body[data-app-state="ready"]');
    await page.click('[data-testid="nav-coach"]');
    await page.click('[data-testid="tryout-new"]');
    await page.fill('[data-testid="tryout-name"]', 'Support tryout, November');
    await page.fill('[data-testid="tryout-date"]', '2026-11-24');
    for (const id of PLAYLIST) {
      await page.selectOption('[data-testid="tryout-add-scenario"]', id);
      await page.click('[data-testid="tryout-add"]');
    }
    await page.uncheck('[data-testid="tryout-typed-allowed"]');
    await expectAccessible(page, 'tryout setup');
    await page.click('[data-testid="tryout-save"]');
    const row = page.locator('[data-testid="tryout-row"]');
    await row.waitFor();
    const tryoutId = (await row.getAttribute('data-tryout-id')) ?? '';
    tryout = TryoutSchema.parse(JSON.parse(readFileSync(join(dataDir, 'tryouts', `${tryoutId}.json`), 'utf8')));
    expect(tryout).toMatchObject({ name: 'Support tryout, November', date: '2026-11-24', scenarioIds: PLAYLIST, checklistIds: ['respect', 'patience'], typedStepsAllowed: false });

    await page.fill('[data-testid="pin-new"]', PIN);
    await page.fill('[data-testid="pin-confirm"]', PIN);
    await page.click('[data-testid="pin-save"]');
    await expect.poll(() => page.isEnabled('[data-testid="tryout-start-day"]'), { timeout: 30_000 }).toBe(true);
    await page.click('[data-testid="tryout-start-day"]');
    // The window turns into the kiosk at once.
    await page.waitForSelector('[data-testid="checkin-screen"]');
  }, 120_000);

  it('two candidates in a row check in, consent and take both calls; the second sees nothing of the first', async () => {
    const { page } = app.browser;
    // A reload (or a restart) comes back to the kiosk, not to the coach screens.
    await page.reload();
    await page.waitForSelector('[data-testid="checkin-screen"]');
    // Candidates get no navigation: no sessions, progress or coach screens.
    expect(await page.locator('nav[aria-label="Main"]').count()).toBe(0);

    for (const [n, who] of CANDIDATES.entries()) {
      await page.waitForSelector('[data-testid="checkin-screen"]');
      expect(await page.inputValue('[data-testid="checkin-name"]')).toBe('');
      expect(await page.inputValue('[data-testid="checkin-id"]')).toBe('');
      if (n === 1) {
        const text = (await page.textContent('body')) ?? '';
        expect(text).not.toContain(CANDIDATES[0]?.name);
        expect(text).not.toContain('C-101');
      }
      // Keyboard only: Tab to the name, type it, Tab to the number, Enter submits.
      await pressTabUntil(page, 'checkin-name');
      await page.keyboard.type(who.name);
      await page.keyboard.press('Tab');
      if (who.id) await page.keyboard.type(who.id);
      if (n === 0) {
        await page.screenshot({ path: join(shotDir, 'kiosk-check-in.png') });
        await expectAccessible(page, 'check-in');
      }
      await page.keyboard.press('Enter');

      await page.waitForSelector('[data-testid="consent-text"]');
      const consent = (await page.textContent('[data-testid="consent-text"]')) ?? '';
      expect(consent).toMatch(/What we record/);
      expect(consent).toMatch(/Who sees it/);
      expect(consent).toMatch(/How long it is kept/);
      if (n === 0) {
        await page.screenshot({ path: join(shotDir, 'kiosk-consent.png') });
        await expectAccessible(page, 'consent');
      }
      await pressWithKeyboard(page, 'consent-accept');

      await takeCall(page, 1, n === 0 ? join(shotDir, 'kiosk-mid-call.png') : undefined);
      await takeCall(page, 2);
      await page.waitForSelector('[data-testid="kiosk-thanks"]');
      expect(await page.textContent('[data-testid="kiosk-thanks"] h2')).toBe(`Thank you, ${who.name.split(' ')[0]}`);
      if (n === 0) await expectAccessible(page, 'thanks');
      await pressWithKeyboard(page, 'kiosk-next-candidate');
    }
    await page.waitForSelector('[data-testid="checkin-screen"]');

    // Two sessions each, with the consent version and the tryout stored with them.
    const saved = manifests(dataDir);
    expect(saved).toHaveLength(4);
    for (const who of CANDIDATES) {
      const theirs = saved.filter((m) => m.candidate.name === who.name);
      expect(theirs.map((m) => m.scenarioId).sort()).toEqual([...PLAYLIST].sort());
      // Hung up during the customer's first line: incomplete (kiosk-call-guard.test.ts shows the coach why).
      for (const m of theirs) expect(m).toMatchObject({ tryoutId: tryout?.id, consent: { version: 'tryout-consent-1' }, status: 'incomplete' });
    }
    expect(saved.find((m) => m.candidate.name === 'Amara Okafor')?.candidate.candidateId).toBe('C-101');

    // The kiosk page itself cannot read sessions: the back end refuses while coach mode is locked.
    const refused = await page.evaluate(async () => {
      const res = await fetch('/api/listSessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return res.json() as Promise<{ ok: boolean; error?: { code: string } }>;
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  }, 300_000);

  it('a wrong PIN is refused and throttled; the right one opens coach mode with both candidates’ sessions', async () => {
    const { page } = app.browser;
    await page.click('[data-testid="coach-unlock-open"]');
    const error = page.locator('[data-testid="coach-pin-error"]');
    // Three typos are free; the fourth wrong PIN makes the next attempt wait.
    for (let attempt = 1; attempt <= 4; attempt++) {
      await page.fill('[data-testid="coach-pin-input"]', '000000');
      await page.click('[data-testid="coach-pin-submit"]');
      await page.waitForSelector(`[data-testid="coach-pin-error"][data-wrong="${attempt}"]`, { timeout: 30_000 });
      expect(await error.textContent()).toMatch(/That PIN is not right/);
    }
    expect(await error.textContent()).toMatch(/Try again in \d+ s/);
    await expectAccessible(page, 'coach PIN dialog');
    expect(await page.isDisabled('[data-testid="coach-pin-submit"]')).toBe(true);
    expect(await page.locator('nav[aria-label="Main"]').count()).toBe(0);
    // The PIN is nowhere in the page or its storage.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toContain(PIN);

    await page.waitForFunction(() => !(document.querySelector('[data-testid="coach-pin-submit"]') as HTMLButtonElement | null)?.disabled, undefined, { timeout: 30_000 });
    await page.fill('[data-testid="coach-pin-input"]', PIN);
    await page.click('[data-testid="coach-pin-submit"]');
    await page.waitForSelector('[data-testid="coach-mode-bar"]', { timeout: 30_000 });
    await page.waitForSelector('nav[aria-label="Main"]');
    const library = page.locator('main');
    for (const who of CANDIDATES) await expect.poll(() => library.textContent(), { timeout: 10_000 }).toContain(who.name);

    // A candidate's call opens for review with its findings, judged on the tryout's checklists only.
    const larsCall = readdirSync(join(dataDir, 'sessions')).find((id) => readFileSync(join(dataDir, 'sessions', id, 'manifest.json'), 'utf8').includes('Lars Johansson'));
    await page.locator(`[data-testid="session-row-${larsCall ?? ''}"] button`).first().click();
    // Analysed by the back end as each call ended: no one presses a button.
    await page.waitForSelector('[data-testid="findings-panel"][data-state="done"]', { timeout: 90_000 });
    const shown = await page.locator('[data-testid="checklist"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-checklist')));
    expect(shown.sort()).toEqual(['patience', 'respect']);
    await page.click('[data-testid="nav-sessions"]');

    // Lock again: back on the check-in screen, the sessions gone from the window.
    await page.click('[data-testid="coach-lock"]');
    await page.waitForSelector('[data-testid="checkin-screen"]');
    expect((await page.textContent('body')) ?? '').not.toContain(CANDIDATES[0]?.name);
  }, 120_000);

  it('the coach deletes one candidate on request: no file in the data folder holds their name any more; then ends the day', async () => {
    const { page } = app.browser;
    await page.click('[data-testid="coach-unlock-open"]');
    await page.fill('[data-testid="coach-pin-input"]', PIN);
    await page.click('[data-testid="coach-pin-submit"]');
    await page.waitForSelector('[data-testid="coach-mode-bar"]', { timeout: 30_000 });
    await page.click('[data-testid="nav-coach"]');
    // The day's tryout is marked, and no second day can start over it.
    expect(await page.textContent(`[data-testid="tryout-row"][data-tryout-id="${tryout?.id ?? ''}"] [data-testid="tryout-day-on"]`)).toBe('Tryout day on');
    expect(await page.isDisabled('[data-testid="tryout-start-day"]')).toBe(true);
    await page.fill('[data-testid="privacy-candidate-name"]', 'amara okafor');
    await page.click('[data-testid="privacy-delete"]');
    await page.click('[data-testid="privacy-delete"]');
    await expect.poll(() => page.textContent('[data-testid="privacy-status"]'), { timeout: 30_000 }).toMatch(/^Deleted 2 sessions of “amara okafor”/);

    const holding = filesContaining(dataDir, ['Amara', 'amara', 'C-101']);
    expect(holding).toEqual([]);
    expect(filesContaining(dataDir, ['Lars Johansson']).length).toBeGreaterThan(0);
    expect(manifests(dataDir).map((m) => m.candidate.name)).toEqual(['Lars Johansson', 'Lars Johansson']);

    await page.click('[data-testid="end-tryout-day"]');
    await page.click('[data-testid="end-tryout-day-confirm"]');
    await page.waitForSelector('[data-testid="coach-mode-bar"]', { state: 'detached' });
    expect(await callApi(app.shell, 'getTryoutDay', {})).toMatchObject({ tryout: null, coachUnlocked: true });
  }, 120_000);
});
