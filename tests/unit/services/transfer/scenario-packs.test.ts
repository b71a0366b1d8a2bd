import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWav } from '../../../../electron/services/session/wav.js';
import { COACH_ID, COACH_YAML, librariesFor, takePcm, treeDigest, type LibraryFixture } from '../library-fixtures.js';
import { goodEntries, zipOf } from '../pack-fixtures.js';

const library = librariesFor('packs');

/** A library whose shipped folder does not have the coach-call scenario. */
function emptyLibrary(): LibraryFixture {
  const f = library();
  rmSync(join(f.shipped, `${COACH_ID}.yaml`));
  rmSync(join(f.shipped, 'audio'), { recursive: true });
  return f;
}

describe('exportScenarioPack', () => {
  it('writes <id>-<date>-<time>.tryout.zip to the exports folder with the scenario, its clips and coach takes', async () => {
    const f = library();
    await f.service.api.saveCoachClip({ scenarioId: COACH_ID, stepId: 'again', pcm: takePcm(3200, 9) });
    const out = await f.service.api.exportScenarioPack({ scenarioId: COACH_ID });
    expect(out.fileName).toMatch(/^coach-call-\d{8}-\d{6}\.tryout\.zip$/);
    expect(out.path).toBe(join(f.dataDir, 'exports', out.fileName));
    expect(out.url).toBe(`/media/exports/${out.fileName}`);
    expect(f.service.resolveMedia(out.url)).toBe(out.path);
    const zip = readFileSync(out.path);
    expect(out.bytes).toBe(zip.byteLength);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([`audio/${COACH_ID}/again.wav`, `audio/${COACH_ID}/coach/again.wav`, `audio/${COACH_ID}/greet.wav`, `${COACH_ID}.yaml`, 'tryout-pack.json']);
    expect(JSON.parse(new TextDecoder().decode(files['tryout-pack.json']))).toMatchObject({ format: 'tryout-scenario-pack', version: 1, scenarioId: COACH_ID, title: 'Coach call' });
    expect(new TextDecoder().decode(files[`${COACH_ID}.yaml`])).toBe(COACH_YAML);
  });

  it('never overwrites an earlier export made in the same second', async () => {
    const f = library();
    const a = await f.service.api.exportScenarioPack({ scenarioId: COACH_ID });
    const b = await f.service.api.exportScenarioPack({ scenarioId: COACH_ID });
    expect(b.fileName).not.toBe(a.fileName);
    expect(existsSync(a.path) && existsSync(b.path)).toBe(true);
  });

  it('refuses an unknown scenario and serves no other file under /media/exports/', async () => {
    const f = library();
    await expect(f.service.api.exportScenarioPack({ scenarioId: 'no-such' })).rejects.toMatchObject({ code: 'not-found' });
    writeFileSync(join(f.root, 'secret.txt'), 'x');
    for (const bad of ['/media/exports/../../secret.txt', '/media/exports/x.zip', '/media/exports/%2e%2e%2fsecret.txt', '/media/exports/coach-call-20261122-101010.tryout.zip']) {
      expect(f.service.resolveMedia(bad), bad).toBeNull();
    }
  });
});

describe('importScenarioPack', () => {
  it('round trip: a pack exported here imports into another data folder, clips and coach takes included', async () => {
    const source = library();
    const take = takePcm(3200, 13);
    await source.service.api.saveCoachClip({ scenarioId: COACH_ID, stepId: 'greet', pcm: take });
    const out = await source.service.api.exportScenarioPack({ scenarioId: COACH_ID });

    const target = emptyLibrary();
    expect((await target.service.api.listScenarios({})).scenarios).toEqual([]);
    const result = await target.service.api.importScenarioPack({ pack: readFileSync(out.path) });
    expect(result).toEqual({ scenarioId: COACH_ID, title: 'Coach call', replaced: false, clips: 3 });
    const catalog = await target.service.api.listScenarios({});
    expect(catalog.scenarios.map((s) => s.id)).toEqual([COACH_ID]);
    expect(catalog.origins[COACH_ID]).toMatchObject({ root: 'user', shadowsShipped: false });
    const lines = Object.fromEntries((catalog.origins[COACH_ID]?.lines ?? []).map((l) => [l.stepId, l]));
    expect(lines.greet).toMatchObject({ source: 'coach', root: 'user' });
    expect(lines.again).toMatchObject({ source: 'synthetic', root: 'user' });
    expect(lines.bye).toMatchObject({ source: 'missing' });
    const coach = readWav(join(target.user, 'audio', COACH_ID, 'coach', 'greet.wav'));
    expect(coach.samples[0]).toEqual(new Int16Array(take.buffer));
    expect(readFileSync(join(target.user, `${COACH_ID}.yaml`), 'utf8')).toBe(COACH_YAML);
    // Only the scenario and its audio: no staging folders left behind.
    expect(readdirSync(target.user).sort()).toEqual(['audio', `${COACH_ID}.yaml`]);
  });

  it('asks before replacing an imported scenario ("conflict"), and replaces it when asked', async () => {
    const f = emptyLibrary();
    await f.service.api.importScenarioPack({ pack: zipOf(goodEntries()) });
    const before = treeDigest(f.root);
    const error = await f.service.api.importScenarioPack({ pack: zipOf({ ...goodEntries(), [`${COACH_ID}.yaml`]: COACH_YAML.replace('title: Coach call', 'title: Coach call 2') }) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/^Replace "Coach call"\?/) });
    expect(treeDigest(f.root)).toEqual(before);

    const replaced = await f.service.api.importScenarioPack({
      pack: zipOf({ ...goodEntries(), [`${COACH_ID}.yaml`]: COACH_YAML.replace('title: Coach call', 'title: Coach call 2') }),
      replace: true,
    });
    expect(replaced).toMatchObject({ title: 'Coach call 2', replaced: true });
    expect((await f.service.api.listScenarios({})).scenarios.map((s) => s.title)).toEqual(['Coach call 2']);
  });

  it('asks before hiding a shipped scenario, and when asked installs a user copy that hides it, the shipped files untouched', async () => {
    const f = library();
    const shippedBefore = treeDigest(f.shipped);
    await expect(f.service.api.importScenarioPack({ pack: zipOf(goodEntries()) })).rejects.toMatchObject({ code: 'conflict' });
    expect(existsSync(f.user)).toBe(false);
    const result = await f.service.api.importScenarioPack({ pack: zipOf(goodEntries()), replace: true });
    expect(result.replaced).toBe(true);
    const catalog = await f.service.api.listScenarios({});
    expect(catalog.origins[COACH_ID]).toMatchObject({ root: 'user', shadowsShipped: true });
    expect(treeDigest(f.shipped)).toEqual(shippedBefore);
  });

  it('accepts a scenario whose lines have no clips (they are read by the system voice)', async () => {
    const f = emptyLibrary();
    const { [`audio/${COACH_ID}/greet.wav`]: _g, [`audio/${COACH_ID}/again.wav`]: _a, [`audio/${COACH_ID}/coach/greet.wav`]: _c, ...bare } = goodEntries();
    expect(await f.service.api.importScenarioPack({ pack: zipOf(bare) })).toMatchObject({ clips: 0 });
    expect((await f.service.api.listScenarios({})).origins[COACH_ID]?.lines.every((l) => l.source === 'missing')).toBe(true);
  });
});
