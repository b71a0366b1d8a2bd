import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsSchema } from '../../../../core/settings.js';
import { defaultSpanTranscriber } from '../../../../electron/services/analysis/default-transcriber.js';
import { chooseTranscriber, speechChoiceFromSettings, type TranscriberFactories } from '../../../../electron/services/transcription/choose-transcriber.js';
import type { Transcriber } from '../../../../electron/services/transcription/transcriber.js';
import { writeTinyWhisperModel } from '../../../support/tiny-whisper-model.js';
import { tempRoot } from '../fixtures.js';

const root = tempRoot('asr-choice');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fake(engine: Transcriber['engine'], message: string | null): Transcriber {
  return {
    engine,
    availability: () => Promise.resolve(message === null ? { available: true } : { available: false, message }),
    transcribe: () => Promise.resolve({ text: '', words: [] }),
  };
}

function factories(whisper: string | null, pocketsphinx: string | null): TranscriberFactories & { models: string[] } {
  const models: string[] = [];
  return {
    models,
    whisper: (model) => {
      models.push(model);
      return fake('whisper', whisper);
    },
    pocketsphinx: () => fake('pocketsphinx', pocketsphinx),
  };
}

const NO_MODEL = 'No whisper model in /m. Run `npm run models:fetch`.';
const NO_PS = 'pocketsphinx is not installed.';

describe('choosing the speech recogniser', () => {
  it('auto: whisper when its model is there', async () => {
    const make = factories(null, null);
    const chosen = await chooseTranscriber({ engine: 'auto', whisperModel: '/m' }, make);
    expect('transcriber' in chosen && chosen.transcriber.engine).toBe('whisper');
    expect(chosen).not.toHaveProperty('note');
    expect(make.models).toEqual(['/m']);
  });

  it('auto: pocketsphinx with a note saying why whisper was not used', async () => {
    const chosen = await chooseTranscriber({ engine: 'auto', whisperModel: '/m' }, factories(NO_MODEL, null));
    expect('transcriber' in chosen && chosen.transcriber.engine).toBe('pocketsphinx');
    expect(chosen).toMatchObject({ note: `whisper.cpp was not used: ${NO_MODEL}` });
  });

  it('auto: both reasons when neither can run', async () => {
    expect(await chooseTranscriber({ engine: 'auto', whisperModel: '/m' }, factories(NO_MODEL, NO_PS))).toEqual({ unavailable: `${NO_MODEL} ${NO_PS}` });
  });

  it('a named engine is used alone, never swapped for the other', async () => {
    expect(await chooseTranscriber({ engine: 'whisper', whisperModel: '/m' }, factories(NO_MODEL, null))).toEqual({ unavailable: NO_MODEL });
    const ps = await chooseTranscriber({ engine: 'pocketsphinx', whisperModel: '/m' }, factories(null, null));
    expect('transcriber' in ps && ps.transcriber.engine).toBe('pocketsphinx');
    expect(await chooseTranscriber({ engine: 'pocketsphinx', whisperModel: '/m' }, factories(null, NO_PS))).toEqual({ unavailable: NO_PS });
  });

  it('reads the settings: <data dir>/models by default, a relative model path from the data dir', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ speechEngine: 'auto', whisperModel: null });
    expect(speechChoiceFromSettings(DEFAULT_SETTINGS, '/data')).toEqual({ engine: 'auto', whisperModel: resolve('/data/models') });
    expect(speechChoiceFromSettings({ speechEngine: 'whisper', whisperModel: 'mine/ggml-small.en.bin' }, '/data')).toEqual({ engine: 'whisper', whisperModel: resolve('/data/mine/ggml-small.en.bin') });
    expect(speechChoiceFromSettings({ speechEngine: 'auto', whisperModel: '/opt/models' }, '/data').whisperModel).toBe(resolve('/opt/models'));
    expect(SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, speechEngine: 'vosk' }).success).toBe(false);
    expect(SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, whisperModel: '' }).success).toBe(false);
  });
});

// The real engines: Debian's pocketsphinx and whisper.cpp with a model the test writes.
describe('the analysis recogniser from the settings', { timeout: 60_000 }, () => {
  it('with no model, auto runs pocketsphinx and the note tells the coach how to get whisper or sherpa-onnx', async () => {
    const models = join(root, 'models');
    const found = await defaultSpanTranscriber({ engine: 'auto', whisperModel: models });
    expect(found).toMatchObject({
      engine: 'pocketsphinx',
      note: `whisper.cpp was not used: No whisper model: the models folder ${models} does not exist. Run \`npm run models:fetch\` on a machine with internet to download one, or put a whisper.cpp ggml-*.bin model in ${models}. sherpa-onnx was not used: No sherpa-onnx model: sherpa-onnx-zipformer-small-en-2023-06-26 is not in ${models}. Run \`npm run models:fetch -- --model zipformer-small-en --dir <models folder>\` on a machine with internet, or copy that folder into ${models}.`,
    });
  });

  it('whisper chosen with no model: no recogniser, and the reason says what to do', async () => {
    const empty = join(root, 'empty');
    mkdirSync(empty);
    expect(await defaultSpanTranscriber({ engine: 'whisper', whisperModel: empty })).toEqual({ unavailable: expect.stringContaining(`put a whisper.cpp ggml-*.bin model in ${empty}`) as unknown });
  });

  it('with a model in the folder, auto runs whisper', async () => {
    const models = join(root, 'with-model');
    mkdirSync(models);
    writeTinyWhisperModel(join(models, 'ggml-tiny-test.bin'));
    const found = await defaultSpanTranscriber({ engine: 'auto', whisperModel: models });
    expect(found).toMatchObject({ engine: 'whisper' });
    expect(found).not.toHaveProperty('note');
  });

  it('without a choice (the bench), pocketsphinx as before', async () => {
    expect(await defaultSpanTranscriber()).toMatchObject({ engine: 'pocketsphinx' });
  });
});
