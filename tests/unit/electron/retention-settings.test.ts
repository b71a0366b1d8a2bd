import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TryoutError } from '../../../core/errors.js';
import type * as SettingsStoreModule from '../../../electron/main/settings-store.js';
import { holdsText } from '../../../electron/services/retention.js';
import { createTrainerService } from '../../../electron/services/trainer-service.js';
import { makeScenariosDir, SCENARIO_ID, tempRoot } from '../services/fixtures.js';

/**
 * In Electron the settings live in electron-store's config.json in the same user-data folder as
 * the sessions: the retention setting must be storable there, and a candidate deletion must
 * scrub the remembered name from that file too. (See settings-store.test.ts for the set-up.)
 */
let mod: typeof SettingsStoreModule;
const root = tempRoot('retention-settings');

beforeAll(async () => {
  process.env['ELECTRON_OVERRIDE_DIST_PATH'] = join(root, 'no-electron');
  mod = await import('../../../electron/main/settings-store.js');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('retention with the Electron settings store', () => {
  it('stores retentionDays (a whole number of days, or null) and refuses nonsense', () => {
    const store = mod.createSettingsStore({ projectVersion: '0.1.0', cwd: join(root, 'days') });
    expect(store.getSettings().retentionDays).toBeNull();
    expect(store.updateSettings({ retentionDays: 90 }).retentionDays).toBe(90);
    expect(mod.createSettingsStore({ projectVersion: '0.1.0', cwd: join(root, 'days') }).getSettings().retentionDays).toBe(90);
    expect(store.updateSettings({ retentionDays: null }).retentionDays).toBeNull();
    for (const bad of [0, -3, 1.5, '30']) expect(() => store.updateSettings({ retentionDays: bad }), String(bad)).toThrow(TryoutError);
  });

  it('scrubs a deleted candidate from config.json', async () => {
    const dataDir = join(root, 'user-data');
    const store = mod.createSettingsStore({ projectVersion: '0.1.0', cwd: dataDir });
    const service = createTrainerService({
      dataDir,
      scenariosDir: makeScenariosDir(root),
      log: () => undefined,
      transcriber: null,
      settings: () => store.getSettings(),
      updateSettings: (patch) => store.updateSettings(patch),
    });
    try {
      const session = await service.api.startSession({ scenarioId: SCENARIO_ID, candidate: { name: 'Mary Jackson' }, sampleRate: 16_000 });
      await service.api.finishSession({ sessionId: session.id });
      store.updateSettings({ lastCandidateName: 'Mary Jackson' });
      expect(holdsText(readFileSync(store.path), 'mary jackson')).toBe(true);
      const result = await service.api.deleteCandidateData({ candidateName: 'mary jackson' });
      expect(result.scrubbed).toEqual(['settings']);
      expect(holdsText(readFileSync(store.path), 'mary jackson')).toBe(false);
      expect(store.getSettings().lastCandidateName).toBe('');
    } finally {
      await service.close();
    }
  });
});
