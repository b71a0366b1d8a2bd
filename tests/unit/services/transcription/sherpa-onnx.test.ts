import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseTranscriber, type TranscriberFactories } from '../../../../electron/services/transcription/choose-transcriber.js';
import { SHERPA_PLATFORM_PACKAGE } from '../../../../electron/services/transcription/sherpa-onnx-binding.js';
import { findSherpaModel, SHERPA_MODEL } from '../../../../electron/services/transcription/sherpa-onnx-model.js';
import { wordsFromSherpaResult } from '../../../../electron/services/transcription/sherpa-onnx-output.js';
import { createSherpaOnnxTranscriber, sherpaOnnxVersion } from '../../../../electron/services/transcription/sherpa-onnx.js';
import type { Transcriber } from '../../../../electron/services/transcription/transcriber.js';
import { tempRoot } from '../fixtures.js';

const root = tempRoot('sherpa-onnx');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A model folder whose files exist but are not ONNX models (a damaged or truncated copy). */
function writeCorruptModel(modelsDir: string): string {
  const dir = join(modelsDir, SHERPA_MODEL.folder);
  mkdirSync(dir, { recursive: true });
  for (const name of [SHERPA_MODEL.encoder, SHERPA_MODEL.decoder, SHERPA_MODEL.joiner]) writeFileSync(join(dir, name), 'this is not an onnx model');
  writeFileSync(join(dir, SHERPA_MODEL.tokens), '<blk> 0\n\u2581THE 1\n');
  return dir;
}

describe('sherpa-onnx on this machine (the real addon, no model downloaded)', { timeout: 60_000 }, () => {
  it(`loads the prebuilt addon from ${SHERPA_PLATFORM_PACKAGE} and reports its version`, () => {
    expect(sherpaOnnxVersion()).toBe('1.13.8');
  });

  it('with no model, availability() says which folders it looked in and how to get the model', async () => {
    const models = join(root, 'no-model');
    const ready = await createSherpaOnnxTranscriber({ modelsDirs: [models] }).availability();
    expect(ready).toEqual({
      available: false,
      message: `No sherpa-onnx model: ${SHERPA_MODEL.folder} is not in ${models}. Run \`npm run models:fetch -- --model zipformer-small-en --dir <models folder>\` on a machine with internet, or copy that folder into ${models}.`,
    });
  });

  it('with no model, auto falls back to pocketsphinx and the note says why whisper and sherpa-onnx were not used', async () => {
    const models = join(root, 'empty-models');
    mkdirSync(models);
    const chosen = await chooseTranscriber({ engine: 'auto', whisperModel: models });
    expect('transcriber' in chosen && chosen.transcriber.engine).toBe('pocketsphinx');
    expect(chosen).toMatchObject({ note: expect.stringMatching(/^whisper\.cpp was not used: No whisper model in .* sherpa-onnx was not used: No sherpa-onnx model: /) as unknown });
    expect(await chooseTranscriber({ engine: 'sherpa-onnx', whisperModel: models })).toEqual({ unavailable: expect.stringContaining('No sherpa-onnx model') as unknown });
  });

  it('a corrupt model is reported with the engine\'s reason, and neither availability() nor transcribe() crashes the process', async () => {
    const models = join(root, 'corrupt');
    const dir = writeCorruptModel(models);
    const transcriber = createSherpaOnnxTranscriber({ modelsDirs: [models] });
    const ready = await transcriber.availability();
    expect(ready.available).toBe(false);
    const message = ready.available ? '' : ready.message;
    expect(message).toMatch(new RegExp(`^sherpa-onnx could not load the model in ${dir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(.*Protobuf parsing failed.*\\)\\. Delete that folder and run`));
    await expect(transcriber.transcribe(new Int16Array(1600))).rejects.toThrow(message);
  });

  it('an incomplete model folder is named with the missing files, not skipped', async () => {
    const models = join(root, 'incomplete');
    const dir = writeCorruptModel(models);
    rmSync(join(dir, SHERPA_MODEL.joiner));
    expect(await findSherpaModel([models, join(root, 'corrupt')])).toEqual({ found: false, message: expect.stringContaining(`incomplete (missing or empty: ${SHERPA_MODEL.joiner})`) as unknown });
  });

  it('without the addon, availability() says the platform package is missing', async () => {
    const ready = await createSherpaOnnxTranscriber({
      modelsDirs: [root],
      load: () => {
        throw new Error('Could not find sherpa-onnx-node. Tried\n  ...');
      },
    }).availability();
    expect(ready).toEqual({ available: false, message: `sherpa-onnx is not installed for ${process.platform}-${process.arch} (the package ${SHERPA_PLATFORM_PACKAGE} is missing or does not load: Could not find sherpa-onnx-node. Tried). Reinstall with \`npm ci\`.` });
  });
});

