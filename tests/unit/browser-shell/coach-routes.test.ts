import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_COACH_CLIP_BYTES, type ScenarioPackExport } from '../../../core/api.js';
import type { CustomerLine } from '../../../core/scenario/library.js';
import { readWav } from '../../../electron/services/session/wav.js';
import { SCENARIO_ID } from '../services/fixtures.js';
import { takePcm } from '../services/library-fixtures.js';
import { startHarness, type Harness } from './harness.js';

/** The coach's methods over HTTP: binary bodies bigger than an audio chunk, and the export download. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness('shell-coach');
});
afterAll(async () => {
  await h.shell.close();
  rmSync(h.root, { recursive: true, force: true });
});

function binaryCall(method: string, args: unknown, body: Uint8Array) {
  return h.request(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-tryout-args': JSON.stringify(args), authorization: `Bearer ${h.shell.token}` },
    body,
  });
}

describe('browser shell: coach clips and scenario packs', () => {
  it('takes a 30 s recorded line as a raw body and serves it on the clip route with a version', async () => {
    const pcm = takePcm(30 * 16_000, 17);
    const saved = await binaryCall('saveCoachClip', { scenarioId: SCENARIO_ID, stepId: 'greet' }, pcm);
    expect(saved.status).toBe(200);
    const line = saved.json.result as CustomerLine;
    expect(line).toMatchObject({ source: 'coach', root: 'shipped' });
    const clip = await h.request(`/media/clips/${SCENARIO_ID}/greet.wav?v=${line.version ?? ''}`, { headers: { authorization: `Bearer ${h.shell.token}` } });
    expect(clip.status).toBe(200);
    expect(clip.body.byteLength).toBe(44 + pcm.byteLength);
    expect(readWav(join(h.root, 'scenarios', 'audio', SCENARIO_ID, 'coach', 'greet.wav')).samples[0]?.length).toBe(30 * 16_000);
  });

  it('answers 413 for a recorded line over 60 s, unread', async () => {
    const r = await binaryCall('saveCoachClip', { scenarioId: SCENARIO_ID, stepId: 'greet' }, new Uint8Array(MAX_COACH_CLIP_BYTES + 2));
    expect(r.status).toBe(413);
    expect(r.json.error?.code).toBe('too-large');
  });

  it('exports a pack whose download URL works with the token, and imports it back only after "replace"', async () => {
    const out = (await h.api('exportScenarioPack', { scenarioId: SCENARIO_ID })).json.result as ScenarioPackExport;
    const download = await h.request(out.url, { headers: { authorization: `Bearer ${h.shell.token}` } });
    expect(download.status).toBe(200);
    expect(download.body.equals(readFileSync(out.path))).toBe(true);
    expect((await h.request(out.url)).status).toBe(401);

    const conflict = await binaryCall('importScenarioPack', {}, download.body);
    expect(conflict.status).toBe(409);
    expect(conflict.json.error?.message).toMatch(/^Replace "Test call"\?/);
    const replaced = await binaryCall('importScenarioPack', { replace: true }, download.body);
    expect(replaced.json.result).toMatchObject({ scenarioId: SCENARIO_ID, replaced: true });
  });

  it('refuses a pack sent as JSON', async () => {
    const r = await h.api('importScenarioPack', { pack: [1, 2, 3] });
    expect(r.status).toBe(400);
    expect(r.json.error?.message).toMatch(/application\/octet-stream/);
  });
});
