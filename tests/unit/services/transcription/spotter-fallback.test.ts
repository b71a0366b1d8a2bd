import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeTurn } from '../../../../core/analysis/turn-checks.js';
import type { TurnTranscription } from '../../../../core/session/transcription.js';
import type { Turn } from '../../../../core/scenario/turns.js';
import { defaultSpanTranscriber, scenarioSpotterFallback } from '../../../../electron/services/analysis/default-transcriber.js';
import { loadChecklists } from '../../../../electron/services/analysis/checklist-repository.js';
import { createSpotter } from '../../../../electron/services/speech/spotter.js';
import { createTrainerService } from '../../../../electron/services/trainer-service.js';
import { createSpotterTranscriber, type SpotterTranscriber } from '../../../../electron/services/transcription/spotter-transcriber.js';
import type { Transcriber } from '../../../../electron/services/transcription/transcriber.js';
import { parseTurnTranscripts } from '../../../../electron/services/transcription/turn-transcript-file.js';
import { shippedScenario, shippedVocabulary } from '../../../support/judgement-fixtures.js';
import { festivalAnswer, hasFestival, speechSpan } from '../speech/festival-answer.js';

if (!hasFestival) console.warn('spotter-fallback.test: text2wave or sox not found, tests skipped (apt-get install festival festvox-us-slt-hts sox)');

const SR = 16_000;
const scenariosDir = resolve('scenarios');
const RUDE = "You must have paid it twice. Calm down, it's only ninety pounds.";
const CONCRETE = "I'm refunding the second ninety pounds now; you'll see it back in three to five working days.";
/** Pocketsphinx as it is on a machine without it. */
const NOT_INSTALLED: Transcriber = {
  engine: 'pocketsphinx',
  availability: async () => ({ available: false, message: 'Speech recognition is not installed: the program pocketsphinx_continuous was not found.' }),
  transcribe: () => Promise.reject(new Error('not called')),
};

/** Stereo 16-bit PCM chunks of 8000 frames: silence on the customer's channel, `mic` on the trainee's after `lead` frames. */
function stereoChunks(mic: Int16Array, lead: number): Uint8Array<ArrayBuffer>[] {
  const frames = lead + mic.length;
  const all = new Int16Array(frames * 2);
  mic.forEach((v, i) => (all[(lead + i) * 2 + 1] = v));
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for (let f = 0; f < frames; f += 8000) chunks.push(new Uint8Array(all.slice(f * 2, Math.min(frames, f + 8000) * 2).buffer));
  return chunks;
}

/** The live turn the call screen hands to the checks, with the transcript transcribeTurn gave. */
function turnOf(stepId: string, t: TurnTranscription, speech: { start: number; end: number }): Turn {
  return {
    stepId, kind: 'spoken', invitedFrame: 0, endedFrame: speech.end + SR, speechStartFrame: speech.start, speechEndFrame: speech.end, text: null, repeatOf: null,
    transcript: t.text, transcribedBy: t.engine, talkedOver: false, checks: {},
  };
}

