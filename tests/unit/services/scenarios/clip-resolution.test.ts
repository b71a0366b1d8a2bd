import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CustomerLine } from '../../../../core/scenario/library.js';
import { monoWav } from '../fixtures.js';
import { COACH_ID, COACH_YAML, librariesFor, type LibraryFixture } from '../library-fixtures.js';

const library = librariesFor('clips');

async function lines(f: LibraryFixture): Promise<Record<string, CustomerLine>> {
  const catalog = await f.service.api.listScenarios({});
  return Object.fromEntries((catalog.origins[COACH_ID]?.lines ?? []).map((l) => [l.stepId, l]));
}

function putCoach(rootDir: string, stepId: string, frames: number): string {
  const path = join(rootDir, 'audio', COACH_ID, 'coach', `${stepId}.wav`);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, monoWav(frames));
  return path;
}

describe('which clip plays each customer line', () => {
  it('lists every say and repeat line with its source: synthetic, or missing (system voice)', async () => {
    const f = library();
    const l = await lines(f);
    expect(Object.keys(l)).toEqual(['greet', 'again', 'echo', 'bye']);
    expect(l.greet).toMatchObject({ kind: 'say', caption: 'Hello there', clip: 'greet.wav', source: 'synthetic', root: 'shipped', sharesClipWith: null });
    expect(l.again).toMatchObject({ kind: 'repeat', clip: 'again.wav', source: 'synthetic' });
    expect(l.echo).toMatchObject({ clip: 'greet.wav', sharesClipWith: 'greet', source: 'synthetic' });
    expect(l.bye).toMatchObject({ source: 'missing', root: null, version: null });
    expect(f.service.resolveMedia(`/media/clips/${COACH_ID}/bye.wav`)).toBeNull();
  });

  it('prefers a coach clip in the shipped folder over the synthetic clip, and serves it on the clip route', async () => {
    const f = library();
    const coach = putCoach(f.shipped, 'greet', 800);
    const l = await lines(f);
    expect(l.greet).toMatchObject({ source: 'coach', root: 'shipped' });
    expect(f.service.resolveMedia(`/media/clips/${COACH_ID}/greet.wav`)).toBe(coach);
    // A line sharing greet.wav plays the same file.
    expect(l.echo).toMatchObject({ source: 'coach', root: 'shipped' });
  });

  it('prefers the user folder\'s coach clip over the shipped folder\'s', async () => {
    const f = library();
    putCoach(f.shipped, 'again', 800);
    const user = putCoach(f.user, 'again', 900);
    expect((await lines(f)).again).toMatchObject({ source: 'coach', root: 'user' });
    expect(f.service.resolveMedia(`/media/clips/${COACH_ID}/again.wav`)).toBe(user);
  });

  it('gives a new version whenever the played file is replaced, so the URL is not served from a cache', async () => {
    const f = library();
    const before = (await lines(f)).greet?.version;
    const path = putCoach(f.shipped, 'greet', 800);
    const first = (await lines(f)).greet?.version;
    rmSync(path);
    putCoach(f.shipped, 'greet', 800);
    const second = (await lines(f)).greet?.version;
    expect(new Set([before, first, second]).size).toBe(3);
  });

  it('lists a user copy of a shipped scenario in its place, says so, and uses only its own clips', async () => {
    const f = library();
    putCoach(f.shipped, 'greet', 800);
    mkdirSync(join(f.user, 'audio', COACH_ID), { recursive: true });
    writeFileSync(join(f.user, `${COACH_ID}.yaml`), COACH_YAML.replace('title: Coach call', 'title: My coach call'));
    writeFileSync(join(f.user, 'audio', COACH_ID, 'again.wav'), monoWav(1000));
    const catalog = await f.service.api.listScenarios({});
    expect(catalog.scenarios.map((s) => s.title)).toEqual(['My coach call']);
    expect(catalog.origins[COACH_ID]).toMatchObject({ root: 'user', shadowsShipped: true });
    const l = await lines(f);
    // The shipped folder's coach clip was recorded for the shipped text: not used for the copy.
    expect(l.greet).toMatchObject({ source: 'missing' });
    expect(l.again).toMatchObject({ source: 'synthetic', root: 'user' });
    expect(f.service.resolveMedia(`/media/clips/${COACH_ID}/again.wav`)).toBe(join(f.user, 'audio', COACH_ID, 'again.wav'));
  });

  it('keeps listing the shipped scenario when the user copy is broken, with the copy\'s problems', async () => {
    const f = library();
    mkdirSync(f.user, { recursive: true });
    writeFileSync(join(f.user, `${COACH_ID}.yaml`), COACH_YAML.replace('say: "Bye"', 'speak: "Bye"'));
    const catalog = await f.service.api.listScenarios({});
    expect(catalog.origins[COACH_ID]).toMatchObject({ root: 'shipped', shadowsShipped: false });
    expect(catalog.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n')).toMatch(/^\d+:\d+ .*speak/m);
    expect(readFileSync(join(f.shipped, `${COACH_ID}.yaml`), 'utf8')).toBe(COACH_YAML);
  });

  it('starts a session of a scenario that lives only in the user folder', async () => {
    const f = library();
    mkdirSync(f.user, { recursive: true });
    writeFileSync(join(f.user, 'own-call.yaml'), COACH_YAML.replace(`id: ${COACH_ID}`, 'id: own-call').replace('title: Coach call', 'title: Own call'));
    const m = await f.service.api.startSession({ scenarioId: 'own-call', candidate: { name: 'Ada' }, sampleRate: 16_000 });
    expect(m.scenarioTitle).toBe('Own call');
  });
});
