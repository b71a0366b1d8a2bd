import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../../../core/tryout/consent.js';
import { TryoutExportSchema, TryoutSchema } from '../../../../core/tryout/schema.js';
import { createTrainerService } from '../../../../electron/services/trainer-service.js';
import { makeScenariosDir, SCENARIO_ID, SCENARIO_YAML, tempRoot } from '../fixtures.js';

const root = tempRoot('tryouts');
const scenariosDir = makeScenariosDir(root);
writeFileSync(join(scenariosDir, 'second-call.yaml'), SCENARIO_YAML.replace(`id: ${SCENARIO_ID}`, 'id: second-call').replace('say: "Hello"', 'say: "Hi"\n    clip: greet.wav'));
const dataDir = join(root, 'data');
const logged: string[] = [];
const service = createTrainerService({ dataDir, scenariosDir, log: (m) => logged.push(m), transcriber: null });
afterAll(async () => {
  await service.close();
  rmSync(root, { recursive: true, force: true });
});

const DAY = { name: 'Support tryout, November', date: '2026-11-24', scenarioIds: [SCENARIO_ID, 'second-call'], checklistIds: ['respect', 'patience'] as ('respect' | 'patience')[], typedStepsAllowed: false };
const consentNow = () => ({ version: CONSENT_VERSION, acceptedAt: new Date().toISOString() });

describe('tryout definitions', () => {
  it('saves a tryout as <data>/tryouts/<id>.json, lists it, and replaces it keeping createdAt', async () => {
    const saved = await service.api.saveTryout(DAY);
    const path = join(dataDir, 'tryouts', `${saved.id}.json`);
    const onDisk = TryoutSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    expect(onDisk).toEqual(saved);
    expect(onDisk).toMatchObject({ name: DAY.name, date: '2026-11-24', scenarioIds: [SCENARIO_ID, 'second-call'], typedStepsAllowed: false });
    expect(await service.api.listTryouts({})).toEqual([saved]);

    const renamed = await service.api.saveTryout({ ...DAY, id: saved.id, name: 'Renamed', scenarioIds: ['second-call', SCENARIO_ID] });
    expect(renamed).toMatchObject({ id: saved.id, createdAt: saved.createdAt, name: 'Renamed', scenarioIds: ['second-call', SCENARIO_ID] });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ name: 'Renamed' });
    expect(readdirSync(join(dataDir, 'tryouts'))).toEqual([`${saved.id}.json`]);
  });

  it('refuses bad definitions with the field named, and an update of a tryout that does not exist', async () => {
    await expect(service.api.saveTryout({ ...DAY, scenarioIds: [] })).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('scenarioIds: choose at least one scenario') });
    await expect(service.api.saveTryout({ ...DAY, scenarioIds: [SCENARIO_ID, SCENARIO_ID] })).rejects.toMatchObject({ message: expect.stringContaining('only once') });
    await expect(service.api.saveTryout({ ...DAY, date: '24/11/2026' })).rejects.toMatchObject({ message: expect.stringContaining('date') });
    await expect(service.api.saveTryout({ ...DAY, name: '  ' })).rejects.toMatchObject({ message: expect.stringContaining('name') });
    await expect(service.api.saveTryout({ ...DAY, id: 't-20261124-nothere' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(service.dispatch('deleteTryout', { tryoutId: '../settings' })).rejects.toMatchObject({ code: 'invalid-argument' });
  });

  it('skips a damaged tryout file when listing, and logs it', async () => {
    writeFileSync(join(dataDir, 'tryouts', 't-damaged.json'), '{"name": 1}');
    const ids = (await service.api.listTryouts({})).map((t) => t.id);
    expect(ids).not.toContain('t-damaged');
    expect(logged.join('\n')).toMatch(/tryouts: skipping t-damaged\.json: it is not a valid tryout/);
    rmSync(join(dataDir, 'tryouts', 't-damaged.json'));
  });

  it('exports a tryout as JSON under <data>/exports, served under /media/exports/', async () => {
    const [tryout] = await service.api.listTryouts({});
    if (!tryout) throw new Error('no tryout');
    const file = await service.api.exportTryout({ tryoutId: tryout.id });
    expect(file.fileName).toMatch(new RegExp(`^tryout-${tryout.id}-\\d{8}-\\d{6}\\.json$`));
    expect(file.path).toBe(join(dataDir, 'exports', file.fileName));
    const exported = TryoutExportSchema.parse(JSON.parse(readFileSync(file.path, 'utf8')));
    expect(exported.tryout).toEqual(tryout);
    expect(service.resolveMedia(file.url)).toBe(file.path);
    expect(service.resolveMedia('/media/exports/tryout-..-20261124-100000.json')).toBeNull();
  });

  it('deletes a tryout file', async () => {
    const extra = await service.api.saveTryout({ ...DAY, name: 'Throwaway' });
    expect(await service.api.deleteTryout({ tryoutId: extra.id })).toEqual({ deleted: true });
    expect(existsSync(join(dataDir, 'tryouts', `${extra.id}.json`))).toBe(false);
    expect(await service.api.deleteTryout({ tryoutId: extra.id })).toEqual({ deleted: false });
  });
});

