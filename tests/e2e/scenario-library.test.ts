import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/rehearse/chromium.js';
import { startShellProcess } from '../../scripts/rehearse/shell-process.js';

const sel = (id: string) => `[data-testid="${id}"]`;
const NOT_LISTENING_TITLE = 'The interviewer who is not listening';

async function withApp(scenariosDir: string, dataDir: string, fn: (page: Page) => Promise<void>) {
  const shell = await startShellProcess({ dataDir, scenariosDir });
  const browser = await launchChromium();
  try {
    await browser.page.goto(shell.url);
    await browser.page.waitForSelector('body[data-app-state="ready"]');
    await fn(browser.page);
  } finally {
    await browser.close();
    await shell.stop();
  }
}

function copyOfScenarios(only?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tryout-scenarios-'));
  if (!only) {
    cpSync('scenarios', dir, { recursive: true });
    return dir;
  }
  cpSync(`scenarios/${only}.yaml`, join(dir, `${only}.yaml`));
  cpSync(`scenarios/audio/${only}`, join(dir, 'audio', only), { recursive: true });
  return dir;
}

const problemsText = (page: Page) => page.locator(sel('scenario-problems')).textContent({ timeout: 500 }).catch(() => '');

describe('scenario files and packs while the app is open', () => {
  it('shows a scenario file edited on disk, and its new problem, on the home screen without a restart', async () => {
    const dir = copyOfScenarios();
    const file = join(dir, 'long-hold.yaml');
    const original = readFileSync(file, 'utf8');
    await withApp(dir, mkdtempSync(join(tmpdir(), 'tryout-app-')), async (page) => {
      await page.waitForSelector(sel('scenario-long-hold'));
      expect(await page.locator(sel('scenario-problems')).count()).toBe(0);

      // A typo in a step key: the scenario drops out and its problem shows as file:line:col.
      const broken = original.replace(/^(\s+)say:/m, '$1sayy:');
      const line = broken.split('\n').findIndex((l) => l.includes('sayy:')) + 1;
      writeFileSync(file, broken);
      await expect.poll(() => problemsText(page), { timeout: 10_000 }).toMatch(new RegExp(`long-hold\\.yaml:${line}:\\d+`));
      expect(await problemsText(page)).toContain('sayy');
      expect(await page.locator(sel('scenario-long-hold')).count()).toBe(0);

      // A new file appears; fixing the broken one brings it back and clears the problem.
      cpSync(join(dir, 'audio', 'long-hold'), join(dir, 'audio', 'second-hold'), { recursive: true });
      writeFileSync(join(dir, 'second-hold.yaml'), original.replace(/^id: long-hold$/m, 'id: second-hold').replace(/^title: .*$/m, 'title: A second hold'));
      writeFileSync(file, original);
      await expect.poll(() => page.locator(sel('scenario-long-hold')).count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => page.locator(sel('scenario-second-hold')).count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => page.locator(sel('scenario-problems')).count(), { timeout: 10_000 }).toBe(0);
    });
  });

  it('exports a pack from the Coach screen, downloads it, and imports it into a second data folder, asking before replacing', async () => {
    let packPath = '';
    await withApp(copyOfScenarios(), mkdtempSync(join(tmpdir(), 'tryout-app-')), async (page) => {
      await page.click(sel('nav-coach'));
      await page.selectOption(sel('coach-scenario'), 'not-listening');
      await page.click(sel('export-pack'));
      await page.waitForSelector(sel('export-result'));
      const saved = (await page.textContent(sel('export-result'))) ?? '';
      const path = /Saved to (\S+\.tryout\.zip)/.exec(saved)?.[1] ?? '';
      expect(path).toMatch(/exports\/not-listening-\d{8}-\d{6}\.tryout\.zip$/);
      expect(existsSync(path)).toBe(true);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(sel('export-download'))]);
      packPath = join(mkdtempSync(join(tmpdir(), 'tryout-download-')), download.suggestedFilename());
      await download.saveAs(packPath);
      expect(readFileSync(packPath).equals(readFileSync(path))).toBe(true);
    });

    await withApp(copyOfScenarios('long-hold'), mkdtempSync(join(tmpdir(), 'tryout-app-')), async (page) => {
      expect(await page.locator(sel('scenario-not-listening')).count()).toBe(0);
      await page.click(sel('nav-coach'));
      await page.setInputFiles(sel('import-pack'), packPath);
      await expect.poll(() => page.locator(sel('pack-status')).textContent({ timeout: 500 }).catch(() => ''), { timeout: 20_000 }).toContain(`Imported "${NOT_LISTENING_TITLE}"`);
      expect(await page.inputValue(sel('coach-scenario'))).toBe('not-listening');
      expect(await page.locator(`${sel('coach-screen')} [data-source="synthetic"]`).count()).toBe(5);

      // The same pack again: the app asks, and nothing changes until the coach says Replace.
      await page.setInputFiles(sel('import-pack'), packPath);
      await page.waitForSelector(sel('replace-dialog'));
      expect(await page.textContent('#replace-title')).toBe(`Replace "${NOT_LISTENING_TITLE}"?`);
      await page.click(sel('replace-confirm'));
      await expect.poll(() => page.locator(sel('pack-status')).textContent({ timeout: 500 }).catch(() => ''), { timeout: 20_000 }).toContain('replaced the installed copy');

      // A broken file is refused with a clear message.
      const junk = join(mkdtempSync(join(tmpdir(), 'tryout-junk-')), 'junk.tryout.zip');
      writeFileSync(junk, 'this is not a zip');
      await page.setInputFiles(sel('import-pack'), junk);
      await expect.poll(() => page.locator(sel('pack-error')).textContent({ timeout: 500 }).catch(() => ''), { timeout: 20_000 }).toContain('not a zip file');

      await page.click('nav >> text=Scenarios');
      await page.waitForSelector(sel('scenario-not-listening'));
    });
  });
});
