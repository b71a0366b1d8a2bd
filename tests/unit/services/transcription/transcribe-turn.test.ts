import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTrainerService } from '../../../../electron/services/trainer-service.js';
import type { Transcriber } from '../../../../electron/services/transcription/transcriber.js';
import { readWav } from '../../../../electron/services/session/wav.js';
import { speech } from '../../../../scripts/rehearse/speech.js';
import { makeScenariosDir, SCENARIO_ID, tempRoot } from '../fixtures.js';

const root = tempRoot('transcribe-turn');
const scenariosDir = makeScenariosDir(root);
const logged: string[] = [];
const services: ReturnType<typeof createTrainerService>[] = [];
function service(name: string, transcriber?: Transcriber | null, withSpotter = true) {
  const s = createTrainerService({ dataDir: join(root, name), scenariosDir, log: (m) => logged.push(m), ...(transcriber !== undefined ? { transcriber } : {}), ...(withSpotter ? {} : { turnSpotter: null }) });
  services.push(s);
  return s;
}
afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
  rmSync(root, { recursive: true, force: true });
});

/** Stereo chunks of 8000 frames: silence on channel 0, `mic` on channel 1 after `leadFrames` of silence. */
function stereoChunks(mic: Int16Array, leadFrames: number): Uint8Array<ArrayBuffer>[] {
  const frames = leadFrames + mic.length;
  const all = new Int16Array(frames * 2);
  mic.forEach((v, i) => (all[(leadFrames + i) * 2 + 1] = v));
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for (let f = 0; f < frames; f += 8000) chunks.push(new Uint8Array(all.slice(f * 2, Math.min(frames, f + 8000) * 2).buffer));
  return chunks;
}

const start = (api: ReturnType<typeof service>['api']) => api.startSession({ scenarioId: SCENARIO_ID, candidate: { name: 'Ada' }, sampleRate: 16_000 });

