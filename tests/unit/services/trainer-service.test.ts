import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTrainerService } from '../../../electron/services/trainer-service.js';
import { makeScenariosDir, SCENARIO_ID, SCENARIO_YAML, stereoPcm, tempRoot } from './fixtures.js';

const root = tempRoot('service');
const scenariosDir = makeScenariosDir(root);
const dataDir = join(root, 'data');
const logged: string[] = [];
const service = createTrainerService({ dataDir, scenariosDir, log: (m) => logged.push(m) });
afterAll(async () => {
  await service.close();
  rmSync(root, { recursive: true, force: true });
});

const start = () => service.api.startSession({ scenarioId: SCENARIO_ID, candidate: { name: 'Ada' }, sampleRate: 16_000 });

describe('trainer service', () => {
  it('lists scenarios, reloading them on every call', async () => {
    const first = await service.api.listScenarios({});
    expect(first.scenarios.map((s) => s.id)).toEqual([SCENARIO_ID]);
    expect(first.problems).toEqual([]);
    writeFileSync(join(scenariosDir, 'second-call.yaml'), SCENARIO_YAML.replace(`id: ${SCENARIO_ID}`, 'id: second-call').replace('say: "Hello"', 'say: "Hi"\n    clip: none.wav'));
    const second = await service.api.listScenarios({});
    expect(second.problems.map((p) => p.message).join()).toMatch(/missing clip/);
    rmSync(join(scenariosDir, 'second-call.yaml'));
  });

  it('starts a session of a known scenario, and refuses an unknown one', async () => {
    const m = await start();
    expect(m).toMatchObject({ scenarioId: SCENARIO_ID, scenarioTitle: 'Test call', status: 'recording', sampleRate: 16_000 });
    await expect(service.api.startSession({ scenarioId: 'no-such', candidate: { name: 'Ada' }, sampleRate: 16_000 })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('rejects unknown methods', async () => {
    await expect(service.dispatch('deleteEverything', {})).rejects.toMatchObject({ code: 'unknown-method' });
    await expect(service.dispatch('__proto__', {})).rejects.toMatchObject({ code: 'unknown-method' });
    await expect(service.dispatch('toString', {})).rejects.toMatchObject({ code: 'unknown-method' });
  });

  it('validates input, naming the field', async () => {
    await expect(service.dispatch('getSession', { sessionId: '../../etc' })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('sessionId: session id must be'),
    });
    await expect(service.dispatch('appendAudio', { sessionId: '20261122-210501-k3f9x2', seq: '1', pcm: new Uint8Array(4) })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/seq: /),
    });
    await expect(service.dispatch('appendAudio', { sessionId: '20261122-210501-k3f9x2', seq: 0, pcm: [1, 2, 3, 4] })).rejects.toMatchObject({ message: expect.stringMatching(/pcm: /) });
    await expect(service.dispatch('appendAudio', { sessionId: '20261122-210501-k3f9x2', seq: 0, pcm: new Uint8Array(3) })).rejects.toMatchObject({ message: expect.stringMatching(/whole 2-channel/) });
    await expect(service.dispatch('listSessions', { extra: 1 })).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(service.dispatch('listSessions', null)).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(/input: /) });
    await expect(service.dispatch('appendEvents', { sessionId: '20261122-210501-k3f9x2', events: [{ type: 'line-ended', frame: -1, stepId: 'a' }] })).rejects.toMatchObject({
      message: expect.stringContaining('events[0].frame'),
    });
  });

  it('turns unexpected failures into a generic internal error and logs the real one', async () => {
    const m = await start();
    rmSync(join(dataDir, 'sessions', m.id), { recursive: true, force: true });
    mkdirSync(join(dataDir, 'sessions', m.id, 'drafts.json'), { recursive: true });
    writeFileSync(join(dataDir, 'sessions', m.id, 'manifest.json'), JSON.stringify(m));
    const error = await service.api.saveDraft({ sessionId: m.id, stepId: 'write', text: 'x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'internal', message: expect.not.stringContaining(dataDir) });
    expect(logged.join('\n')).toMatch(/saveDraft failed/);
  });

  it('resolves media paths to files, and nothing else', async () => {
    const m = await start();
    await service.api.appendAudio({ sessionId: m.id, seq: 0, pcm: stereoPcm(10) });
    expect(service.resolveMedia(`/media/clips/${SCENARIO_ID}/greet.wav`)).toBe(join(scenariosDir, 'audio', SCENARIO_ID, 'greet.wav'));
    expect(service.resolveMedia(`/media/sessions/${m.id}/audio.wav`)).toBe(join(dataDir, 'sessions', m.id, 'audio.wav'));
    for (const bad of [
      `/media/clips/${SCENARIO_ID}/missing.wav`,
      `/media/sessions/${m.id}/manifest.json`,
      '/media/sessions/../../x',
      '/media/sessions/%2e%2e/audio.wav',
      `/media/clips/${SCENARIO_ID}/..%2f..%2ftest-call.yaml`,
      `/media/clips/${SCENARIO_ID}%2f..%2f/greet.wav`,
      `/media/clips/${SCENARIO_ID}/greet.wav/x`,
      '/media/clips/%E0%A4%A/greet.wav',
      '/etc/passwd',
    ]) {
      expect(service.resolveMedia(bad), bad).toBeNull();
    }
  });

  it('reads and updates settings', async () => {
    expect((await service.api.getSettings({})).echoCancellation).toBe(true);
    const next = await service.api.updateSettings({ patch: { lastCandidateName: 'Ada', noiseSuppression: true } });
    expect(next).toMatchObject({ lastCandidateName: 'Ada', noiseSuppression: true, echoCancellation: true });
    expect(await service.api.getSettings({})).toEqual(next);
    await expect(service.dispatch('updateSettings', { patch: { micDeviceId: 5 } })).rejects.toMatchObject({ message: expect.stringContaining('patch.micDeviceId') });
  });
});
