import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../../../core/tryout/consent.js';
import type { ScryptParams } from '../../../../electron/services/tryout/coach-pin.js';
import { createTrainerService, type TrainerService } from '../../../../electron/services/trainer-service.js';
import { makeScenariosDir, SCENARIO_ID, SCENARIO_YAML, stereoPcm, tempRoot } from '../fixtures.js';

const CHEAP: ScryptParams = { N: 2 ** 10, r: 8, p: 1, keyLength: 64 };
const PIN = '582916';
const root = tempRoot('day-resume');
const scenariosDir = makeScenariosDir(root);
writeFileSync(join(scenariosDir, 'second-call.yaml'), SCENARIO_YAML.replace(`id: ${SCENARIO_ID}`, 'id: second-call').replace('title: Test call', 'title: Second call'));
const dataDir = join(root, 'data');
const services: TrainerService[] = [];
const start = () => {
  const service = createTrainerService({ dataDir, scenariosDir, log: () => undefined, transcriber: null, coachPinScrypt: CHEAP, retentionSweepAtStartup: false, analyseFinishedCalls: false });
  services.push(service);
  return service;
};
afterAll(async () => {
  for (const s of services) await s.close();
  rmSync(root, { recursive: true, force: true });
});

const candidate = { name: 'Ada Lovelace', candidateId: 'C-17' };
const consent = { version: CONSENT_VERSION, acceptedAt: new Date().toISOString() };

describe('the tryout day after a restart mid-playlist', () => {
  let tryoutId = '';
  let cutId = '';

  it('before: call 1 is taken, and the app dies 1.5 s into call 2', async () => {
    const service = start();
    await service.api.setCoachPin({ pin: PIN });
    tryoutId = (await service.api.saveTryout({ name: 'Resume day', date: '2026-12-03', scenarioIds: [SCENARIO_ID, 'second-call'], checklistIds: ['respect'], typedStepsAllowed: false })).id;
    await service.api.startTryoutDay({ tryoutId });
    const first = await service.api.startSession({ scenarioId: SCENARIO_ID, candidate, sampleRate: 16_000, tryoutId, consent });
    await service.api.finishSession({ sessionId: first.id });
    expect((await service.api.getTryoutDay({})).resume).toMatchObject({ index: 1, interrupted: null });
    const cut = await service.api.startSession({ scenarioId: 'second-call', candidate, sampleRate: 16_000, tryoutId, consent });
    cutId = cut.id;
    await service.api.appendAudio({ sessionId: cut.id, seq: 0, pcm: stereoPcm(24_000) });
    // While a call is being recorded there is nothing to resume.
    expect((await service.api.getTryoutDay({})).resume).toBeNull();
    await service.close(); // leaves the session 'recording', as a kill does
  });

  it('after: the locked kiosk is told where the candidate continues, and nothing of the coach’s notices', async () => {
    const service = start();
    expect(service.recoveredAtStartup).toEqual([cutId]);
    const locked = await service.api.getTryoutDay({});
    expect(locked.coachUnlocked).toBe(false);
    expect(locked.resume).toEqual({ candidate, consent, index: 1, interrupted: { sessionId: cutId, scenarioId: 'second-call', cause: 'app-stopped' } });
    expect(locked.notices).toEqual([]);

    expect(await service.api.unlockCoach({ pin: PIN })).toMatchObject({ ok: true });
    expect((await service.api.getTryoutDay({})).notices).toEqual(['Ada Lovelace (C-17), Second call: the app stopped during the call; it was recovered, and the first 0:01 is kept.']);
    await service.api.lockCoach({});

    // The candidate takes call 2 again under the same check-in; then the playlist is done.
    const again = await service.api.startSession({ scenarioId: 'second-call', candidate, sampleRate: 16_000, tryoutId, consent });
    await service.api.finishSession({ sessionId: again.id });
    expect((await service.api.getTryoutDay({})).resume).toBeNull();
  });
});
