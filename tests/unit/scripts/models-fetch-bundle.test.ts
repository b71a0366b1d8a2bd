import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLES, type ModelBundle } from '../../../scripts/models-fetch/catalogue.js';
import { downloadBundle } from '../../../scripts/models-fetch/download-bundle.js';
import { findSherpaModel, SHERPA_MODEL } from '../../../electron/services/transcription/sherpa-onnx-model.js';
import { tempRoot } from '../services/fixtures.js';

// No network here: the "server" answers each URL with bytes the test made up.
const root = tempRoot('models-bundle');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const pinned = BUNDLES['zipformer-small-en'];

/** The pinned bundle's file names with made-up contents (and their real hashes), served from fake URLs. */
function fakeBundle(): { bundle: ModelBundle; serve: typeof fetch & { urls: string[] } } {
  if (!pinned) throw new Error('zipformer-small-en is not in the catalogue');
  const bodies = new Map<string, Uint8Array<ArrayBuffer>>();
  const files = pinned.files.map((f) => {
    const bytes = new TextEncoder().encode(`fake ${f.fileName}\n`.repeat(100));
    const url = `https://models.example/${f.fileName}`;
    bodies.set(url, bytes);
    return { ...f, url, sha256: sha(bytes) };
  });
  const serve = Object.assign(
    (input: string | URL | Request) => {
      const url = String(input);
      serve.urls.push(url);
      const body = bodies.get(url);
      return Promise.resolve(body ? new Response(body, { status: 200 }) : new Response('missing', { status: 404, statusText: 'Not Found' }));
    },
    { urls: [] as string[] },
  );
  return { bundle: { ...pinned, files }, serve };
}

describe('models:fetch --model zipformer-small-en', () => {
  it('pins the sherpa-onnx files to one Hugging Face revision, with a SHA-256 each, under the names the app loads', () => {
    expect(pinned?.folder).toBe(SHERPA_MODEL.folder);
    expect(pinned?.files.map((f) => f.fileName)).toEqual([SHERPA_MODEL.encoder, SHERPA_MODEL.decoder, SHERPA_MODEL.joiner, SHERPA_MODEL.tokens]);
    for (const f of pinned?.files ?? []) {
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(f.url).toBe(`https://huggingface.co/csukuangfj/sherpa-onnx-zipformer-small-en-2023-06-26/resolve/e8add5377a6cb7b629b5a0e08d6afe7a73442814/${f.fileName}`);
    }
  });

  it('downloads every file into <dir>/<folder>, checked, where the app then finds the model; a second run downloads nothing', async () => {
    const { bundle, serve } = fakeBundle();
    const dir = join(root, 'build-models');
    expect(await downloadBundle({ bundle, dir, fetch: serve })).toBe(4);
    expect(readdirSync(join(dir, SHERPA_MODEL.folder)).sort()).toEqual([SHERPA_MODEL.decoder, SHERPA_MODEL.encoder, SHERPA_MODEL.joiner, SHERPA_MODEL.tokens].sort());
    expect(await findSherpaModel([join(root, 'elsewhere'), dir])).toMatchObject({ found: true, files: { dir: join(dir, SHERPA_MODEL.folder) } });
    expect(await downloadBundle({ bundle, dir, fetch: serve })).toBe(0);
    expect(serve.urls).toHaveLength(4);
  });

  it('stops at a file whose hash is wrong and leaves it out of the folder', async () => {
    const { bundle, serve } = fakeBundle();
    const [first, ...rest] = bundle.files;
    if (!first) throw new Error('empty bundle');
    const wrong = { ...bundle, files: [{ ...first, sha256: '0'.repeat(64) }, ...rest] };
    const dir = join(root, 'bad');
    await expect(downloadBundle({ bundle: wrong, dir, fetch: serve })).rejects.toThrow(/^The download is damaged or not the expected file/);
    expect(readdirSync(join(dir, SHERPA_MODEL.folder))).toEqual([]);
  });
});
