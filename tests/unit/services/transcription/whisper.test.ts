import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spanTranscriber } from '../../../../electron/services/analysis/default-transcriber.js';
import { createWhisperTranscriber } from '../../../../electron/services/transcription/whisper.js';
import { findWhisperModel } from '../../../../electron/services/transcription/whisper-model.js';
import { checkWhisperModelFile, expectedTensorCount } from '../../../../electron/services/transcription/whisper-model-file.js';
import { readWav } from '../../../../electron/services/session/wav.js';
import { speech } from '../../../../scripts/rehearse/speech.js';
import { TINY_WHISPER, writeTinyWhisperModel } from '../../../support/tiny-whisper-model.js';
import { tempRoot } from '../fixtures.js';

const root = tempRoot('whisper');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const modelsDir = join(root, 'models');
mkdirSync(modelsDir);
const tinyModel = join(modelsDir, 'ggml-tiny-test.bin');
writeTinyWhisperModel(tinyModel);

describe('whisper model file check', () => {
  it('reads the header and counts every tensor of a complete model', async () => {
    const check = await checkWhisperModelFile(tinyModel);
    expect(check).toEqual({
      ok: true,
      tensors: expectedTensorCount({ nAudioLayer: 1, nTextLayer: 1 }),
      hparams: expect.objectContaining({ nVocab: TINY_WHISPER.nVocab, nAudioState: 8, nTextState: 8, nAudioLayer: 1, nTextLayer: 1, nMels: 80 }) as unknown,
    });
  });

  it('refuses a half-downloaded model (whisper.cpp would load it as an empty one)', async () => {
    const cut = join(root, 'ggml-cut.bin');
    writeTinyWhisperModel(cut, { truncateAt: 1_000_000 });
    expect(await checkWhisperModelFile(cut)).toEqual({ ok: false, reason: 'the file is cut short (an unfinished download?)' });
    const headerOnly = join(root, 'ggml-header.bin');
    writeTinyWhisperModel(headerOnly, { truncateAt: 100 });
    expect(await checkWhisperModelFile(headerOnly)).toMatchObject({ ok: false });
  });

  it('refuses a file that is not a ggml model', async () => {
    const html = join(root, 'ggml-error-page.bin');
    writeFileSync(html, '<html>Not found</html>');
    expect(await checkWhisperModelFile(html)).toEqual({ ok: false, reason: 'it is not a whisper.cpp ggml model (wrong magic number)' });
  });
});

describe('finding the whisper model', () => {
  it('says what to do when the models folder is missing or empty', async () => {
    const missing = join(root, 'no-such-models');
    const none = await findWhisperModel(missing);
    expect(none.found).toBe(false);
    if (!none.found) expect(none.message).toBe(`No whisper model: the models folder ${missing} does not exist. Run \`npm run models:fetch\` on a machine with internet to download one, or put a whisper.cpp ggml-*.bin model in ${missing}.`);
    const empty = join(root, 'empty-models');
    mkdirSync(empty);
    writeFileSync(join(empty, 'readme.txt'), 'models go here');
    writeFileSync(join(empty, 'ggml-silero-v5.1.2.bin'), 'a VAD model, not a speech model');
    const nothing = await findWhisperModel(empty);
    expect(nothing).toEqual({ found: false, message: expect.stringContaining(`No whisper model in ${empty}. Run \`npm run models:fetch\``) as unknown });
  });

  it('takes the first ggml-*.bin of a folder by name, or the file it is given', async () => {
    const two = join(root, 'two-models');
    mkdirSync(two);
    copyFileSync(tinyModel, join(two, 'ggml-b.bin'));
    copyFileSync(tinyModel, join(two, 'ggml-a.bin'));
    expect(await findWhisperModel(two)).toEqual({ found: true, file: join(two, 'ggml-a.bin') });
    expect(await findWhisperModel(tinyModel)).toEqual({ found: true, file: tinyModel });
  });

  it('reports a damaged model with its path and the fix', async () => {
    const broken = join(root, 'broken-models');
    mkdirSync(broken);
    writeTinyWhisperModel(join(broken, 'ggml-base.en.bin'), { truncateAt: 5000 });
    const found = await findWhisperModel(broken);
    expect(found).toEqual({
      found: false,
      message: `The whisper model ${join(broken, 'ggml-base.en.bin')} cannot be used: the file is cut short (an unfinished download?). Delete it and run \`npm run models:fetch\` again.`,
    });
  });
});

