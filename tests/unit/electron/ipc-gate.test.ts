import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../core/settings.js';
import { registerIpcHandlers, type IpcRegistrar } from '../../../electron/main/ipc.js';
import type { IpcReply } from '../../../electron/main/policies/ipc-channel.js';
import { adoptLegacySettings, readSettings, settingsPath } from '../../../electron/services/storage/settings-file.js';
import { createTrainerService } from '../../../electron/services/trainer-service.js';
import { makeScenariosDir, SCENARIO_ID, tempRoot } from '../services/fixtures.js';

/**
 * Electron's IPC over the real trainer service. It used to answer getSettings/updateSettings
 * itself from electron-store: a candidate's window on a locked kiosk could change the laptop's
 * settings, and the two shells kept them in two files.
 */

const root = tempRoot('ipc-gate');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function ipcOver(dispatch: (method: string, input: unknown) => Promise<unknown>) {
  const handlers = new Map<string, Parameters<IpcRegistrar['handle']>[1]>();
  registerIpcHandlers({ handle: (channel, listener) => handlers.set(channel, listener) }, { dispatch, log: () => undefined });
  return (method: string, input: unknown): Promise<IpcReply> => {
    const listener = handlers.get(`tryout:${method}`);
    if (!listener) throw new Error(`no handler for ${method}`);
    return listener({ senderFrame: { url: 'app://tryout/', parent: null } }, input);
  };
}

describe('settings over Electron IPC', () => {
  it('refuses a candidate’s updateSettings on a locked kiosk, and settings.json is untouched', async () => {
    const dataDir = join(root, 'kiosk');
    const service = createTrainerService({ dataDir, scenariosDir: makeScenariosDir(root), log: () => undefined, transcriber: null, coachPinScrypt: { N: 2 ** 10, r: 8, p: 1, keyLength: 64 }, retentionSweepAtStartup: false });
    const invoke = ipcOver(service.dispatch);
    try {
      expect(await invoke('updateSettings', { patch: { micDeviceId: 'usb-mic' } })).toMatchObject({ ok: true });
      const tryout = await service.api.saveTryout({ name: 'Day', date: '2026-11-24', scenarioIds: [SCENARIO_ID], checklistIds: ['respect'], typedStepsAllowed: false });
      await service.api.setCoachPin({ pin: '1357' });
      await service.api.startTryoutDay({ tryoutId: tryout.id });
      const before = readFileSync(settingsPath(dataDir));

      const refused = await invoke('updateSettings', { patch: { retentionDays: 1, micDeviceId: null } });
      expect(refused).toEqual({ ok: false, error: { code: 'unauthorized', message: expect.stringMatching(/^Not allowed: updateSettings .*"candidate"/) } });
      expect(readFileSync(settingsPath(dataDir))).toEqual(before);
      // Reading is still open to the candidate's screens (the microphone choice), from the same file.
      expect(await invoke('getSettings', {})).toEqual({ ok: true, result: { ...DEFAULT_SETTINGS, micDeviceId: 'usb-mic' } });

      expect(await invoke('unlockCoach', { pin: '1357' })).toMatchObject({ ok: true, result: { ok: true } });
      expect(await invoke('updateSettings', { patch: { retentionDays: 30 } })).toMatchObject({ ok: true, result: { retentionDays: 30 } });
      expect((await readSettings(dataDir)).retentionDays).toBe(30);
    } finally {
      await service.close();
    }
  });

  it('moves an older version’s electron-store config.json into settings.json once, leaving no copy', async () => {
    const dataDir = join(root, 'legacy');
    mkdirSync(dataDir, { recursive: true });
    const legacy = join(dataDir, 'config.json');
    writeFileSync(legacy, JSON.stringify({ __internal__: { migrations: { version: '0.1.0' } }, lastCandidateName: 'Ada', retentionDays: 90, echoCancellation: 'loud' }));
    expect(await adoptLegacySettings(dataDir, legacy)).toBe(true);
    // A damaged value reads as the defaults (as electron-store's schema did); internal keys are dropped.
    expect(JSON.parse(readFileSync(settingsPath(dataDir), 'utf8'))).toEqual(DEFAULT_SETTINGS);
    expect(existsSync(legacy)).toBe(false);

    writeFileSync(legacy, JSON.stringify({ lastCandidateName: 'Grace', retentionDays: 90 }));
    expect(await adoptLegacySettings(dataDir, legacy)).toBe(false);
    expect(await readSettings(dataDir)).toEqual(DEFAULT_SETTINGS);

    const fresh = join(root, 'legacy-2');
    mkdirSync(fresh);
    writeFileSync(join(fresh, 'config.json'), JSON.stringify({ lastCandidateName: 'Grace', retentionDays: 90, future: 1 }));
    expect(await adoptLegacySettings(fresh, join(fresh, 'config.json'))).toBe(true);
    expect(await readSettings(fresh)).toEqual({ ...DEFAULT_SETTINGS, lastCandidateName: 'Grace', retentionDays: 90 });
    expect(await adoptLegacySettings(join(root, 'none'), join(root, 'none', 'config.json'))).toBe(false);
  });
});
