import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TryoutError } from '../../../../core/errors.js';
import type { SessionEvent } from '../../../../core/session/events.js';
import { SessionManifestSchema } from '../../../../core/session/manifest.js';
import { SessionStore } from '../../../../electron/services/session/session-store.js';
import { createTrainerService } from '../../../../electron/services/trainer-service.js';
import { storageCauseOf } from '../../../../electron/services/session/session-storage-failure.js';
import { parseWavHeader } from '../../../../electron/services/session/wav.js';
import { makeScenariosDir, SCENARIO_ID, stereoPcm, tempRoot } from '../fixtures.js';

const root = tempRoot('storage');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const events: SessionEvent[] = [
  { type: 'call-started', frame: 0, scenarioId: 'test-call' },
  { type: 'line-ended', frame: 4000, stepId: 'greet' },
];

function storeIn(dataDir: string, logged: string[] = []): SessionStore {
  return new SessionStore({ dataDir, log: (m) => logged.push(m) });
}

const newSession = (store: SessionStore) =>
  store.create({ scenarioId: 'test-call', scenarioTitle: 'Test call', candidate: { name: 'Ada' }, sampleRate: 16_000 });

function manifestOf(dataDir: string, id: string) {
  return SessionManifestSchema.parse(JSON.parse(readFileSync(join(dataDir, 'sessions', id, 'manifest.json'), 'utf8')));
}

async function refusal(work: Promise<unknown>): Promise<TryoutError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TryoutError)) throw new Error(`expected a TryoutError, got ${String(error)}`);
  return error;
}

