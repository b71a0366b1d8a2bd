import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TryoutError } from '../../../core/errors.js';
import { DEFAULT_SETTINGS } from '../../../core/settings.js';
import type * as SettingsStoreModule from '../../../electron/main/settings-store.js';
import { tempRoot } from '../services/fixtures.js';

/**
 * The real electron-store, under plain Node. electron-store imports 'electron', whose
 * node_modules entry would try to download the binary; with ELECTRON_OVERRIDE_DIST_PATH it
 * just returns a path, and with an absolute `cwd` electron-store needs nothing from Electron.
 */
let mod: typeof SettingsStoreModule;
const root = tempRoot('settings-store');

beforeAll(async () => {
  process.env['ELECTRON_OVERRIDE_DIST_PATH'] = join(root, 'no-electron');
  mod = await import('../../../electron/main/settings-store.js');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('electron-store settings', () => {
  it('starts at the defaults and persists validated updates', () => {
    const cwd = join(root, 'a');
    const store = mod.createSettingsStore({ projectVersion: '0.1.0', cwd });
    expect(store.getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(store.updateSettings({ lastCandidateName: 'Ada', micDeviceId: 'mic-1' })).toEqual({ ...DEFAULT_SETTINGS, lastCandidateName: 'Ada', micDeviceId: 'mic-1' });
    expect(() => store.updateSettings({ echoCancellation: 'no' })).toThrow(TryoutError);
    expect(() => store.updateSettings({ sneaky: true })).toThrow(TryoutError);
    const again = mod.createSettingsStore({ projectVersion: '0.1.0', cwd });
    expect(again.getSettings()).toEqual({ ...DEFAULT_SETTINGS, lastCandidateName: 'Ada', micDeviceId: 'mic-1' });
    expect(JSON.parse(readFileSync(again.path, 'utf8'))).toMatchObject({ lastCandidateName: 'Ada' });
  });

  it('reads a damaged or hand-edited file as defaults instead of crashing', () => {
    const cwd = join(root, 'b');
    const first = mod.createSettingsStore({ projectVersion: '0.1.0', cwd });
    first.updateSettings({ lastCandidateName: 'Ada' });
    writeFileSync(first.path, '{ not json');
    expect(mod.createSettingsStore({ projectVersion: '0.1.0', cwd }).getSettings()).toEqual(DEFAULT_SETTINGS);
    writeFileSync(first.path, JSON.stringify({ echoCancellation: 'loud', lastCandidateName: 7 }));
    const repaired = mod.createSettingsStore({ projectVersion: '0.1.0', cwd });
    expect(repaired.getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(repaired.updateSettings({ autoGainControl: true })).toEqual({ ...DEFAULT_SETTINGS, autoGainControl: true });
  });

  it('runs the migrations of a file written before they existed', () => {
    expect(Object.keys(mod.SETTINGS_MIGRATIONS)).toEqual(['0.1.0']);
    const cwd = join(root, 'c');
    const first = mod.createSettingsStore({ projectVersion: '0.1.0', cwd });
    first.updateSettings({ lastCandidateName: 'Bo' });
    const upgraded = mod.createSettingsStore({ projectVersion: '0.2.0', cwd });
    expect(upgraded.getSettings().lastCandidateName).toBe('Bo');
  });
});
