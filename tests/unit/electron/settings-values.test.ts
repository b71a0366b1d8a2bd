import { describe, expect, it } from 'vitest';
import { TryoutError } from '../../../core/errors.js';
import { DEFAULT_SETTINGS } from '../../../core/settings.js';
import { applySettingsPatch, settingsFromStored, settingsJsonSchemaProperties } from '../../../electron/main/policies/settings-values.js';

describe('settings values', () => {
  it('reads stored values, filling defaults and dropping unknown keys', () => {
    expect(settingsFromStored({ lastCandidateName: 'Ada', future: 1 })).toEqual({ ...DEFAULT_SETTINGS, lastCandidateName: 'Ada' });
  });

  it('reads damaged values as the defaults', () => {
    for (const raw of [null, 'x', [], { echoCancellation: 'yes' }, { micDeviceId: 'x'.repeat(600) }]) {
      expect(settingsFromStored(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('applies valid patches and refuses bad ones', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { noiseSuppression: true, micDeviceId: undefined })).toEqual({ ...DEFAULT_SETTINGS, noiseSuppression: true });
    for (const patch of [{ noiseSuppression: 'yes' }, { other: 1 }, null, 'x', { lastCandidateName: 'x'.repeat(200) }]) {
      expect(() => applySettingsPatch(DEFAULT_SETTINGS, patch)).toThrow(TryoutError);
    }
  });

  it('derives a JSON schema property for every key', () => {
    const properties = settingsJsonSchemaProperties();
    expect(Object.keys(properties).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(properties.echoCancellation).toEqual({ type: 'boolean' });
  });
});