describe('a session whose folder is removed mid-call', () => {
  for (const removed of ['the session folder', 'the whole data folder'] as const) {
    it(`stops with 'storage-failed' and writes back everything recorded when ${removed} is removed`, async () => {
      const dataDir = join(root, removed === 'the session folder' ? 'session-gone' : 'data-gone');
      const logged: string[] = [];
      const store = storeIn(dataDir, logged);
      const m = await newSession(store);
      const chunks = [stereoPcm(8000, 0), stereoPcm(8000, 8000), stereoPcm(8000, 16_000)];
      await store.appendAudio(m.id, 0, chunks[0] ?? new Uint8Array());
      await store.appendEvents(m.id, events);
      await store.appendAudio(m.id, 1, chunks[1] ?? new Uint8Array());
      rmSync(removed === 'the session folder' ? join(dataDir, 'sessions', m.id) : dataDir, { recursive: true, force: true });

      // Writes to files already open do not fail: the store notices the folder is gone.
      const error = await refusal(store.appendAudio(m.id, 2, chunks[2] ?? new Uint8Array()));
      expect(error.code).toBe('storage-failed');
      expect(error.message).toBe('The recording stopped at 0:01 because the data folder was removed; the first 0:01 is kept. Put the data folder back (or check the drive is connected), then open coach mode and lock it again (or restart Tryout): the candidate continues at this call.');

      const wav = readFileSync(join(dataDir, 'sessions', m.id, 'audio.wav'));
      expect(parseWavHeader(wav)).toMatchObject({ channels: 2, dataBytes: 24_000 * 4 });
      expect(wav.subarray(44)).toEqual(Buffer.concat(chunks));
      expect(readFileSync(join(dataDir, 'sessions', m.id, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as SessionEvent)).toEqual(events);
      const manifest = manifestOf(dataDir, m.id);
      expect(manifest).toMatchObject({ status: 'recovered', durationFrames: 24_000, storageStop: { cause: 'folder-missing', keptFrames: 24_000 } });
      expect(logged.join('\n')).toContain(`session ${m.id}: the call stopped at 0:01 because the data folder was removed`);

      // The session takes nothing more; finishing it leaves it as it is.
      expect((await refusal(store.appendAudio(m.id, 3, stereoPcm(10)))).code).toBe('conflict');
      expect(await store.finish(m.id)).toEqual(manifest);
      expect(store.recordingIds()).toEqual([]);
      await store.close();
    });
  }

  it('says the same, and writes the call back, when the folder goes just before hang-up', async () => {
    const dataDir = join(root, 'gone-at-finish');
    const store = storeIn(dataDir);
    const m = await newSession(store);
    await store.appendAudio(m.id, 0, stereoPcm(8000));
    await store.appendEvents(m.id, events);
    rmSync(join(dataDir, 'sessions', m.id), { recursive: true, force: true });
    expect((await refusal(store.finish(m.id))).code).toBe('storage-failed');
    expect(manifestOf(dataDir, m.id)).toMatchObject({ status: 'recovered', durationFrames: 8000, storageStop: { cause: 'folder-missing' } });
    expect(readFileSync(join(dataDir, 'sessions', m.id, 'events.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
    await store.close();
  });

  it('says the same when the folder goes between event batches', async () => {
    const dataDir = join(root, 'events-gone');
    const store = storeIn(dataDir);
    const m = await newSession(store);
    await store.appendEvents(m.id, events.slice(0, 1));
    rmSync(join(dataDir, 'sessions', m.id), { recursive: true, force: true });
    expect((await refusal(store.appendEvents(m.id, events.slice(1)))).code).toBe('storage-failed');
    expect(readFileSync(join(dataDir, 'sessions', m.id, 'events.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
    expect(manifestOf(dataDir, m.id).storageStop?.cause).toBe('folder-missing');
    await store.close();
  });
});

describe('the back end, when a call’s folder is removed', () => {
  it('answers storage-failed over the API and lists the session as recovered at once, not as recording', async () => {
    const dataDir = join(root, 'service');
    const service = createTrainerService({ dataDir, scenariosDir: makeScenariosDir(join(root, 'service-scenarios')), log: () => undefined, transcriber: null, retentionSweepAtStartup: false, analyseFinishedCalls: false });
    const m = await service.api.startSession({ scenarioId: SCENARIO_ID, candidate: { name: 'Ada' }, sampleRate: 16_000 });
    await service.api.appendAudio({ sessionId: m.id, seq: 0, pcm: stereoPcm(16_000) });
    expect((await service.api.searchSessions({})).rows.find((r) => r.sessionId === m.id)?.status).toBe('recording');
    rmSync(join(dataDir, 'sessions'), { recursive: true, force: true });
    await expect(service.dispatch('appendAudio', { sessionId: m.id, seq: 1, pcm: stereoPcm(16_000) })).rejects.toMatchObject({ code: 'storage-failed', message: expect.stringMatching(/^The recording stopped at 0:02 because the data folder was removed/) });
    await expect.poll(async () => (await service.api.searchSessions({})).rows.find((r) => r.sessionId === m.id)?.status).toBe('recovered');
    expect(service.recordingSessionIds()).toEqual([]);
    await service.close();
  });
});

/** Mounts a tmpfs of `kib` KiB at `dir`. */
function mountTinyDisk(dir: string, kib: number): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir], { stdio: 'pipe' });
}

/** Null when a tmpfs can be mounted here, else why not (mounting needs root); leaves nothing mounted. */
function whyNoTmpfs(dir: string): string | null {
  try {
    mountTinyDisk(dir, 16);
    execFileSync('umount', [dir]);
    return null;
  } catch (error) {
    return (error as Error).message.split('\n')[0] ?? 'mount failed';
  }
}

describe('a disk that fills up mid-call (a real 160 KiB tmpfs)', () => {
  const disk = join(root, 'tiny-disk');
  const why = whyNoTmpfs(disk);
  // Mounted only when these tests run (not when a filter skips them), so it is always unmounted.
  beforeAll(() => {
    if (why === null) mountTinyDisk(disk, 160);
  });
  afterAll(() => {
    if (why === null) execFileSync('umount', [disk]);
  });
  if (why !== null) console.log(`skipping the full-disk tests: a tmpfs cannot be mounted here (${why})`);

  it.skipIf(why !== null)('stops with a disk-full error, keeps every chunk it acknowledged and says why in the manifest', async () => {
    const logged: string[] = [];
    const store = storeIn(disk, logged);
    const m = await newSession(store);
    await store.appendEvents(m.id, events);
    let acknowledged = 0;
    let error: TryoutError | null = null;
    const sent: Uint8Array[] = [];
    for (let seq = 0; seq < 20 && error === null; seq++) {
      const pcm = stereoPcm(4000, seq * 4000);
      try {
        acknowledged = (await store.appendAudio(m.id, seq, pcm)).framesWritten;
        sent.push(pcm);
      } catch (e) {
        error = e instanceof TryoutError ? e : null;
        if (error === null) throw e;
      }
    }
    expect(error?.code).toBe('storage-failed');
    expect(error?.message).toMatch(/^The recording stopped at 0:0\d because the disk is full; the first 0:0\d is kept\. Free some space on the disk, then open coach mode and lock it again/);
    expect(acknowledged).toBeGreaterThan(0);

    const wav = readFileSync(join(disk, 'sessions', m.id, 'audio.wav'));
    expect(parseWavHeader(wav).dataBytes).toBe(acknowledged * 4);
    expect(wav.subarray(44)).toEqual(Buffer.concat(sent));
    expect(manifestOf(disk, m.id)).toMatchObject({ status: 'recovered', durationFrames: acknowledged, storageStop: { cause: 'disk-full', keptFrames: acknowledged } });
    expect(readFileSync(join(disk, 'sessions', m.id, 'events.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
    expect(logged.join('\n')).toContain('because the disk is full');
    await store.close();
  });

  it.skipIf(why !== null)('refuses a new session on a full disk with the same code, leaving no half-made folder', async () => {
    const store = storeIn(disk);
    // Fill what is left of the disk.
    try {
      writeFileSync(join(disk, 'filler'), Buffer.alloc(1024 * 1024));
    } catch (e) {
      expect(storageCauseOf(e)).toBe('disk-full');
    }
    const error = await refusal(newSession(store));
    expect(error.code).toBe('storage-failed');
    expect(error.message).toContain('the disk is full');
    await store.close();
  });
});

describe('storage causes', () => {
  it('names each write failure for the coach', () => {
    const failure = (code: string) => Object.assign(new Error(code), { code });
    expect(['ENOSPC', 'EDQUOT', 'ENOENT', 'EACCES', 'EPERM', 'EROFS', 'EIO'].map((code) => storageCauseOf(failure(code)))).toEqual([
      'disk-full',
      'disk-full',
      'folder-missing',
      'no-permission',
      'no-permission',
      'no-permission',
      null,
    ]);
  });
});