describe.runIf(hasFestival)('the phrase spotter where no transcriber is installed', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tryout-spotter-fallback-'));
  const dataDir = join(dir, 'data');
  const service = createTrainerService({ dataDir, scenariosDir, transcriber: NOT_INSTALLED, log: () => undefined, analyseFinishedCalls: false, retentionSweepAtStartup: false });
  const lead = SR;
  let rude: Int16Array;
  let concrete: Int16Array;
  beforeAll(() => {
    rude = festivalAnswer(dir, 'rude', RUDE);
    concrete = festivalAnswer(dir, 'concrete', CONCRETE);
  });
  afterAll(async () => {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function answer(stepId: string, mic: Int16Array) {
    const m = await service.api.startSession({ scenarioId: 'angry-caller', candidate: { name: 'Ada' }, sampleRate: SR });
    for (const [seq, pcm] of stereoChunks(mic, lead).entries()) await service.api.appendAudio({ sessionId: m.id, seq, pcm });
    const result = await service.api.transcribeTurn({ sessionId: m.id, fromFrame: 0, toFrame: lead + mic.length, stepId });
    return { sessionId: m.id, result };
  }

  it('transcribeTurn answers with the spotted phrases\' words, times in audio.wav frames and confidences, and saves them', async () => {
    const { sessionId, result } = await answer('first-answer', rude);
    expect(result.engine).toMatch(/^soundswallower-spotter \d+\.\d+\.\d+$/);
    expect(result.message).toBeNull();
    expect(result.text).toContain('you must have paid it twice');
    expect(result.text).toContain('calm down');
    const span = speechSpan(rude);
    const slack = 0.15 * SR;
    for (const w of result.words) {
      expect(w.startFrame).toBeGreaterThanOrEqual(lead + span.start - slack);
      expect(w.endFrame).toBeLessThanOrEqual(lead + span.end + slack);
      expect(w.endFrame).toBeGreaterThan(w.startFrame);
      expect(w.confidence).toBeGreaterThan(0.3);
      expect(w.confidence).toBeLessThanOrEqual(1);
    }
    expect(result.words.map((w) => w.word).join(' ')).toBe(result.text);
    const starts = result.words.map((w) => w.startFrame);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // "calm" comes after the first sentence.
    const twice = result.words.find((w) => w.word === 'twice');
    const calm = result.words.find((w) => w.word === 'calm');
    expect(calm?.startFrame).toBeGreaterThan(twice?.endFrame ?? Infinity);
    const saved = parseTurnTranscripts(readFileSync(join(dataDir, 'sessions', sessionId, 'turn-transcripts.jsonl'), 'utf8'));
    expect(saved.transcripts).toMatchObject([{ stepId: 'first-answer', engine: result.engine, text: result.text }]);
  });

  it('the live checks branch on the spotted words: a rude answer fails no-red-flags, a concrete one gives a next step', async () => {
    const scenario = shippedScenario('angry-caller');
    const { checklists } = loadChecklists(scenariosDir);
    const vocabulary = shippedVocabulary();
    const first = (await answer('first-answer', rude)).result;
    const second = (await answer('second-answer', concrete)).result;
    expect(second.text).toContain("i'm refunding the second ninety pounds now");
    const shift = (s: { start: number; end: number }) => ({ start: lead + s.start, end: lead + s.end });
    expect(judgeTurn(checklists, scenario, turnOf('first-answer', first, shift(speechSpan(rude))), vocabulary)['respect.no-red-flags']).toBe('fail');
    const checks = judgeTurn(checklists, scenario, turnOf('second-answer', second, shift(speechSpan(concrete))), vocabulary);
    expect(checks['respect.no-red-flags']).toBe('pass');
    expect(checks['respect.gives-next-step']).toBe('pass');
  });

  it('spots an answer as it arrives once its listen step has started, stretch by stretch at its pauses, with the same words as the whole answer', async () => {
    // The rude answer twice, with a second of silence between: two stretches.
    const twice = new Int16Array(rude.length * 2 + SR);
    twice.set(rude);
    twice.set(rude, rude.length + SR);
    const real = createSpotterTranscriber(createSpotter());
    const used: string[] = [];
    const counted: SpotterTranscriber = {
      ...real,
      transcribe: (samples, phrases) => (used.push('whole'), real.transcribe(samples, phrases)),
      listen: (phrases) => (used.push('live'), real.listen(phrases)),
    };
    const live = createTrainerService({ dataDir: join(dir, 'live'), scenariosDir, transcriber: NOT_INSTALLED, turnSpotter: counted, log: () => undefined, analyseFinishedCalls: false, retentionSweepAtStartup: false });
    try {
      const m = await live.api.startSession({ scenarioId: 'angry-caller', candidate: { name: 'Ada' }, sampleRate: SR });
      await live.api.appendEvents({ sessionId: m.id, events: [{ type: 'listen-started', frame: lead / 2, stepId: 'first-answer', timeoutSeconds: 12 }] });
      for (const [seq, pcm] of stereoChunks(twice, lead).entries()) await live.api.appendAudio({ sessionId: m.id, seq, pcm });
      const result = await live.api.transcribeTurn({ sessionId: m.id, fromFrame: lead / 2, toFrame: lead + twice.length, stepId: 'first-answer' });
      // Two stretches, cut at the second of silence; the whole answer was never spotted again.
      expect(used).toEqual(['live', 'live']);
      const whole = (await answer('first-answer', twice)).result;
      expect(result.text?.match(/calm down/g)).toHaveLength(2);
      expect(result.engine).toBe(whole.engine);
      expect(result.text).toBe(whole.text);
      result.words.forEach((w, i) => {
        expect(Math.abs(w.startFrame - (whole.words[i]?.startFrame ?? Infinity))).toBeLessThanOrEqual(0.1 * SR);
        expect(Math.abs(w.endFrame - (whole.words[i]?.endFrame ?? Infinity))).toBeLessThanOrEqual(0.1 * SR);
      });
    } finally {
      await live.close();
    }
  });

  it('the analysis transcriber falls back to the spotter per answer, named with its version and model and noted as a phrase spotter', async () => {
    const spotter = createSpotter();
    const found = await defaultSpanTranscriber({ engine: 'whisper', whisperModel: join(dir, 'no-model-here') }, scenarioSpotterFallback(spotter, { scenario: shippedScenario('angry-caller'), scenariosDir }));
    if ('unavailable' in found) throw new Error(found.unavailable);
    expect(found.engine).toBe(createSpotterTranscriber(spotter).engine);
    expect(found.note).toContain('Phrase spotter soundswallower');
    expect(found.note).toContain(spotter.engine.model);
    const t = await found.transcribe(concrete, SR);
    expect(t.text).toContain("i'm refunding the second ninety pounds now");
    const span = speechSpan(concrete);
    expect(t.words[0]?.startFrame).toBeGreaterThanOrEqual(span.start - 0.15 * SR);
    expect(t.words.at(-1)?.endFrame).toBeLessThanOrEqual(span.end + 0.15 * SR);
  });
});