describe('sherpa-onnx tokens to words', () => {
  it('joins BPE pieces into words with times from the token stamps and the geometric mean of token probabilities', () => {
    const result = {
      text: 'HELLO WORLD',
      tokens: ['\u2581HE', 'LLO', '\u2581WORLD'],
      timestamps: [0.5, 0.62, 1.0],
      ys_log_probs: [Math.log(0.9), Math.log(0.4), Math.log(0.8)],
    };
    const out = wordsFromSherpaResult(result, 16_000, 32_000);
    expect(out.text).toBe('hello world');
    expect(out.words).toEqual([
      { word: 'hello', startFrame: 8000, endFrame: 13_120, confidence: expect.closeTo(0.6, 10) as unknown },
      { word: 'world', startFrame: 16_000, endFrame: 19_200, confidence: expect.closeTo(0.8, 10) as unknown },
    ]);
  });

  it('uses durations when given, clamps to the audio, and marks confidence 1 (not measured) without log-probabilities', () => {
    const out = wordsFromSherpaResult({ text: "DON'T", tokens: ['\u2581DON', "'T"], timestamps: [0.1, 0.3], durations: [0.2, 0.5] }, 16_000, 10_000);
    expect(out.words).toEqual([{ word: "don't", startFrame: 1600, endFrame: 10_000, confidence: 1 }]);
  });
});

describe('auto order with sherpa-onnx', () => {
  const fake = (engine: Transcriber['engine'], message: string | null): Transcriber => ({
    engine,
    availability: () => Promise.resolve(message === null ? { available: true } : { available: false, message }),
    transcribe: () => Promise.resolve({ text: '', words: [] }),
  });
  const make = (whisper: string | null, sherpa: string | null, ps: string | null, dirs: (readonly string[])[] = []): TranscriberFactories => ({
    whisper: () => fake('whisper', whisper),
    sherpaOnnx: (modelsDirs) => {
      dirs.push(modelsDirs);
      return fake('sherpa-onnx', sherpa);
    },
    pocketsphinx: () => fake('pocketsphinx', ps),
  });

  it('whisper first, then sherpa-onnx (looking in the models folder), then pocketsphinx, each skip explained', async () => {
    expect(await chooseTranscriber({ engine: 'auto', whisperModel: '/m' }, make(null, null, null))).toMatchObject({ transcriber: { engine: 'whisper' } });
    const dirs: (readonly string[])[] = [];
    const sherpa = await chooseTranscriber({ engine: 'auto', whisperModel: '/m/ggml-base.en.bin' }, make('no whisper', null, null, dirs));
    expect(sherpa).toMatchObject({ transcriber: { engine: 'sherpa-onnx' }, note: 'whisper.cpp was not used: no whisper' });
    expect(dirs).toEqual([['/m']]);
    expect(await chooseTranscriber({ engine: 'auto', whisperModel: '/m' }, make('no whisper', 'no sherpa', null))).toMatchObject({ transcriber: { engine: 'pocketsphinx' }, note: 'whisper.cpp was not used: no whisper sherpa-onnx was not used: no sherpa' });
    expect(await chooseTranscriber({ engine: 'auto', whisperModel: '/m' }, make('no whisper', 'no sherpa', 'no ps'))).toEqual({ unavailable: 'no whisper no sherpa no ps' });
    expect(await chooseTranscriber({ engine: 'sherpa-onnx', whisperModel: '/m' }, make(null, 'no sherpa', null))).toEqual({ unavailable: 'no sherpa' });
  });
});