describe('consent', () => {
  it('states what is recorded, who sees it and how long it is kept (the retention setting)', async () => {
    const forever = await service.api.getConsentText({});
    expect(forever.version).toBe(CONSENT_VERSION);
    const text = forever.paragraphs.join('\n');
    expect(text).toMatch(/What we record: your voice/);
    expect(text).toMatch(/Who sees it: only the coaches/);
    expect(text).toMatch(/kept on this laptop until a coach deletes them/);
    await service.api.updateSettings({ patch: { retentionDays: 30 } });
    expect((await service.api.getConsentText({})).paragraphs.join('\n')).toMatch(/deleted automatically 30 days after your tryout/);
    await service.api.updateSettings({ patch: { retentionDays: null } });
  });

  it('refuses to record a tryout candidate who has not consented, or consented to an old text', async () => {
    const [tryout] = await service.api.listTryouts({});
    if (!tryout) throw new Error('no tryout');
    const base = { scenarioId: SCENARIO_ID, candidate: { name: 'Grace Hopper' }, sampleRate: 16_000, tryoutId: tryout.id };
    const before = existsSync(join(dataDir, 'sessions')) ? readdirSync(join(dataDir, 'sessions')).length : 0;
    await expect(service.api.startSession(base)).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/has not accepted the consent text/) });
    await expect(service.api.startSession({ ...base, consent: { version: 'tryout-consent-0', acceptedAt: new Date().toISOString() } })).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringMatching(/old consent text/),
    });
    await expect(service.api.startSession({ ...base, consent: { version: CONSENT_VERSION, acceptedAt: '2099-01-01T00:00:00.000Z' } })).rejects.toMatchObject({ code: 'unauthorized' });
    const after = existsSync(join(dataDir, 'sessions')) ? readdirSync(join(dataDir, 'sessions')).length : 0;
    expect(after).toBe(before);
  });

  it('refuses a scenario outside the playlist and an unknown tryout', async () => {
    const [tryout] = await service.api.listTryouts({});
    if (!tryout) throw new Error('no tryout');
    await service.api.saveTryout({ ...DAY, id: tryout.id, scenarioIds: ['second-call'] });
    await expect(service.api.startSession({ scenarioId: SCENARIO_ID, candidate: { name: 'Grace' }, sampleRate: 16_000, tryoutId: tryout.id, consent: consentNow() })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/not in this tryout's playlist/),
    });
    await expect(service.api.startSession({ scenarioId: SCENARIO_ID, candidate: { name: 'Grace' }, sampleRate: 16_000, tryoutId: 't-20260101-absent', consent: consentNow() })).rejects.toMatchObject({ code: 'not-found' });
    await service.api.saveTryout({ ...DAY, id: tryout.id });
  });

  it('stores the consent version and time, and the tryout, in the manifest; practice sessions need none', async () => {
    const [tryout] = await service.api.listTryouts({});
    if (!tryout) throw new Error('no tryout');
    const consent = consentNow();
    const manifest = await service.api.startSession({ scenarioId: 'second-call', candidate: { name: 'Grace Hopper' }, sampleRate: 16_000, tryoutId: tryout.id, consent });
    await service.api.finishSession({ sessionId: manifest.id });
    const onDisk = JSON.parse(readFileSync(join(dataDir, 'sessions', manifest.id, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(onDisk).toMatchObject({ tryoutId: tryout.id, consent, status: 'complete' });

    const practice = await service.api.startSession({ scenarioId: SCENARIO_ID, candidate: { name: 'New hire' }, sampleRate: 16_000 });
    await service.api.finishSession({ sessionId: practice.id });
    const practiceOnDisk = JSON.parse(readFileSync(join(dataDir, 'sessions', practice.id, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(practiceOnDisk).not.toHaveProperty('tryoutId');
    expect(practiceOnDisk).not.toHaveProperty('consent');
    expect((await service.api.listSessions({})).map((m) => m.id).sort()).toEqual([manifest.id, practice.id].sort());
  });
});
