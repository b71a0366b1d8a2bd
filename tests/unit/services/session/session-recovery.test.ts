import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SessionManifest } from '../../../../core/session/manifest.js';
import { recoverSessions } from '../../../../electron/services/session/session-recovery.js';
import { createTrainerService } from '../../../../electron/services/trainer-service.js';
import { parseWavHeader, wavHeader } from '../../../../electron/services/session/wav.js';
import { makeScenariosDir, SCENARIO_ID, stereoPcm, tempRoot } from '../fixtures.js';

const root = tempRoot('recovery');
const scenariosDir = makeScenariosDir(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const quiet = () => undefined;

describe('recovery after a crash', () => {
  const dataDir = join(root, 'data');
  let id = '';
  const chunks = [stereoPcm(4000, 0), stereoPcm(4000, 4000)];

  it('recovers a session that was never finished', async () => {
    const first = createTrainerService({ dataDir, scenariosDir, log: quiet });
    expect(first.recoveredAtStartup).toEqual([]);
    const m = await first.api.startSession({ scenarioId: SCENARIO_ID, candidate: { name: 'Ada' }, sampleRate: 16_000 });
    id = m.id;
    for (const [seq, pcm] of chunks.entries()) await first.api.appendAudio({ sessionId: id, seq, pcm });
    await first.api.appendEvents({ sessionId: id, events: [{ type: 'call-started', frame: 0, scenarioId: SCENARIO_ID }, { type: 'line-ended', frame: 10, stepId: 'greet' }] });
    await first.api.saveDraft({ sessionId: id, stepId: 'write', text: 'draft “kept” ✓' });
    // The crash: half a frame and half an event line reached the disk, and nothing was finished.
    const dir = join(dataDir, 'sessions', id);
    appendFileSync(join(dir, 'audio.wav'), new Uint8Array([7, 7]));
    appendFileSync(join(dir, 'events.jsonl'), '{"type":"line-ended","fra');
    writeFileSync(join(dir, '.manifest.json.123-abcd.tmp'), '{');

    const second = createTrainerService({ dataDir, scenariosDir, log: quiet });
    expect(second.recoveredAtStartup).toEqual([id]);
    const detail = await second.api.getSession({ sessionId: id });
    expect(detail.manifest).toMatchObject({ status: 'recovered', durationFrames: 8000, endedAt: null });
    expect(Date.parse(detail.manifest.recoveredAt ?? '')).not.toBeNaN();
    expect(detail.events.map((e) => e.type)).toEqual(['call-started', 'line-ended']);
    expect(readFileSync(join(dir, 'events.jsonl'), 'utf8').endsWith('}\n')).toBe(true);
    expect(detail.drafts['write']?.text).toBe('draft “kept” ✓');

    const wav = readFileSync(join(dir, 'audio.wav'));
    const header = parseWavHeader(wav);
    expect(header).toMatchObject({ channels: 2, sampleRate: 16_000, dataOffset: 44, dataBytes: 8000 * 4 });
    expect(header.dataOffset + header.dataBytes).toBe(wav.byteLength);
    expect(wav.subarray(44)).toEqual(Buffer.concat(chunks));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const listed = await second.api.listSessions({});
    expect(listed.find((s) => s.id === id)?.status).toBe('recovered');
    await expect(second.api.appendAudio({ sessionId: id, seq: 2, pcm: stereoPcm(1) })).rejects.toMatchObject({ code: 'conflict' });
    await first.close();
    await second.close();
  });

  it('is safe to run twice', () => {
    const manifestPath = join(dataDir, 'sessions', id, 'manifest.json');
    const before = readFileSync(manifestPath, 'utf8');
    const size = statSync(join(dataDir, 'sessions', id, 'audio.wav')).size;
    expect(recoverSessions(dataDir, { log: quiet })).toEqual([]);
    expect(createTrainerService({ dataDir, scenariosDir, log: quiet }).recoveredAtStartup).toEqual([]);
    expect(readFileSync(manifestPath, 'utf8')).toBe(before);
    expect(statSync(join(dataDir, 'sessions', id, 'audio.wav')).size).toBe(size);
  });

  it('repairs a session that crashed right after its manifest, and ignores half-created folders', () => {
    const other = join(root, 'data2');
    const id2 = '20261122-210501-k3f9x2';
    const dir = join(other, 'sessions', id2);
    const half = join(other, 'sessions', '20261122-210501-halfok');
    mkdirSync(dir, { recursive: true });
    mkdirSync(half, { recursive: true });
    const manifest: SessionManifest = {
      formatVersion: 1,
      id: id2,
      scenarioId: SCENARIO_ID,
      scenarioTitle: 'Test call',
      candidate: { name: 'Ada' },
      createdAt: new Date().toISOString(),
      endedAt: null,
      status: 'recording',
      sampleRate: 16_000,
      channels: 2,
      durationFrames: 0,
      recoveredAt: null,
    };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    // The header itself was cut short, and events.jsonl was never created.
    writeFileSync(join(dir, 'audio.wav'), wavHeader(16_000, 2, 0).subarray(0, 20));
    expect(recoverSessions(other, { log: quiet })).toEqual([id2]);
    expect(parseWavHeader(readFileSync(join(dir, 'audio.wav'))).dataBytes).toBe(0);
    expect(readFileSync(join(dir, 'events.jsonl'), 'utf8')).toBe('');
    expect(readdirSync(half)).toEqual([]);
  });
});
