import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseApiInput } from '../../../../electron/services/api-input.js';
import { createSpotter } from '../../../../electron/services/speech/spotter.js';
import { speechEngineStatus } from '../../../../electron/services/transcription/engine-status.js';
import { createPocketsphinxTranscriber, DEFAULT_POCKETSPHINX_MODEL } from '../../../../electron/services/transcription/pocketsphinx.js';
import { mergeHeard, testRecogniser } from '../../../../electron/services/transcription/recogniser-test.js';
import { libraryPhrases } from '../../../../electron/services/transcription/speech-status-handlers.js';
import { createSpotterTranscriber } from '../../../../electron/services/transcription/spotter-transcriber.js';
import { speechStatusLine } from '../../../../core/speech/engine-status.js';
import { writeTinyWhisperModel } from '../../../support/tiny-whisper-model.js';
import { festivalAnswer, hasFestival } from '../speech/festival-answer.js';

if (!hasFestival) console.warn('engine-status.test: text2wave or sox not found, the recogniser tests are skipped (apt-get install festival festvox-us-slt-hts sox)');

const work = mkdtempSync(join(tmpdir(), 'tryout-engine-status-'));
/** A models folder with nothing in it: no whisper model. */
const noModels = join(work, 'models-empty');
mkdirSync(noModels);
const auto = { engine: 'auto' as const, whisperModel: noModels };
const scenarios = resolve('scenarios');
const roots = { shipped: scenarios, user: join(work, 'no-user-scenarios') };
const realPath = process.env['PATH'];
/** An empty folder as the whole PATH: no pocketsphinx_continuous (and no dpkg-query), as on Windows or macOS. */
const hiddenPath = join(work, 'empty-bin');
mkdirSync(hiddenPath);

afterEach(() => {
  process.env['PATH'] = realPath;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file under `path` and their total size, measured here with plain fs. */
function onDisk(paths: readonly string[]): { files: string[]; bytes: number } {
  const files: string[] = [];
  const walk = (p: string) => {
    const s = statSync(p);
    if (s.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name));
    else files.push(p);
  };
  paths.forEach(walk);
  return { files: files.sort(), bytes: files.reduce((n, f) => n + statSync(f).size, 0) };
}

const soundswallowerDir = resolve('node_modules/soundswallower');
const soundswallowerVersion = (JSON.parse(readFileSync(join(soundswallowerDir, 'package.json'), 'utf8')) as { version: string }).version;

describe('the speech engines status', () => {
  it('describes the phrase spotter from the files the package ships, measured on disk', async () => {
    const status = await speechEngineStatus({ choice: auto, callTranscriber: createPocketsphinxTranscriber(), spotterEnabled: true });
    const spotter = status.engines.find((e) => e.id === 'phrase-spotter');
    const expected = onDisk([join(soundswallowerDir, 'model', 'en-us')]);
    expect(spotter?.installed).toBe(true);
    expect(spotter?.version).toBe(soundswallowerVersion);
    expect(spotter?.model).toContain('cmusphinx-en-us-ptm-8khz-5.2');
    expect([...(spotter?.modelFiles ?? [])].sort()).toEqual(expected.files);
    expect(spotter?.modelBytes).toBe(expected.bytes);
    // The dictionary alone is about 3 MB: the model is really there, not an empty folder.
    expect(spotter?.modelBytes).toBeGreaterThan(5_000_000);
    expect(status.engines.map((e) => e.id)).toEqual(['pocketsphinx', 'whisper', 'sherpa-onnx', 'phrase-spotter']);
  });

  it('chooses pocketsphinx for transcripts and branches when it is on PATH and no whisper model is placed', async () => {
    const status = await speechEngineStatus({ choice: auto, callTranscriber: createPocketsphinxTranscriber(), spotterEnabled: true });
    const ps = status.engines.find((e) => e.id === 'pocketsphinx');
    const expected = onDisk([join(DEFAULT_POCKETSPHINX_MODEL, 'en-us'), join(DEFAULT_POCKETSPHINX_MODEL, 'en-us.lm.bin'), join(DEFAULT_POCKETSPHINX_MODEL, 'cmudict-en-us.dict')]);
    expect(ps?.installed).toBe(true);
    expect(ps?.modelBytes).toBe(expected.bytes);
    expect([...(ps?.modelFiles ?? [])].sort()).toEqual(expected.files);
    // Debian's package version, read from dpkg: "0.8+5prealpha+1-15" here.
    const dpkg = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'pocketsphinx'], { encoding: 'utf8' });
    expect(ps?.version).toBe(dpkg);
    const whisper = status.engines.find((e) => e.id === 'whisper');
    expect(whisper?.installed).toBe(false);
    expect(whisper?.model).toBeNull();
    expect(whisper?.detail).toContain(`No whisper model in ${noModels}`);
    expect(status.transcripts).toEqual({ engine: 'pocketsphinx', reason: 'pocketsphinx_continuous found on PATH; no usable whisper or sherpa-onnx model, so neither is used' });
    expect(status.branching.engine).toBe('pocketsphinx');
    expect(speechStatusLine(status)).toBe(
      'speech: transcripts by pocketsphinx (pocketsphinx_continuous found on PATH; no usable whisper or sherpa-onnx model, so neither is used); branches by pocketsphinx (pocketsphinx_continuous found on PATH: the branch rules read its transcript of each answer)',
    );
  });

  it('with pocketsphinx hidden from PATH: no transcript engine, and the phrase spotter decides branches', async () => {
    process.env['PATH'] = hiddenPath;
    const status = await speechEngineStatus({ choice: auto, callTranscriber: createPocketsphinxTranscriber(), spotterEnabled: true });
    const ps = status.engines.find((e) => e.id === 'pocketsphinx');
    expect(ps?.installed).toBe(false);
    expect(ps?.version).toBeNull();
    expect(ps?.detail).toContain('the program pocketsphinx_continuous was not found');
    expect(status.transcripts).toEqual({ engine: null, reason: 'no transcript engine: no pocketsphinx, no whisper model and no sherpa-onnx model; the phrase spotter judges what the scenario asks for' });
    expect(status.branching).toEqual({ engine: 'phrase-spotter', reason: "no pocketsphinx_continuous on PATH: the phrase spotter inside the app listens for each step's phrases" });
    expect(status.engines.find((e) => e.id === 'phrase-spotter')?.installed).toBe(true);
  });

  it('chooses whisper when a model is placed, and measures the model file', async () => {
    const models = join(work, 'models-tiny');
    mkdirSync(models);
    const file = join(models, 'ggml-tiny-test.bin');
    writeTinyWhisperModel(file);
    const status = await speechEngineStatus({ choice: { engine: 'auto', whisperModel: models }, callTranscriber: createPocketsphinxTranscriber(), spotterEnabled: true });
    const whisper = status.engines.find((e) => e.id === 'whisper');
    expect(whisper).toMatchObject({ installed: true, model: 'ggml-tiny-test', modelFiles: [file], modelBytes: statSync(file).size });
    expect(whisper?.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(status.transcripts).toEqual({ engine: 'whisper', reason: 'whisper model ggml-tiny-test found and whisper.cpp loads' });
  });
});

