import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../../core/session/events.js';
import { SessionStore } from '../../../../electron/services/session/session-store.js';
import { parseWavHeader, readWav } from '../../../../electron/services/session/wav.js';
import { stereoPcm, tempRoot } from '../fixtures.js';

const root = tempRoot('store');
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dataDir: string;
let store: SessionStore;
let logged: string[];
let n = 0;

beforeEach(() => {
  dataDir = join(root, `data-${n++}`);
  logged = [];
  store = new SessionStore({ dataDir, log: (m) => logged.push(m) });
});
afterEach(() => store.close());

const newSession = () =>
  store.create({ scenarioId: 'test-call', scenarioTitle: 'Test call', candidate: { name: 'Ada' }, sampleRate: 16_000 });

const event = (frame: number): SessionEvent => ({ type: 'line-ended', frame, stepId: 'greet' });

describe('SessionStore', () => {
  it('creates a session: recording manifest, empty WAV, no temp files', async () => {
    const m = await newSession();
    expect(m.id).toMatch(/^\d{8}-\d{6}-[a-z0-9]{6}$/);
    expect(m).toMatchObject({ status: 'recording', durationFrames: 0, channels: 2, endedAt: null, recoveredAt: null });
    const dir = join(dataDir, 'sessions', m.id);
    expect(readdirSync(dir).sort()).toEqual(['audio.wav', 'drafts.json', 'events.jsonl', 'manifest.json']);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))).toEqual(m);
    expect(statSync(join(dir, 'audio.wav')).size).toBe(44);
  });

  it('appends chunks in seq order and finishes with a valid WAV holding exactly the data', async () => {
    const m = await newSession();
    const chunks = [stereoPcm(8000, 0), stereoPcm(8000, 8000), stereoPcm(333, 16_000)];
    // Overlapping calls (as HTTP requests can be) are still written in order.
    const results = await Promise.all(chunks.map((pcm, seq) => store.appendAudio(m.id, seq, pcm)));
    expect(results.map((r) => r.framesWritten)).toEqual([8000, 16_000, 16_333]);
    const done = await store.finish(m.id);
    expect(done).toMatchObject({ status: 'complete', durationFrames: 16_333 });
    expect(done.endedAt).not.toBeNull();
    const path = join(dataDir, 'sessions', m.id, 'audio.wav');
    const header = parseWavHeader(readFileSync(path));
    expect(header).toMatchObject({ sampleRate: 16_000, channels: 2, bitsPerSample: 16, dataOffset: 44 });
    expect(header.dataOffset + header.dataBytes).toBe(statSync(path).size);
    expect(readFileSync(path).subarray(44)).toEqual(Buffer.concat(chunks));
    expect(readWav(path).samples[0]?.length).toBe(16_333);
    expect(await store.finish(m.id)).toEqual(done);
  });

  it('ignores a repeated seq and refuses a gap', async () => {
    const m = await newSession();
    await store.appendAudio(m.id, 0, stereoPcm(100));
    expect(await store.appendAudio(m.id, 0, stereoPcm(100))).toEqual({ framesWritten: 100 });
    await expect(store.appendAudio(m.id, 2, stereoPcm(100))).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/chunk 2 arrived before chunk 1/) });
    expect(await store.appendAudio(m.id, 1, stereoPcm(100, 100))).toEqual({ framesWritten: 200 });
    const done = await store.finish(m.id);
    expect(done.durationFrames).toBe(200);
  });

  it('refuses data for unknown and finished sessions', async () => {
    await expect(store.appendAudio('20990101-000000-zzzzzz', 0, stereoPcm(1))).rejects.toMatchObject({ code: 'not-found' });
    const m = await newSession();
    await store.finish(m.id);
    await expect(store.appendAudio(m.id, 0, stereoPcm(1))).rejects.toMatchObject({ code: 'conflict' });
    await expect(store.appendEvents(m.id, [event(1)])).rejects.toMatchObject({ code: 'conflict' });
    await expect(store.get('20990101-000000-zzzzzz')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses path-like ids before touching the disk', async () => {
    for (const id of ['../../etc', 'a/b', '..', '20261122-210501-k3f9x2/../x']) {
      await expect(store.appendAudio(id, 0, stereoPcm(1))).rejects.toMatchObject({ code: 'invalid-argument' });
      await expect(store.get(id)).rejects.toMatchObject({ code: 'invalid-argument' });
    }
  });

  it('appends events and saves drafts; get returns them, skipping bad lines', async () => {
    const m = await newSession();
    expect(await store.appendEvents(m.id, [event(1), event(2)])).toEqual({ count: 2 });
    await store.appendEvents(m.id, [event(3)]);
    const eventsPath = join(dataDir, 'sessions', m.id, 'events.jsonl');
    writeFileSync(eventsPath, `${readFileSync(eventsPath, 'utf8')}not json\n{"type":"nope"}\n`);
    const { savedAt } = await store.saveDraft(m.id, 'write', 'Dear customer — “sorry” ✓');
    await store.saveDraft(m.id, 'other', 'x');
    const detail = await store.get(m.id);
    expect(detail.events.map((e) => e.frame)).toEqual([1, 2, 3]);
    expect(detail.drafts).toEqual({ write: { text: 'Dear customer — “sorry” ✓', savedAt }, other: expect.any(Object) });
    expect(logged.join('\n')).toMatch(/skipped 2 unreadable line/);
    expect(readdirSync(join(dataDir, 'sessions', m.id)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('accepts a late draft after finishing', async () => {
    const m = await newSession();
    await store.finish(m.id);
    await store.saveDraft(m.id, 'write', 'late');
    expect((await store.get(m.id)).drafts['write']?.text).toBe('late');
  });

  it('lists newest first and skips (and logs) a corrupt manifest', async () => {
    const a = await newSession();
    const b = await newSession();
    const bad = join(dataDir, 'sessions', '20200101-000000-badbad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'manifest.json'), '{"formatVersion": 1, "id": ');
    mkdirSync(join(dataDir, 'sessions', '20200101-000000-nomani'));
    mkdirSync(join(dataDir, 'sessions', 'not a session'));
    const list = await store.list();
    expect(list.map((s) => s.id)).toEqual([a, b].sort((x, y) => y.createdAt.localeCompare(x.createdAt) || y.id.localeCompare(x.id)).map((s) => s.id));
    expect(logged.filter((l) => l.includes('20200101-000000-badbad'))).toHaveLength(1);
    await store.list();
    expect(logged.filter((l) => l.includes('20200101-000000-badbad'))).toHaveLength(1);
  });

  it('lists nothing when there is no sessions folder yet', async () => {
    expect(await store.list()).toEqual([]);
  });
});
