import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type SettingsPatch } from '../../../../core/settings.js';
import { readSettings, settingsPath, updateSettings } from '../../../../electron/services/storage/settings-file.js';
import { tempRoot } from '../fixtures.js';

const root = tempRoot('settings');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('settings file', () => {
  it('gives the defaults when the file is missing or corrupt', async () => {
    const dir = join(root, 'a');
    expect(await readSettings(dir)).toEqual(DEFAULT_SETTINGS);
    await updateSettings(dir, {});
    writeFileSync(settingsPath(dir), '{"micDeviceId": ');
    expect(await readSettings(dir)).toEqual(DEFAULT_SETTINGS);
    writeFileSync(settingsPath(dir), '{"echoCancellation": "yes"}');
    expect(await readSettings(dir)).toEqual(DEFAULT_SETTINGS);
  });

  it('fills keys missing from an older file and ignores unknown ones', async () => {
    const dir = join(root, 'b');
    await updateSettings(dir, {});
    writeFileSync(settingsPath(dir), '{"micDeviceId": "usb-1", "oldKey": 3}');
    expect(await readSettings(dir)).toEqual({ ...DEFAULT_SETTINGS, micDeviceId: 'usb-1' });
  });

  it('applies patches one at a time, atomically, and validates them', async () => {
    const dir = join(root, 'c');
    await Promise.all([updateSettings(dir, { micDeviceId: 'mic-a' }), updateSettings(dir, { lastCandidateName: 'Ada' }), updateSettings(dir, { autoGainControl: true })]);
    expect(await readSettings(dir)).toEqual({ ...DEFAULT_SETTINGS, micDeviceId: 'mic-a', lastCandidateName: 'Ada', autoGainControl: true });
    expect(readdirSync(dir)).toEqual(['settings.json']);
    await expect(updateSettings(dir, { echoCancellation: 'no' } as unknown as SettingsPatch)).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