describe('the recogniser test input', () => {
  it('keeps the surer word where two scenario grammars heard the same stretch', () => {
    const merged = mergeHeard([
      { text: 'sorry', words: [{ word: 'sorry', startFrame: 1600, endFrame: 8000, confidence: 0.6 }] },
      { text: "i'm sorry", words: [{ word: "i'm", startFrame: 0, endFrame: 1600, confidence: 0.9 }, { word: 'sorry', startFrame: 1700, endFrame: 8000, confidence: 0.95 }] },
    ]);
    expect(merged).toEqual({ text: "i'm sorry", words: [{ word: "i'm", startFrame: 0, endFrame: 1600, confidence: 0.9 }, { word: 'sorry', startFrame: 1700, endFrame: 8000, confidence: 0.95 }] });
  });

  it('refuses a recording longer than 10 seconds, and one that is not whole samples', () => {
    expect(() => parseApiInput('testRecogniser', { pcm: new Uint8Array(10 * 16_000 * 2 + 2), sampleRate: 16_000 })).toThrow(/at most 10 s/);
    expect(() => parseApiInput('testRecogniser', { pcm: new Uint8Array(3), sampleRate: 16_000 })).toThrow(/whole 16-bit samples/);
    expect(() => parseApiInput('testRecogniser', { pcm: new Uint8Array(4), sampleRate: 4000 })).toThrow();
    expect(parseApiInput('testRecogniser', { pcm: new Uint8Array(10 * 16_000 * 2), sampleRate: 16_000 }).sampleRate).toBe(16_000);
  });
});

describe.runIf(hasFestival)('the recogniser test', () => {
  const said = "I'm so sorry, let me sort that out for you.";
  const samples = hasFestival ? festivalAnswer(work, 'sorry', said) : new Int16Array(0);
  const pcm = new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
  const spotter = createSpotterTranscriber(createSpotter());
  const deps = { choice: auto, spotter: () => spotter, phrases: () => libraryPhrases(roots, scenarios) };

  it('returns the words pocketsphinx heard, with times in seconds and confidences', async () => {
    const result = await testRecogniser(deps, { pcm, sampleRate: 16_000 });
    expect(result.engine).toBe('pocketsphinx');
    expect(result.spotter).toBe(false);
    expect(result.text).toContain('sorry');
    expect(result.seconds).toBeCloseTo(samples.length / 16_000, 2);
    for (const w of result.words) {
      expect(w.end).toBeGreaterThan(w.start);
      expect(w.end).toBeLessThanOrEqual(result.seconds + 0.01);
      expect(w.confidence).toBeGreaterThanOrEqual(0);
      expect(w.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('hears a 48 kHz recording the same after resampling', async () => {
    const wav48 = join(work, 'sorry-48k.wav');
    execFileSync('sox', [join(work, 'sorry.wav'), '-r', '48000', '-b', '16', '-c', '1', '-t', 'raw', '-e', 'signed-integer', '-L', wav48]);
    const at48 = new Uint8Array(readFileSync(wav48));
    const result = await testRecogniser(deps, { pcm: at48, sampleRate: 48_000 });
    expect(result.seconds).toBeCloseTo(samples.length / 16_000, 1);
    expect(result.text).toContain('sorry');
  });

  it('with pocketsphinx hidden, the phrase spotter listens for every scenario phrase and says so', async () => {
    process.env['PATH'] = hiddenPath;
    const result = await testRecogniser(deps, { pcm, sampleRate: 16_000 });
    expect(result.spotter).toBe(true);
    expect(result.engine).toBe(`soundswallower-spotter ${soundswallowerVersion}`);
    expect(result.words.map((w) => w.word)).toContain('sorry');
    expect(result.note).toMatch(new RegExp(`^No transcript engine here .* The phrase spotter listened only for the \\d+ phrases of the ${libraryPhrases(roots, scenarios).length} installed scenarios`));
    // One pass per scenario: about 0.5 s each on an idle core, several times that on a busy machine.
  }, 600_000);

});
