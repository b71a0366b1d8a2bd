import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appUnderTest } from '../support/app-under-test.js';

describe("a coach sets this laptop's speech engine and retention on the Coach screen", () => {
  const app = appUnderTest('settings');

  it('refuses a bad number of days with a plain message, saves good values to disk, and shows them after a reload', async () => {
    const { page } = app.browser;
    await page.goto(app.shell.url);
    await page.waitForSelector('body[data-app-state="ready"]');
    await page.click('[data-testid="nav-coach"]');
    await page.selectOption('[data-testid="setting-speech-engine"]', 'pocketsphinx');
    await page.fill('[data-testid="setting-retention-days"]', '0');
    await page.click('[data-testid="save-settings"]');
    expect(await page.textContent('[data-testid="settings-error"]')).toContain('whole number of days from 1 to 3650');

    await page.fill('[data-testid="setting-retention-days"]', '30');
    await page.fill('[data-testid="setting-whisper-model"]', 'models/ggml-base.en.bin');
    await page.click('[data-testid="save-settings"]');
    await page.waitForSelector('[data-testid="settings-status"]:has-text("Saved.")');
    const onDisk = JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(onDisk).toMatchObject({ speechEngine: 'pocketsphinx', retentionDays: 30, whisperModel: 'models/ggml-base.en.bin' });

    await page.reload();
    await page.waitForSelector('body[data-app-state="ready"]');
    await page.click('[data-testid="nav-coach"]');
    expect(await page.inputValue('[data-testid="setting-speech-engine"]')).toBe('pocketsphinx');
    expect(await page.inputValue('[data-testid="setting-retention-days"]')).toBe('30');

    // Emptied fields go back to the defaults: the models folder, and keeping sessions.
    await page.fill('[data-testid="setting-retention-days"]', '');
    await page.fill('[data-testid="setting-whisper-model"]', '');
    await page.click('[data-testid="save-settings"]');
    await page.waitForSelector('[data-testid="settings-status"]:has-text("Saved.")');
    expect(JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8'))).toMatchObject({ retentionDays: null, whisperModel: null });
  });
});
