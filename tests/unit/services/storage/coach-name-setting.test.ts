import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../core/settings.js';
import { readSettings, settingsPath, updateSettings } from '../../../../electron/services/storage/settings-file.js';
import { tempRoot } from '../fixtures.js';

describe('the coachName setting', () => {
  it('is empty by default and saved trimmed in settings.json', async () => {
    const dir = tempRoot('coach-name');
    expect((await readSettings(dir)).coachName).toBe('');
    expect(DEFAULT_SETTINGS.coachName).toBe('');
    await updateSettings(dir, { coachName: '  Ana Lima ' });
    expect(JSON.parse(readFileSync(settingsPath(dir), 'utf8'))).toMatchObject({ coachName: 'Ana Lima' });
    expect((await readSettings(dir)).coachName).toBe('Ana Lima');
    await expect(updateSettings(dir, { coachName: 'x'.repeat(81) })).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('patch.coachName') });
  });
});
