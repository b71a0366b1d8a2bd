import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWav } from '../../electron/services/session/wav.js';
import { rehearse, type RehearsalResult } from '../../scripts/rehearse/rehearsal.js';
import { loadVoice } from '../../scripts/rehearse/voices.js';
import { alignment, outsideWindows, rmsDb } from '../support/audio-checks.js';
import { speech } from '../../scripts/rehearse/speech.js';

const ANSWERS = [
  'I want to work in customer service because I enjoy helping people solve their problems.',
  'Of course. I enjoy helping people, and I like solving their problems calmly.',
  'No problem at all. I said that I really enjoy helping people with their problems.',
  'Happy to repeat it. Helping people and solving problems is what I enjoy most.',
];

// This is also the shipped not-listening scenario's end-to-end rehearsal (its one path).
describe('a spoken answer, recorded on one clock with the customer', () => {
  let run: RehearsalResult;
  beforeAll(async () => {
    const voices = ANSWERS.map((text, i) => loadVoice(speech(text, i % 2 === 0 ? 'us-slt' : 'kal')));
    run = await rehearse({ scenarioId: 'not-listening', voices, typed: [] });
  });

  it('saves a 2-channel 16-bit WAV at 16 kHz', () => {
    const wav = readWav(join(run.sessionDir, 'audio.wav'));
    expect(wav.channels).toBe(2);
    expect(wav.sampleRate).toBe(16_000);
    expect(run.detail.manifest.status).toBe('complete');
    expect(run.detail.manifest.durationFrames).toBe(wav.samples[0]?.length);
  });

  it('channel 1 carries each answer where it was spoken and is near-silent elsewhere', () => {
    const wav = readWav(join(run.sessionDir, 'audio.wav'));
    const mic = wav.samples[1] ?? new Int16Array(0);
    expect(run.drive.answers).toHaveLength(ANSWERS.length);
    const windows: [number, number][] = [];
    run.drive.answers.forEach((a, i) => {
      const voice = readWav(speech(ANSWERS[i] ?? '', i % 2 === 0 ? 'us-slt' : 'kal')).samples[0] ?? new Int16Array(0);
      const where = alignment(mic, voice, a.startFrame, 320);
      expect(Math.abs(where.lag), `answer ${i} lag`).toBeLessThanOrEqual(320);
      expect(where.correlation, `answer ${i} correlation`).toBeGreaterThan(0.95);
      expect(rmsDb(mic, a.startFrame, a.startFrame + a.frames)).toBeGreaterThan(-35);
      windows.push([a.startFrame + where.lag, a.startFrame + where.lag + a.frames]);
    });
    for (const [a, b] of outsideWindows(mic.length, windows, 160)) {
      if (b - a < 160) continue;
      expect(rmsDb(mic, a, b), `channel 1 between ${a} and ${b}`).toBeLessThan(-60);
    }
  });

  it('channel 0 carries each customer line where events.jsonl says it played (within 20 ms)', () => {
    const wav = readWav(join(run.sessionDir, 'audio.wav'));
    const bus = wav.samples[0] ?? new Int16Array(0);
    const lines = run.detail.events.filter((e) => e.type === 'line-started');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) {
      if (line.type !== 'line-started' || !line.clip) throw new Error('every shipped line has a clip');
      expect(line.voice).toBe('clip');
      const clip = readWav(join('scenarios/audio/not-listening', line.clip)).samples[0] ?? new Int16Array(0);
      const where = alignment(bus, clip, line.frame, 320);
      expect(Math.abs(where.lag), `${line.stepId} offset in frames`).toBeLessThanOrEqual(320);
      expect(where.correlation, `${line.stepId} correlation`).toBeGreaterThan(0.95);
    }
  });

  it('records each answer as a turn, and rehearse reports the steps and timings', () => {
    const spoken = run.summary.turns.filter((t) => t.kind === 'spoken');
    expect(spoken).toHaveLength(ANSWERS.length);
    for (const t of spoken) {
      expect(t.reason).toBe('silence');
      expect(t.durationSeconds).toBeGreaterThan(2);
      expect(t.latencySeconds).toBeGreaterThan(0.2);
      expect(t.latencySeconds).toBeLessThan(1.5);
    }
    expect(run.summary.steps.map((s) => s.id)).toEqual(['ask-why', 'answer', 'again-1', 'again-2', 'again-3', 'wrap-up']);
    expect(run.summary.status).toBe('complete');
  });
});
