import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLIPS_FOLDER, DEFAULT_STILL_THERE_CLIP, DEFAULT_STILL_THERE_LINE } from '../../../../core/scenario/still-there.js';
import { parseWavHeader } from '../../../../electron/services/session/wav.js';
import { captionHash, readClipHashes } from '../../../../scripts/render-clips.js';
import { monoWav } from '../fixtures.js';
import { COACH_ID, COACH_YAML, librariesFor } from '../library-fixtures.js';

const library = librariesFor('still-there');

const route = `/media/clips/${COACH_ID}/${DEFAULT_STILL_THERE_CLIP}`;

describe('the still-there clip a call plays', () => {
  it("plays the scenario's own clip when it has one, else the shipped default clip", async () => {
    const f = library();
    expect(f.service.resolveMedia(route)).toBeNull();
    const fallback = join(f.shipped, 'audio', DEFAULT_CLIPS_FOLDER, DEFAULT_STILL_THERE_CLIP);
    mkdirSync(join(fallback, '..'), { recursive: true });
    writeFileSync(fallback, monoWav(1600));
    expect(f.service.resolveMedia(route)).toBe(fallback);
    const own = join(f.shipped, 'audio', COACH_ID, DEFAULT_STILL_THERE_CLIP);
    writeFileSync(own, monoWav(2000));
    expect(f.service.resolveMedia(route)).toBe(own);
  });

  it('never plays the default clip for a line the scenario words itself', async () => {
    const f = library();
    writeFileSync(join(f.shipped, `${COACH_ID}.yaml`), COACH_YAML.replace('steps:', 'stillThere:\n  say: Did we get cut off?\nsteps:'));
    const fallback = join(f.shipped, 'audio', DEFAULT_CLIPS_FOLDER, DEFAULT_STILL_THERE_CLIP);
    mkdirSync(join(fallback, '..'), { recursive: true });
    writeFileSync(fallback, monoWav(1600));
    await f.service.api.listScenarios({});
    expect(f.service.resolveMedia(route)).toBeNull();
  });
});

describe('the shipped default still-there clip', () => {
  const dir = resolve(import.meta.dirname, '../../../../scenarios/audio', DEFAULT_CLIPS_FOLDER);
  it('is a 16 kHz mono clip rendered from the default words, and the only file there', () => {
    const path = join(dir, DEFAULT_STILL_THERE_CLIP);
    expect(existsSync(path), 'run npm run clips:render').toBe(true);
    const header = parseWavHeader(readFileSync(path));
    expect({ rate: header.sampleRate, channels: header.channels, bits: header.bitsPerSample }).toEqual({ rate: 16_000, channels: 1, bits: 16 });
    expect(header.dataBytes / 2 / 16_000).toBeGreaterThan(0.8);
    expect(readClipHashes(dir).get(DEFAULT_STILL_THERE_CLIP)).toBe(captionHash('us-slt', DEFAULT_STILL_THERE_LINE));
    expect(readdirSync(dir).sort()).toEqual([DEFAULT_STILL_THERE_CLIP, 'clips.json']);
  });
});
