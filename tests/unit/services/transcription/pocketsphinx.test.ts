import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePocketsphinxOutput } from '../../../../electron/services/transcription/pocketsphinx-output.js';
import { createPocketsphinxTranscriber } from '../../../../electron/services/transcription/pocketsphinx.js';
import { readWav } from '../../../../electron/services/session/wav.js';
import { speech, type FestivalVoice } from '../../../../scripts/rehearse/speech.js';
import { tempRoot } from '../fixtures.js';

const root = tempRoot('asr');
const tmpDir = join(root, 'tmp');
mkdirSync(tmpDir);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const transcriber = createPocketsphinxTranscriber({ tmpDir });
const festival = (text: string, voice: FestivalVoice) => readWav(speech(text, voice)).samples[0] ?? new Int16Array(0);

// Decoding takes a few seconds a sentence, more while other work shares the two cores.
describe('pocketsphinx transcriber', { timeout: 90_000 }, () => {
  it('is available with the Debian model', async () => {
    expect(await transcriber.availability()).toEqual({ available: true });
    expect(transcriber.engine).toBe('pocketsphinx');
  });

  // Sentences checked against pocketsphinx with both festival voices.
  it.each([
    ['us-slt', 'I apologize for the delay.', ['apologize', 'delay']],
    ['kal', 'I apologize for the delay.', ['apologize', 'delay']],
    ['kal', 'I am so sorry you had to wait so long.', ['sorry', 'wait']],
    ['kal', 'That is not my problem.', ['not', 'my', 'problem']],
  ] as const)('recognises the key words of festival speech (%s: %s)', async (voice, text, keyWords) => {
    const samples = festival(text, voice);
    const result = await transcriber.transcribe(samples);
    const words = result.words.map((w) => w.word);
    for (const key of keyWords) expect(words).toContain(key);
    expect(result.text).toBe(words.join(' '));
    for (const w of result.words) {
      expect(w.endFrame).toBeGreaterThan(w.startFrame);
      expect(w.endFrame).toBeLessThanOrEqual(samples.length);
      expect(w.confidence).toBeGreaterThanOrEqual(0);
      expect(w.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('gives the same words and times for the same audio, and leaves no temporary files', async () => {
    const samples = festival('Thank you for your patience.', 'us-slt');
    const first = await transcriber.transcribe(samples);
    expect(await transcriber.transcribe(samples)).toEqual(first);
    expect(first.text).toBe('thank you for your patience');
    expect(readdirSync(tmpDir)).toEqual([]);
  });

  it('places word times on the samples it was given', async () => {
    const speechOnly = festival('Sorry about that.', 'us-slt');
    const padded = new Int16Array(speechOnly.length + 16_000);
    padded.set(speechOnly, 16_000);
    const [plain, shifted] = [await transcriber.transcribe(speechOnly), await transcriber.transcribe(padded)];
    const sorry = (t: typeof plain) => t.words.find((w) => w.word === 'sorry')?.startFrame ?? -1;
    expect(sorry(plain)).toBeGreaterThanOrEqual(0);
    expect(Math.abs(sorry(shifted) - sorry(plain) - 16_000)).toBeLessThanOrEqual(320);
  });

  it('hears nothing in silence', async () => {
    expect(await transcriber.transcribe(new Int16Array(16_000))).toEqual({ text: '', words: [] });
    expect(await transcriber.transcribe(new Int16Array(0))).toEqual({ text: '', words: [] });
  });

  it('stops a run that takes too long, with a clear error, and cleans up', async () => {
    const slow = createPocketsphinxTranscriber({ tmpDir, timeoutMs: 1 });
    await expect(slow.transcribe(festival('Sorry about that.', 'us-slt'))).rejects.toThrow(/did not finish within 1 ms and was stopped/);
    expect(readdirSync(tmpDir)).toEqual([]);
  });

  it('says plainly when the program or the model is missing', async () => {
    const noProgram = await createPocketsphinxTranscriber({ binary: 'no-such-pocketsphinx' }).availability();
    expect(noProgram).toEqual({ available: false, message: expect.stringMatching(/not installed: the program no-such-pocketsphinx was not found.*apt install pocketsphinx/) });
    const noModel = await createPocketsphinxTranscriber({ modelDir: join(root, 'no-model') }).availability();
    expect(noModel).toEqual({ available: false, message: expect.stringMatching(/model is missing/) });
    await expect(createPocketsphinxTranscriber({ binary: 'no-such-pocketsphinx' }).transcribe(new Int16Array(10))).rejects.toThrow(/not installed/);
  });

  it('reports a decoder failure with its error line', async () => {
    const broken = createPocketsphinxTranscriber({ tmpDir, modelDir: join(root, 'no-model') });
    await expect(broken.transcribe(new Int16Array(1600))).rejects.toThrow(/pocketsphinx\) failed \(exit code/);
    expect(readdirSync(tmpDir)).toEqual([]);
  });
});

describe('pocketsphinx output', () => {
  it('keeps words with times, drops fillers and strips alternate pronunciations', () => {
    const stdout = [
      "i'm sorry the wait",
      '<s> 0.000 0.140 0.999300',
      "i'm 0.150 0.450 0.405107",
      '<sil> 0.460 0.500 1.000000',
      '[NOISE] 0.510 0.600 0.9',
      '++BREATH++ 0.610 0.650 0.9',
      'sorry 0.710 1.080 0.999400',
      'the(2) 1.340 1.470 0.856485',
      'wait 1.480 1.880 0.025657',
      '</s> 2.920 3.030 1.000000',
      'a three word hypothesis',
    ].join('\n');
    const t = parsePocketsphinxOutput(stdout, 16_000);
    expect(t.text).toBe("i'm sorry the wait");
    expect(t.words[0]).toEqual({ word: "i'm", startFrame: 2400, endFrame: 7360, confidence: 0.405107 });
    expect(t.words.map((w) => w.word)).toEqual(["i'm", 'sorry', 'the', 'wait']);
  });

  it('reads several utterances and nothing from empty output', () => {
    const t = parsePocketsphinxOutput('hello\n<s> 0.0 0.1 1\nhello 0.11 0.5 0.9\n</s> 0.51 0.6 1\nthere\nthere 2.0 2.4 0.8\n', 16_000);
    expect(t.text).toBe('hello there');
    expect(parsePocketsphinxOutput('', 16_000)).toEqual({ text: '', words: [] });
  });
});
