import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../../../core/tryout/consent.js';
import { COACH_IDLE_LOCK_MS } from '../../../../core/tryout/day.js';
import type { ScryptParams } from '../../../../electron/services/tryout/coach-pin.js';
import { CoachPin } from '../../../../electron/services/tryout/coach-pin.js';
import { createTrainerService, type TrainerService } from '../../../../electron/services/trainer-service.js';
import { TryoutDay, tryoutDayPath } from '../../../../electron/services/tryout/tryout-day.js';
import { TryoutStore } from '../../../../electron/services/tryout/tryout-store.js';
import { makeScenariosDir, SCENARIO_ID, SCENARIO_YAML, stereoPcm, tempRoot } from '../fixtures.js';

const CHEAP: ScryptParams = { N: 2 ** 10, r: 8, p: 1, keyLength: 64 };
const root = tempRoot('tryout-day');
const scenariosDir = makeScenariosDir(root);
writeFileSync(
  join(scenariosDir, 'written-test.yaml'),
  SCENARIO_YAML.replace(`id: ${SCENARIO_ID}`, 'id: written-test').replace('title: Test call', 'title: Written test').replace('listen: {timeoutSeconds: 10}', 'type: {prompt: Reply to Robin}'),
);
const dataDir = join(root, 'data');
const services: TrainerService[] = [];
const start = () => {
  const service = createTrainerService({ dataDir, scenariosDir, log: () => undefined, transcriber: null, coachPinScrypt: CHEAP, retentionSweepAtStartup: false });
  services.push(service);
  return service;
};
afterAll(async () => {
  for (const s of services) await s.close();
  rmSync(root, { recursive: true, force: true });
});

const DAY = { name: 'Tryout day', date: '2026-11-24', scenarioIds: [SCENARIO_ID], checklistIds: ['respect'] as 'respect'[], typedStepsAllowed: false };
const consent = () => ({ version: CONSENT_VERSION, acceptedAt: new Date().toISOString() });

describe('saving and importing tryouts', () => {
  const service = start();

  it('keeps typed answers out of a spoken-only tryout and refuses scenarios that are not installed', async () => {
    await expect(service.api.saveTryout({ ...DAY, scenarioIds: [SCENARIO_ID, 'written-test'] })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/Typed steps are not allowed.*Written test/),
    });
    await expect(service.api.saveTryout({ ...DAY, scenarioIds: ['not-installed'] })).rejects.toMatchObject({ message: expect.stringMatching(/not installed.*not-installed/) });
    const typed = await service.api.saveTryout({ ...DAY, scenarioIds: [SCENARIO_ID, 'written-test'], typedStepsAllowed: true });
    expect(typed.scenarioIds).toEqual([SCENARIO_ID, 'written-test']);
    await service.api.deleteTryout({ tryoutId: typed.id });
  });

  it('imports an exported tryout under its own id (another laptop, or after deleting it) and says when it replaced one', async () => {
    const saved = await service.api.saveTryout(DAY);
    const file = await service.api.exportTryout({ tryoutId: saved.id });
    const text = readFileSync(file.path, 'utf8');
    expect(await service.api.importTryout({ text })).toEqual({ tryout: saved, replaced: true });
    await service.api.deleteTryout({ tryoutId: saved.id });
    expect(await service.api.importTryout({ text })).toEqual({ tryout: saved, replaced: false });
    expect(JSON.parse(readFileSync(join(dataDir, 'tryouts', `${saved.id}.json`), 'utf8'))).toEqual(saved);
  });

  it('refuses files that are not exported tryouts, saying why', async () => {
    await expect(service.api.importTryout({ text: 'PK\u0003\u0004' })).rejects.toMatchObject({ code: 'invalid-argument', message: 'That file is not an exported tryout: it is not valid JSON.' });
    await expect(service.api.importTryout({ text: '{"format":"tryout-definition","version":1}' })).rejects.toMatchObject({ message: expect.stringMatching(/not an exported tryout \(.*tryout/) });
    await expect(service.api.importTryout({ text: '' })).rejects.toMatchObject({ message: expect.stringMatching(/the file is empty/) });
  });
});

