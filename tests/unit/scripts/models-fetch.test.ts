import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MODELS } from '../../../scripts/models-fetch/catalogue.js';
import { describeFetchError, downloadModel, installChecked, modelPaths, sha256OfFile, type DownloadProgress } from '../../../scripts/models-fetch/download-model.js';
import { findWhisperModel } from '../../../electron/services/transcription/whisper-model.js';
import { writeTinyWhisperModel } from '../../support/tiny-whisper-model.js';
import { tempRoot } from '../services/fixtures.js';

// No network here: the "server" is a fetch that answers with a model file the test wrote.
const root = tempRoot('models-fetch');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const modelFile = join(root, 'source.bin');
writeTinyWhisperModel(modelFile);
const modelBytes = readFileSync(modelFile);
const sha256 = createHash('sha256').update(modelBytes).digest('hex');
const entry = { fileName: 'ggml-test.bin', url: 'https://models.example/ggml-test.bin', sha256, megabytes: 2 };

function serving(bytes: Uint8Array, chunk = 256 * 1024): typeof fetch & { calls: number } {
  const fake = Object.assign(
    () => {
      fake.calls++;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += chunk) controller.enqueue(bytes.subarray(i, i + chunk));
          controller.close();
        },
      });
      return Promise.resolve(new Response(body, { status: 200, headers: { 'content-length': String(bytes.length) } }));
    },
    { calls: 0 },
  );
  return fake;
}

describe('models:fetch', () => {
  it('knows base.en and tiny.en with their published SHA-256', () => {
    expect(MODELS['base.en']).toMatchObject({ fileName: 'ggml-base.en.bin', url: 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-base.en.bin' });
    for (const m of Object.values(MODELS)) expect(m.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('downloads with progress, checks the hash, renames into place, and the app then finds the model', async () => {
    const dir = join(root, 'models');
    const progress: DownloadProgress[] = [];
    const fake = serving(modelBytes);
    expect(await downloadModel({ model: entry, dir, fetch: fake, onProgress: (p) => progress.push(p) })).toBe(true);
    expect(readdirSync(dir)).toEqual(['ggml-test.bin']);
    expect(readFileSync(join(dir, 'ggml-test.bin')).equals(modelBytes)).toBe(true);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual({ received: modelBytes.length, total: modelBytes.length });
    expect(progress.every((p, i) => i === 0 || p.received > (progress[i - 1]?.received ?? 0))).toBe(true);
    expect(await findWhisperModel(dir)).toEqual({ found: true, file: join(dir, 'ggml-test.bin') });
    // A second run keeps the checked file and downloads nothing.
    expect(await downloadModel({ model: entry, dir, fetch: fake })).toBe(false);
    expect(fake.calls).toBe(1);
  });

  it('deletes a download whose hash is wrong and leaves no model behind', async () => {
    const dir = join(root, 'bad-hash');
    const damaged = Uint8Array.from(modelBytes);
    const last = damaged.length - 1;
    damaged[last] = (damaged[last] ?? 0) ^ 0xff;
    await expect(downloadModel({ model: entry, dir, fetch: serving(damaged) })).rejects.toThrow(/^The download is damaged or not the expected file \(SHA-256 [0-9a-f]{64}, expected [0-9a-f]{64}\); it was deleted\. Run the command again\.$/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says the machine is offline when the host cannot be reached', async () => {
    const offline = () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND models.example'), { code: 'ENOTFOUND' }) }));
    const dir = join(root, 'offline');
    await expect(downloadModel({ model: entry, dir, fetch: offline })).rejects.toThrow(
      'Cannot reach models.example (ENOTFOUND): this machine seems to be offline. Run `npm run models:fetch` on a machine with internet, then copy the model into the models folder.',
    );
    expect(existsSync(modelPaths(dir, entry).final)).toBe(false);
    expect(describeFetchError(new Error('boom'), entry.url)).toBe('Downloading https://models.example/ggml-test.bin failed: boom.');
  });

  it('reports the server answer (e.g. 404) plainly', async () => {
    const missing = () => Promise.resolve(new Response('Entry not found', { status: 404, statusText: 'Not Found' }));
    await expect(downloadModel({ model: entry, dir: join(root, 'not-found'), fetch: missing })).rejects.toThrow('Downloading https://models.example/ggml-test.bin failed: the server answered 404 Not Found.');
  });

  it('installs a checked partial file atomically and hashes files like sha256sum', async () => {
    const dir = join(root, 'install');
    mkdirSync(dir);
    const { partial, final } = modelPaths(dir, entry);
    expect(partial).toBe(`${final}.part`);
    writeFileSync(partial, 'hello\n');
    expect(await sha256OfFile(partial)).toBe('5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03');
    await expect(installChecked(partial, final, sha256)).rejects.toThrow(/damaged/);
    expect(existsSync(partial) || existsSync(final)).toBe(false);
  });
});
