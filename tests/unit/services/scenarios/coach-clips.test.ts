import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_COACH_CLIP_BYTES } from '../../../../core/api.js';
import type { TrainerServiceOptions } from '../../../../electron/services/trainer-service.js';
import { readWav } from '../../../../electron/services/session/wav.js';
import { monoWav } from '../fixtures.js';
import { COACH_ID, makeLibrary, takePcm, treeDigest, type LibraryFixture } from '../library-fixtures.js';

const fixtures: LibraryFixture[] = [];
afterEach(async () => {
  for (const f of fixtures.splice(0)) {
    await f.service.close();
    rmSync(f.root, { recursive: true, force: true });
  }
});

function library(opts: Partial<TrainerServiceOptions> = {}): LibraryFixture {
  const f = makeLibrary('coach', opts);
  fixtures.push(f);
  return f;
}

const coachPath = (rootDir: string, stepId: string) => join(rootDir, 'audio', COACH_ID, 'coach', `${stepId}.wav`);

function samplesOf(pcm: Uint8Array): Int16Array {
  return new Int16Array(pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength));
}

describe('saveCoachClip', () => {
  it('writes the take as a mono 16 kHz WAV next to the shipped scenario, and the line now plays it', async () => {
    const f = library();
    const pcm = takePcm(16_000, 7);
    const line = await f.service.api.saveCoachClip({ scenarioId: COACH_ID, stepId: 'greet', pcm });
    expect(line).toMatchObject({ stepId: 'greet', source: 'coach', root: 'shipped' });
    const wav = readWav(coachPath(f.shipped, 'greet'));
    expect(wav.sampleRate).toBe(16_000);
    expect(wav.channels).toBe(1);
    expect(wav.samples[0]).toEqual(samplesOf(pcm));
    expect(f.service.resolveMedia(`/media/clips/${COACH_ID}/greet.wav`)).toBe(coachPath(f.shipped, 'greet'));
    expect(existsSync(f.user)).toBe(false);
  });

  it('saves in the user folder when the shipped folder is read-only, leaving the shipped folder as it was', async () => {
    const f = library({ shippedScenariosWritable: false });
    const shippedBefore = treeDigest(f.shipped);
    const pcm = takePcm(8000, 11);
    const line = await f.service.api.saveCoachClip({ scenarioId: COACH_ID, stepId: 'again', pcm });
    expect(line).toMatchObject({ source: 'coach', root: 'user' });
    expect(readWav(coachPath(f.user, 'again')).samples[0]).toEqual(samplesOf(pcm));
    expect(treeDigest(f.shipped)).toEqual(shippedBefore);
  });

  it('replaces an earlier take, and a take in the shipped folder removes an older one in the user folder', async () => {
    const f = library();
    mkdirSync(join(coachPath(f.user, 'greet'), '..'), { recursive: true });
    writeFileSync(coachPath(f.user, 'greet'), monoWav(500));
    await f.service.api.saveCoachClip({ scenarioId: COACH_ID, stepId: 'greet', pcm: takePcm(4000, 3) });
    const second = takePcm(4000, 5);
    const line = await f.service.api.saveCoachClip({ scenarioId: COACH_ID, stepId: 'greet', pcm: second });
    expect(line).toMatchObject({ source: 'coach', root: 'shipped' });
    expect(existsSync(coachPath(f.user, 'greet'))).toBe(false);
    expect(readWav(coachPath(f.shipped, 'greet')).samples[0]).toEqual(samplesOf(second));
  });

  it('refuses steps that are not customer lines, path-like ids and bad recordings, changing nothing', async () => {
    const f = library();
    const before = treeDigest(f.root);
    const pcm = takePcm(1600, 3);
    const refusals: [unknown, string, RegExp][] = [
      [{ scenarioId: COACH_ID, stepId: 'answer', pcm }, 'invalid-argument', /"answer" is not a customer line/],
      [{ scenarioId: COACH_ID, stepId: 'nope', pcm }, 'invalid-argument', /"nope" is not a customer line/],
      [{ scenarioId: COACH_ID, stepId: 'echo', pcm }, 'invalid-argument', /same clip as step "greet"/],
      [{ scenarioId: 'no-such-call', stepId: 'greet', pcm }, 'not-found', /no scenario "no-such-call"/],
      [{ scenarioId: COACH_ID, stepId: '../greet', pcm }, 'invalid-argument', /stepId: step id must be/],
      [{ scenarioId: COACH_ID, stepId: 'coach/greet', pcm }, 'invalid-argument', /stepId: /],
      [{ scenarioId: COACH_ID, stepId: 'Greet', pcm }, 'invalid-argument', /stepId: /],
      [{ scenarioId: '../shipped', stepId: 'greet', pcm }, 'invalid-argument', /scenarioId: scenario id must be/],
      [{ scenarioId: `${COACH_ID}/..`, stepId: 'greet', pcm }, 'invalid-argument', /scenarioId: /],
      [{ scenarioId: COACH_ID, stepId: 'greet', pcm: new Uint8Array(MAX_COACH_CLIP_BYTES + 2) }, 'invalid-argument', /at most 60 s/],
      [{ scenarioId: COACH_ID, stepId: 'greet', pcm: new Uint8Array(3) }, 'invalid-argument', /whole 16-bit samples/],
      [{ scenarioId: COACH_ID, stepId: 'greet', pcm: new Uint8Array(0) }, 'invalid-argument', /the recording is empty/],
      [{ scenarioId: COACH_ID, stepId: 'greet', pcm: [1, 2] }, 'invalid-argument', /pcm: /],
      [{ scenarioId: COACH_ID, stepId: 'greet', pcm, extra: 1 }, 'invalid-argument', /extra/],
    ];
    for (const [input, code, message] of refusals) {
      await expect(f.service.dispatch('saveCoachClip', input), JSON.stringify(input).slice(0, 80)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    }
    expect(treeDigest(f.root)).toEqual(before);
  });

  it('accepts exactly 60 seconds', async () => {
    const f = library();
    const line = await f.service.api.saveCoachClip({ scenarioId: COACH_ID, stepId: 'bye', pcm: new Uint8Array(MAX_COACH_CLIP_BYTES) });
    expect(line).toMatchObject({ stepId: 'bye', source: 'coach' });
    expect(readWav(coachPath(f.shipped, 'bye')).samples[0]?.length).toBe(60 * 16_000);
  });
});

describe('deleteCoachClip', () => {
  it('removes the take from both folders, and the synthetic clip plays again', async () => {
    const f = library();
    await f.service.api.saveCoachClip({ scenarioId: COACH_ID, stepId: 'greet', pcm: takePcm(1600, 3) });
    mkdirSync(join(coachPath(f.user, 'greet'), '..'), { recursive: true });
    writeFileSync(coachPath(f.user, 'greet'), monoWav(500));
    const line = await f.service.api.deleteCoachClip({ scenarioId: COACH_ID, stepId: 'greet' });
    expect(line).toMatchObject({ source: 'synthetic', root: 'shipped' });
    expect(existsSync(coachPath(f.shipped, 'greet'))).toBe(false);
    expect(existsSync(coachPath(f.user, 'greet'))).toBe(false);
    expect(f.service.resolveMedia(`/media/clips/${COACH_ID}/greet.wav`)).toBe(join(f.shipped, 'audio', COACH_ID, 'greet.wav'));
  });

  it('refuses to remove a take from a read-only shipped folder, saying why', async () => {
    const f = library({ shippedScenariosWritable: false });
    mkdirSync(join(coachPath(f.shipped, 'greet'), '..'), { recursive: true });
    writeFileSync(coachPath(f.shipped, 'greet'), monoWav(500));
    await expect(f.service.api.deleteCoachClip({ scenarioId: COACH_ID, stepId: 'greet' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('read-only'),
    });
    expect(readFileSync(coachPath(f.shipped, 'greet')).byteLength).toBe(44 + 1000);
  });

  it('refuses a step that is not a customer line', async () => {
    const f = library();
    await expect(f.service.api.deleteCoachClip({ scenarioId: COACH_ID, stepId: 'answer' })).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