describe('a tryout day on this laptop', () => {
  let tryoutId = '';

  it('cannot start before a coach PIN is set', async () => {
    const service = start();
    tryoutId = (await service.api.saveTryout({ ...DAY, name: 'Kiosk day' })).id;
    await expect(service.api.startTryoutDay({ tryoutId })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/Set a coach PIN first/) });
    expect(existsSync(tryoutDayPath(dataDir))).toBe(false);
  });

  it('locks the kiosk: a candidate’s methods answer, sessions, settings and other people’s audio do not', async () => {
    const service = start();
    await service.api.setCoachPin({ pin: '482916' });
    const state = await service.api.startTryoutDay({ tryoutId });
    expect(state).toMatchObject({ tryout: { id: tryoutId, name: 'Kiosk day' }, coachUnlocked: false, pin: { set: true } });
    expect(JSON.parse(readFileSync(tryoutDayPath(dataDir), 'utf8'))).toMatchObject({ formatVersion: 1, tryoutId });

    for (const [method, input] of [['listSessions', {}], ['listTryouts', {}], ['updateSettings', { patch: { retentionDays: 1 } }], ['endTryoutDay', {}], ['searchSessions', {}]] as const) {
      await expect(service.dispatch(method, input)).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/coach must unlock coach mode with the PIN/) });
    }
    // A practice call or another tryout's call cannot be recorded here.
    await expect(service.api.startSession({ scenarioId: SCENARIO_ID, candidate: { name: 'Ada' }, sampleRate: 16_000 })).rejects.toMatchObject({ code: 'unauthorized' });

    const manifest = await service.api.startSession({ scenarioId: SCENARIO_ID, candidate: { name: 'Ada', candidateId: 'C-17' }, sampleRate: 16_000, tryoutId, consent: consent() });
    await service.api.appendAudio({ sessionId: manifest.id, seq: 0, pcm: stereoPcm(1600) });
    await service.api.finishSession({ sessionId: manifest.id });
    const onDisk = JSON.parse(readFileSync(join(dataDir, 'sessions', manifest.id, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(onDisk).toMatchObject({ tryoutId, checklistIds: ['respect'], candidate: { name: 'Ada', candidateId: 'C-17' } });

    expect(service.resolveMedia(`/media/sessions/${manifest.id}/audio.wav`)).toBeNull();
    expect(service.resolveMedia(`/media/clips/${SCENARIO_ID}/greet.wav`)).not.toBeNull();

    // A wrong PIN leaves it locked; the right one opens coach mode.
    expect(await service.api.unlockCoach({ pin: '000000' })).toMatchObject({ ok: false });
    await expect(service.api.listSessions({})).rejects.toMatchObject({ code: 'unauthorized' });
    const lockedUntil = (await service.api.coachPinStatus({})).lockedUntil;
    if (lockedUntil !== null) await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(lockedUntil) - Date.now()) + 20));
    expect(await service.api.unlockCoach({ pin: '482916' })).toEqual({ ok: true, retryAfterMs: 0 });
    expect((await service.api.listSessions({})).map((m) => m.id)).toContain(manifest.id);
    expect(service.resolveMedia(`/media/sessions/${manifest.id}/audio.wav`)).toBe(join(dataDir, 'sessions', manifest.id, 'audio.wav'));
    expect(await service.api.getTryoutDay({})).toMatchObject({ coachUnlocked: true, coachUnlockedUntil: expect.any(String) });
    await expect(service.api.deleteTryout({ tryoutId })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/end the tryout day/) });

    await service.api.lockCoach({});
    await expect(service.api.listSessions({})).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('comes back locked, in the same day, after a restart; a coach ends it', async () => {
    const service = start();
    expect(await service.api.getTryoutDay({})).toMatchObject({ tryout: { id: tryoutId }, coachUnlocked: false });
    await expect(service.api.listSessions({})).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await service.api.unlockCoach({ pin: '482916' })).toMatchObject({ ok: true });
    expect(await service.api.endTryoutDay({})).toMatchObject({ tryout: null, coachUnlocked: true });
    expect(existsSync(tryoutDayPath(dataDir))).toBe(false);
    expect(Array.isArray(await service.api.listSessions({}))).toBe(true);
  });
});

describe('coach mode during a day', () => {
  it('locks itself after a quiet spell, and each coach-only call keeps it open', async () => {
    const dir = join(root, 'idle');
    let now = Date.parse('2026-11-24T09:00:00Z');
    const coachPin = new CoachPin({ dataDir: dir, log: () => undefined, scrypt: CHEAP });
    const tryouts = new TryoutStore({ dataDir: dir, log: () => undefined });
    const day = new TryoutDay({ dataDir: dir, log: () => undefined, tryouts, coachPin, now: () => now });
    await coachPin.set('1234', undefined);
    const { id } = await tryouts.save(DAY);
    await day.start(id);
    day.unlocked();
    now += COACH_IDLE_LOCK_MS - 1000;
    const check = async (method: 'listSessions' | 'startSession') => day.admit(method, await day.roleFor(method));
    await expect(check('listSessions')).resolves.toBeUndefined();
    now += COACH_IDLE_LOCK_MS - 1000;
    await expect(check('listSessions')).resolves.toBeUndefined();
    now += COACH_IDLE_LOCK_MS;
    await expect(check('listSessions')).rejects.toThrow(/unlock coach mode/);
    await expect(check('startSession')).resolves.toBeUndefined();
  });

  it('treats a damaged day file as no day, and logs it', () => {
    const dir = join(root, 'damaged');
    const logged: string[] = [];
    const coachPin = new CoachPin({ dataDir: dir, log: () => undefined, scrypt: CHEAP });
    const tryouts = new TryoutStore({ dataDir: dir, log: () => undefined });
    mkdirSync(dir, { recursive: true });
    writeFileSync(tryoutDayPath(dir), '{"formatVersion":1,"tryoutId":"../x"}');
    const day = new TryoutDay({ dataDir: dir, log: (m) => logged.push(m), tryouts, coachPin });
    expect(day.tryoutId()).toBeNull();
    expect(logged).toEqual(['tryout day: tryout-day.json is not valid; no tryout day is on']);
  });
});