// The binding is whisper.node's real prebuilt addon (@fugood/node-whisper-<platform>); the model is the tiny one above.
describe('whisper transcriber (whisper.cpp through whisper.node)', { timeout: 60_000 }, () => {
  const transcriber = createWhisperTranscriber({ model: modelsDir, threads: 2 });
  const samples = readWav(speech('I apologize for the delay.', 'kal')).samples[0] ?? new Int16Array(0);

  it('is available when the models folder holds a model', async () => {
    expect(transcriber.engine).toBe('whisper');
    expect(await transcriber.availability()).toEqual({ available: true });
  });

  it('loads the model, decodes speech and maps the tokens to words with frame times', async () => {
    const result = await transcriber.transcribe(samples);
    // Made-up weights decode nonsense, but the same nonsense every time, with token timestamps.
    expect(result.words.length).toBeGreaterThan(0);
    expect(result.text).toBe(result.words.map((w) => w.word).join(' '));
    for (const w of result.words) {
      expect(w.word).toMatch(/^w\d+$/);
      expect(Number.isInteger(w.startFrame)).toBe(true);
      expect(w.endFrame).toBeGreaterThanOrEqual(w.startFrame);
      expect(w.endFrame).toBeLessThanOrEqual(samples.length);
      expect(w.confidence).toBe(1);
    }
    expect(await transcriber.transcribe(samples)).toEqual(result);
  });

  it('gives the analysis its turn transcript (words in frames, engine named)', async () => {
    const span = spanTranscriber(transcriber);
    expect(span.engine).toBe('whisper');
    const turn = await span.transcribe(samples, 16_000);
    expect(turn.words.length).toBeGreaterThan(0);
    expect(Object.keys(turn.words[0] ?? {}).sort()).toEqual(['confidence', 'endFrame', 'startFrame', 'word']);
    await expect(span.transcribe(samples, 8000)).rejects.toThrow('Speech recognition needs 16000 Hz audio; this session is at 8000 Hz.');
  });

  it('returns no words for no samples without loading anything', async () => {
    const unloaded = createWhisperTranscriber({ model: join(root, 'nowhere') });
    expect(await unloaded.transcribe(new Int16Array(0))).toEqual({ text: '', words: [] });
  });

  it('says what to do when there is no model, both in availability and when asked to transcribe', async () => {
    const missing = join(root, 'no-models-here');
    const none = createWhisperTranscriber({ model: missing });
    const availability = await none.availability();
    expect(availability.available).toBe(false);
    if (!availability.available) expect(availability.message).toContain('`npm run models:fetch`');
    await expect(none.transcribe(samples)).rejects.toThrow(`put a whisper.cpp ggml-*.bin model in ${missing}`);
  });

  it('reports a model whisper.cpp refuses with the file and the fix', async () => {
    const odd = join(root, 'odd-models');
    mkdirSync(odd);
    const file = join(odd, 'ggml-odd.bin');
    writeTinyWhisperModel(file);
    // Same layout and sizes, but a tensor name whisper.cpp does not know: it refuses the file.
    const bytes = readFileSync(file);
    const at = bytes.indexOf('encoder.conv1.bias');
    bytes.write('encoder.conv1.biaz', at);
    writeFileSync(file, bytes);
    const refused = createWhisperTranscriber({ model: odd });
    expect(await refused.availability()).toEqual({ available: true });
    await expect(refused.transcribe(samples)).rejects.toThrow(`whisper.cpp could not load the model ${file} (Failed to initialize whisper context). Delete it and run \`npm run models:fetch\` again.`);
  });

  it('says whisper.cpp is not installed when the platform package does not load', async () => {
    const noBinding = createWhisperTranscriber({ model: modelsDir, loadBinding: () => Promise.reject(new Error('Cannot find module')) });
    const availability = await noBinding.availability();
    expect(availability).toEqual({ available: false, message: expect.stringMatching(/^whisper\.cpp is not installed for .* Reinstall with `npm ci`\.$/) as unknown });
  });
});
