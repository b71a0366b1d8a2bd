import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrainerService, type TrainerService } from '../../../../electron/services/trainer-service.js';
import { buildSession, writeSessionFolder, type Part } from '../../../support/synthetic-session.js';
import { writeTinyWhisperModel } from '../../../support/tiny-whisper-model.js';
import { clipOf, IMPATIENT_NOT_LISTENING, voice } from '../../core/analysis/session-fixtures.js';
import { tempRoot } from '../fixtures.js';

const SESSION = '20261123-110000-abcdef';
const REPEATS = ['again-1', 'again-2', 'again-3'];

// The settings choose the engine; the analysis runs in its worker thread, whisper.cpp included.
describe('analyzeSession with the speech engine the settings choose', { timeout: 120_000 }, () => {
  let root: string;
  let dataDir: string;
  let service: TrainerService;

  beforeAll(() => {
    root = tempRoot('analysis-engine');
    const scenariosDir = join(root, 'scenarios');
    mkdirSync(join(scenariosDir, 'checklists'), { recursive: true });
    cpSync('tests/fixtures/analysis/not-listening.yaml', join(scenariosDir, 'not-listening.yaml'));
    for (const f of readdirSync('scenarios/checklists')) cpSync(join('scenarios/checklists', f), join(scenariosDir, 'checklists', f));
    const parts: Part[] = [
      { say: 'ask-why', clip: clipOf('not-listening', 'ask-why') },
      { listen: 'answer', answer: voice(IMPATIENT_NOT_LISTENING[0] ?? ''), delaySeconds: 0.6 },
      ...REPEATS.map((id, i): Part => ({ listen: id, repeat: { clip: clipOf('not-listening', id) }, answer: voice(IMPATIENT_NOT_LISTENING[i + 1] ?? ''), delaySeconds: 0.5 })),
      { say: 'wrap-up', clip: clipOf('not-listening', 'wrap-up') },
    ];
    dataDir = join(root, 'data');
    writeSessionFolder(dataDir, SESSION, 'not-listening', buildSession(parts, 'not-listening'));
    service = createTrainerService({ dataDir, scenariosDir, log: () => undefined });
  });
  afterAll(async () => {
    await service.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('auto with no model: pocketsphinx, and the note says how to get a whisper model', async () => {
    const models = join(dataDir, 'models');
    const result = await service.api.analyzeSession({ sessionId: SESSION });
    expect(result.transcriber).toEqual({
      engine: 'pocketsphinx',
      note: `whisper.cpp was not used: No whisper model: the models folder ${models} does not exist. Run \`npm run models:fetch\` on a machine with internet to download one, or put a whisper.cpp ggml-*.bin model in ${models}. sherpa-onnx was not used: No sherpa-onnx model: sherpa-onnx-zipformer-small-en-2023-06-26 is not in ${models}. Run \`npm run models:fetch -- --model zipformer-small-en --dir <models folder>\` on a machine with internet, or copy that folder into ${models}.`,
    });
  });

  it('auto with a model in <data dir>/models: whisper transcribes every answer', async () => {
    mkdirSync(join(dataDir, 'models'));
    writeTinyWhisperModel(join(dataDir, 'models', 'ggml-tiny-test.bin'));
    const result = await service.api.analyzeSession({ sessionId: SESSION });
    expect(result.transcriber).toEqual({ engine: 'whisper' });
    expect(result.turns.map((t) => t.stepId)).toEqual(['answer', ...REPEATS]);
    for (const turn of result.turns) {
      // The made-up model's words, placed inside the turn on the session's clock.
      expect(turn.transcript?.words.length).toBeGreaterThan(0);
      for (const w of turn.transcript?.words ?? []) expect(w.word).toMatch(/^w\d+$/);
    }
  });

  it('pocketsphinx when the settings say so, even with a model', async () => {
    await service.api.updateSettings({ patch: { speechEngine: 'pocketsphinx' } });
    expect((await service.api.analyzeSession({ sessionId: SESSION })).transcriber).toEqual({ engine: 'pocketsphinx' });
  });

  it('whisper with a model file that is missing: the phrase spotter stands in, and the note says what to do', async () => {
    const missing = join(dataDir, 'elsewhere', 'ggml-small.en.bin');
    await service.api.updateSettings({ patch: { speechEngine: 'whisper', whisperModel: missing } });
    const result = await service.api.analyzeSession({ sessionId: SESSION });
    expect(result.transcriber.engine).toMatch(/^soundswallower-spotter \d/);
    expect(result.transcriber.note).toContain('Phrase spotter soundswallower');
    expect(result.transcriber.note).toContain(`The whisper model ${missing} does not exist. Run \`npm run models:fetch\``);
  });
});