describe('transcribeTurn', () => {
  it('transcribes the microphone channel between the frames, once every chunk sent before it is on disk', { timeout: 90_000 }, async () => {
    const { api } = service('real');
    const m = await start(api);
    const mic = readWav(speech('I apologize for the delay.', 'us-slt')).samples[0] ?? new Int16Array(0);
    const lead = 24_000;
    // The chunks are not awaited: transcribeTurn must wait for them itself.
    const appends = stereoChunks(mic, lead).map((pcm, seq) => api.appendAudio({ sessionId: m.id, seq, pcm }));
    const result = await api.transcribeTurn({ sessionId: m.id, fromFrame: lead - 4000, toFrame: lead + mic.length + 60_000 });
    await Promise.all(appends);
    expect(result).toMatchObject({ engine: 'pocketsphinx', text: 'i apologize for the delay', message: null });
    const apologize = result.words.find((w) => w.word === 'apologize');
    // Word frames are frames of audio.wav, not of the stretch that was read.
    expect(apologize?.startFrame).toBeGreaterThan(lead);
    expect(apologize?.endFrame).toBeLessThan(lead + mic.length);
  });

  // Without the phrase spotter too (spotter-fallback.test.ts has the spotter standing in).
  it('answers engine "none" with the reason when there is no recogniser', async () => {
    const unavailable: Transcriber = {
      engine: 'pocketsphinx',
      availability: async () => ({ available: false, message: 'Speech recognition is not installed.' }),
      transcribe: () => Promise.reject(new Error('not called')),
    };
    for (const [name, transcriber, message] of [['none', null, /No speech recogniser/], ['unavailable', unavailable, /not installed/]] as const) {
      const { api } = service(name, transcriber, false);
      const m = await start(api);
      await api.appendAudio({ sessionId: m.id, seq: 0, pcm: stereoChunks(new Int16Array(8000), 0)[0] ?? new Uint8Array(0) });
      expect(await api.transcribeTurn({ sessionId: m.id, fromFrame: 0, toFrame: 8000 })).toEqual({ engine: 'none', text: null, words: [], message: expect.stringMatching(message) });
    }
  });

  it('answers text null with the error when recognition fails, and logs it', async () => {
    const failing: Transcriber = {
      engine: 'pocketsphinx',
      availability: async () => ({ available: true }),
      transcribe: () => Promise.reject(new Error('Speech recognition (pocketsphinx) did not finish within 20 s and was stopped.')),
    };
    const { api } = service('failing', failing);
    const m = await start(api);
    await api.appendAudio({ sessionId: m.id, seq: 0, pcm: stereoChunks(new Int16Array(8000), 0)[0] ?? new Uint8Array(0) });
    expect(await api.transcribeTurn({ sessionId: m.id, fromFrame: 100, toFrame: 99_999 })).toEqual({ engine: 'pocketsphinx', text: null, words: [], message: expect.stringMatching(/did not finish/) });
    expect(logged.join('\n')).toMatch(/transcribeTurn .* 100-99999: Speech recognition/);
  });

  it('reads a finished session too, clipped to what was recorded', async () => {
    const seen: number[] = [];
    const counting: Transcriber = {
      engine: 'pocketsphinx',
      availability: async () => ({ available: true }),
      transcribe: async (samples) => {
        seen.push(samples.length, samples[0] ?? 0, samples.at(-1) ?? 0);
        return { text: 'hello', words: [{ word: 'hello', startFrame: 10, endFrame: 20, confidence: 0.9 }] };
      },
    };
    const { api } = service('finished', counting);
    const m = await start(api);
    const mic = Int16Array.from({ length: 12_000 }, (_, i) => i);
    for (const [seq, pcm] of stereoChunks(mic, 0).entries()) await api.appendAudio({ sessionId: m.id, seq, pcm });
    await api.finishSession({ sessionId: m.id });
    const result = await api.transcribeTurn({ sessionId: m.id, fromFrame: 1000, toFrame: 50_000 });
    expect(seen).toEqual([11_000, 1000, 11_999]);
    expect(result.words).toEqual([{ word: 'hello', startFrame: 1010, endFrame: 1020, confidence: 0.9 }]);
  });

  it('refuses hostile or impossible input with a clear error', async () => {
    const { api, dispatch } = service('hostile', null);
    const m = await start(api);
    await api.appendAudio({ sessionId: m.id, seq: 0, pcm: stereoChunks(new Int16Array(8000), 0)[0] ?? new Uint8Array(0) });
    const refused = async (input: unknown, message: RegExp, code = 'invalid-argument') =>
      expect(dispatch('transcribeTurn', input)).rejects.toMatchObject({ name: 'TryoutError', code, message: expect.stringMatching(message) });
    await refused({ sessionId: m.id, fromFrame: -1, toFrame: 10 }, /fromFrame: /);
    await refused({ sessionId: m.id, fromFrame: 1.5, toFrame: 10 }, /fromFrame: /);
    await refused({ sessionId: m.id, fromFrame: '0', toFrame: 10 }, /fromFrame: /);
    await refused({ sessionId: m.id, fromFrame: 0, toFrame: Number.POSITIVE_INFINITY }, /toFrame: /);
    await refused({ sessionId: m.id, fromFrame: 0, toFrame: 2 ** 40 }, /toFrame: /);
    await refused({ sessionId: m.id, fromFrame: 10, toFrame: 10 }, /toFrame: toFrame must be after fromFrame/);
    await refused({ sessionId: m.id, fromFrame: 10 }, /toFrame: is required/);
    await refused({ sessionId: m.id, fromFrame: 0, toFrame: 10, channel: 0 }, /unrecognized key/i);
    await refused({ sessionId: '../../etc/passwd', fromFrame: 0, toFrame: 10 }, /sessionId: session id must be/);
    await refused(null, /input: /);
    await refused({ sessionId: m.id, fromFrame: 0, toFrame: 600 * 16_000 + 1 }, /At most 10 minutes/);
    await refused({ sessionId: m.id, fromFrame: 8000, toFrame: 9000 }, /only 8000 frames so far; frame 8000 is past its end/);
    await refused({ sessionId: '20991231-235959-nosuch', fromFrame: 0, toFrame: 10 }, /There is no usable session/, 'not-found');
  });
});
