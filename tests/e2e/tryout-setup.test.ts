import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TryoutDayState } from '../../core/api.js';
import type { Tryout } from '../../core/tryout/schema.js';
import { callApi } from '../../scripts/rehearse/shell-process.js';
import { appUnderTest } from '../support/app-under-test.js';

/** Set SCREENSHOTS=docs/screenshots to refresh the README's tryout set-up screenshot. */
function shotPath(name: string, dataDir: string): string {
  const dir = process.env.SCREENSHOTS ?? join(dataDir, 'shots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

const sel = (id: string) => `[data-testid="${id}"]`;
const PIN = '482913';
const NAME = 'Support hires, spring intake';

describe('a coach sets up a tryout day on the Coach screen', () => {
  const app = appUnderTest('setup');

  it('builds a playlist, saves, exports, deletes, imports back, sets a PIN and starts the day', async () => {
    const { page } = app.browser;
    const playlist = () => page.$$eval(sel('tryout-playlist-item'), (items) => items.map((li) => li.getAttribute('data-scenario-id')));
    await page.goto(app.shell.url);
    await page.waitForSelector('body[data-app-state="ready"]');
    await page.click('[data-testid="nav-coach"]');
    await page.waitForSelector(sel('tryouts-panel'));
    // Wait for the saved tryouts to load (a loaded machine can take a moment).
    await expect.poll(() => page.textContent(sel('tryouts-panel')), { timeout: 30_000 }).toContain('No tryouts saved on this laptop yet.');

    // A new tryout: today by default, respect + patience; two scenarios, the second moved up.
    await page.click(sel('tryout-new'));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tryout-name');
    expect(await page.inputValue(sel('tryout-date'))).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.isChecked(sel('tryout-checklist-respect'))).toBe(true);
    expect(await page.isChecked(sel('tryout-checklist-patience'))).toBe(true);
    expect(await page.isChecked(sel('tryout-checklist-writing'))).toBe(false);
    await page.fill(sel('tryout-name'), NAME);
    await page.fill(sel('tryout-date'), '2026-12-01');
    await page.selectOption(sel('tryout-add-scenario'), 'angry-caller');
    await page.click(sel('tryout-add'));
    await page.selectOption(sel('tryout-add-scenario'), 'written-reply');
    await page.click(sel('tryout-add'));
    expect(await playlist()).toEqual(['angry-caller', 'written-reply']);
    expect(await page.textContent('[data-testid="tryout-playlist-item"][data-scenario-id="written-reply"]')).toContain('(typed answer)');
    await page.getByRole('button', { name: 'Move The written reply up' }).click();
    expect(await playlist()).toEqual(['written-reply', 'angry-caller']);
    // Focus follows the moved scenario, so a keyboard user can keep moving it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move The written reply down');
    await page.check(sel('tryout-checklist-writing'));
    await page.locator(sel('tryouts-panel')).screenshot({ path: shotPath('tryout-form.png', app.dataDir) });

    // Spoken only with a typed scenario: warned, and the back end's refusal shows verbatim.
    await page.uncheck(sel('tryout-typed-allowed'));
    expect(await page.textContent(sel('tryout-typed-warning'))).toContain('The written reply');
    await page.click(sel('tryout-save'));
    await page.waitForSelector(sel('tryout-error'));
    expect(await page.textContent(sel('tryout-error'))).toContain(
      'Typed steps are not allowed in this tryout, but these scenarios ask for typed answers: The written reply.',
    );
    expect(await page.locator(sel('tryout-row')).count()).toBe(0);

    await page.check(sel('tryout-typed-allowed'));
    await page.click(sel('tryout-save'));
    await page.waitForSelector(sel('tryout-row'));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tryout-new');
    const row = page.locator(sel('tryout-row'));
    const id = await row.getAttribute('data-tryout-id');
    if (!id) throw new Error('the saved tryout row has no id');
    const rowText = await row.textContent();
    expect(rowText).toContain(NAME);
    expect(rowText).toContain('2026-12-01');
    expect(rowText).toMatch(/The written reply.*The angry caller/);
    expect(rowText).toContain('Checklists: Respect, Patience, Writing.');
    expect(rowText).toContain('Typed answers allowed: yes');
    const onDisk = JSON.parse(readFileSync(join(app.dataDir, 'tryouts', `${id}.json`), 'utf8')) as Tryout;
    expect(onDisk).toMatchObject({ name: NAME, date: '2026-12-01', scenarioIds: ['written-reply', 'angry-caller'], checklistIds: ['respect', 'patience', 'writing'], typedStepsAllowed: true });

    // Edit: the form comes back filled in; saving replaces the same tryout.
    await page.click(sel('tryout-edit'));
    expect(await page.inputValue(sel('tryout-name'))).toBe(NAME);
    expect(await playlist()).toEqual(['written-reply', 'angry-caller']);
    await page.uncheck(sel('tryout-checklist-writing'));
    await page.click(sel('tryout-save'));
    await page.waitForSelector(`${sel('tryout-row')}:has-text("Checklists: Respect, Patience.")`);
    expect(await page.locator(sel('tryout-row')).count()).toBe(1);
    expect(JSON.parse(readFileSync(join(app.dataDir, 'tryouts', `${id}.json`), 'utf8'))).toMatchObject({ checklistIds: ['respect', 'patience'] });

    // No PIN yet: the day cannot start, and the row says why.
    expect(await page.isDisabled(sel('tryout-start-day'))).toBe(true);
    expect(await row.textContent()).toContain('Set a coach PIN below first');

    // Export: the link serves the tryout's JSON.
    await page.click(sel('tryout-export'));
    await page.waitForSelector(sel('tryout-export-link'));
    const href = await page.getAttribute(sel('tryout-export-link'), 'href');
    if (!href) throw new Error('the export link has no href');
    const exportedText = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    const exported = JSON.parse(exportedText) as { format: string; tryout: Tryout };
    expect(exported.format).toBe('tryout-definition');
    expect(exported.tryout).toMatchObject({ id, name: NAME, scenarioIds: ['written-reply', 'angry-caller'] });

    // Delete asks first; then the file is gone.
    await page.click(sel('tryout-delete'));
    await page.click(sel('tryout-delete-confirm'));
    await page.waitForSelector(sel('tryouts-empty'));
    expect(existsSync(join(app.dataDir, 'tryouts', `${id}.json`))).toBe(false);

    // Import the exported file back: same tryout, same id.
    const file = join(mkdtempSync(join(tmpdir(), 'tryout-export-')), 'spring.json');
    writeFileSync(file, exportedText);
    await page.setInputFiles(sel('tryout-import'), file);
    await page.waitForSelector(`${sel('tryout-import-status')}:has-text("Imported “${NAME}”.")`);
    await page.waitForSelector(`[data-testid="tryout-row"][data-tryout-id="${id}"]`);
    expect(existsSync(join(app.dataDir, 'tryouts', `${id}.json`))).toBe(true);
    await page.setInputFiles(sel('tryout-import'), file);
    await page.waitForSelector(`${sel('tryout-import-status')}:has-text("Replaced “${NAME}”")`);

    // The PIN: a mismatch is refused before sending; then set; the fields are emptied; no digits on disk.
    expect(await page.textContent(sel('pin-status'))).toContain('No coach PIN is set');
    await page.fill(sel('pin-new'), '1234');
    await page.fill(sel('pin-confirm'), '1243');
    await page.click(sel('pin-save'));
    expect(await page.textContent(sel('pin-error'))).toContain('do not match');
    expect(existsSync(join(app.dataDir, 'coach-pin.json'))).toBe(false);
    await page.fill(sel('pin-new'), PIN);
    await page.fill(sel('pin-confirm'), PIN);
    await page.click(sel('pin-save'));
    await page.waitForSelector(`${sel('pin-status')}:has-text("PIN set.")`);
    expect(await page.inputValue(sel('pin-new'))).toBe('');
    const pinFile = readFileSync(join(app.dataDir, 'coach-pin.json'), 'utf8');
    expect(pinFile).not.toContain(PIN);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(PIN);

    // Changing it needs the current PIN; a wrong one is refused and the PIN stays.
    await page.waitForSelector(sel('pin-current'));
    await page.fill(sel('pin-current'), '000000');
    await page.fill(sel('pin-new'), '7777');
    await page.fill(sel('pin-confirm'), '7777');
    await page.click(sel('pin-save'));
    await page.waitForSelector(`${sel('pin-error')}:has-text("Wrong PIN")`);
    expect(await page.inputValue(sel('pin-current'))).toBe('');
    expect(readFileSync(join(app.dataDir, 'coach-pin.json'), 'utf8')).toContain((JSON.parse(pinFile) as { hash: { hash: string } }).hash.hash);

    await page.locator(sel('tryouts-panel')).screenshot({ path: shotPath('tryout-setup.png', app.dataDir) });

    // Start the day: the back end holds it, and coach-only methods are now locked.
    expect(await page.isDisabled(sel('tryout-start-day'))).toBe(false);
    await page.click(sel('tryout-start-day'));
    await expect
      .poll(async () => (await callApi<TryoutDayState>(app.shell, 'getTryoutDay', {})).tryout?.id ?? null, { timeout: 10_000 })
      .toBe(id);
    await expect(callApi(app.shell, 'listTryouts', {})).rejects.toThrow(/unauthorized/);
  });
});
