import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureSession } from '../../../../core/analysis/measure.js';
import { buildTimeline } from '../../../../core/analysis/timeline.js';
import { parseEvents } from '../../../../electron/services/session/session-files.js';
import { runAnalysisJob } from '../../../../electron/services/analysis/analysis-job.js';
import { PitchAhead } from '../../../../electron/services/analysis/pitch-ahead.js';
import { cachedPitchFrames, PITCH_FRAMES_FILE, readPitchFrames } from '../../../../electron/services/analysis/pitch-cache.js';
import type { SpanTranscriber } from '../../../../electron/services/analysis/span-transcriber.js';
import { jsonText } from '../../../../electron/services/storage/atomic-write.js';
import { readWav, WAV_HEADER_BYTES } from '../../../../electron/services/session/wav.js';
import { shippedScenario } from '../../../support/judgement-fixtures.js';
import { buildSession, evenTranscript, writeSessionFolder, type Part } from '../../../support/synthetic-session.js';
import { clipOf, IMPATIENT_NOT_LISTENING, voice } from '../../core/analysis/session-fixtures.js';
import { tempRoot } from '../fixtures.js';

const SESSION = '20261203-100000-pitchc';
const REPEATS = ['again-1', 'again-2', 'again-3'];
const scenario = shippedScenario('not-listening');

/** Gives the answers' own words, in order (the job transcribes one answer at a time with an engine other than pocketsphinx). */
function scriptedTranscriber(): SpanTranscriber {
  let next = 0;
  return {
    engine: 'scripted',
    transcribe: async (samples) => evenTranscript(IMPATIENT_NOT_LISTENING[next++] ?? '', 0, samples.length),
  };
}

/** analysis.json as the runner writes it, for the session folder as it is now. */
async function analysisText(dir: string): Promise<string> {
  const { analysis } = await runAnalysisJob({ sessionId: SESSION, sessionDir: dir, scenario, scenariosDir: 'scenarios' }, scriptedTranscriber(), () => undefined);
  return jsonText(analysis);
}

/** How many answer segments the cache gave, and how many were tracked again. */
async function cacheUse(dir: string): Promise<{ reused: number; tracked: number }> {
  const wav = readWav(join(dir, 'audio.wav'));
  const audio = { sampleRate: wav.sampleRate, customer: wav.samples[0] ?? new Int16Array(0), trainee: wav.samples[1] ?? new Int16Array(0) };
  const { events } = parseEvents(readFileSync(join(dir, 'events.jsonl'), 'utf8'));
  const use = cachedPitchFrames(await readPitchFrames(dir, audio.sampleRate));
  measureSession(audio, buildTimeline(scenario, events, audio.trainee.length), [], { sighMinSeconds: 0.35, pitchFrames: use.pitchFrames });
  return use.counts();
}

describe('pitch tracked during the call (pitch-frames.jsonl)', () => {
  let root: string;
  let dir: string;
  let scratch: string;

  beforeAll(async () => {
    root = tempRoot('pitch-cache');
    const parts: Part[] = [
      { say: 'ask-why', clip: clipOf('not-listening', 'ask-why') },
      { listen: 'answer', answer: voice(IMPATIENT_NOT_LISTENING[0] ?? ''), delaySeconds: 0.6 },
      ...REPEATS.map((id, i): Part => ({ listen: id, repeat: { clip: clipOf('not-listening', id) }, answer: voice(IMPATIENT_NOT_LISTENING[i + 1] ?? '', 'kal'), delaySeconds: 0.5, gainDb: 3 * (i + 1) })),
      { say: 'wrap-up', clip: clipOf('not-listening', 'wrap-up') },
    ];
    const built = buildSession(parts, 'not-listening');
    dir = writeSessionFolder(join(root, 'data'), SESSION, 'not-listening', built);
    scratch = join(root, 'scratch');
    cpSync(dir, scratch, { recursive: true });
    // The call as it goes: a pass when half was recorded (the header still says the whole length), another at the end.
    const wav = readFileSync(join(dir, 'audio.wav'));
    const half = Math.floor(built.trainee.length / 2);
    writeFileSync(join(dir, 'audio.wav'), wav.subarray(0, WAV_HEADER_BYTES + 4 * half));
    const ahead = new PitchAhead(dir);
    const early = await ahead.pass();
    writeFileSync(join(dir, 'audio.wav'), wav);
    const late = await ahead.pass();
    expect(early).toBeGreaterThan(0);
    expect(late).toBeGreaterThan(0);
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('gives every answer segment its frames, so nothing is tracked at hang-up', async () => {
    const use = await cacheUse(dir);
    expect(use.reused).toBeGreaterThanOrEqual(4);
    expect(use.tracked).toBe(0);
  });

  it('gives the same analysis.json, byte for byte, as tracking the pitch at hang-up', async () => {
    const cached = await analysisText(dir);
    expect(await cacheUse(scratch)).toEqual({ reused: 0, tracked: expect.any(Number) as number });
    const fresh = await analysisText(scratch);
    expect(cached).toBe(fresh);
    expect(cached).toContain('"pitchMedianHz"');
    expect(JSON.parse(cached).turns.some((t: { pitchMedianHz: number | null }) => t.pitchMedianHz !== null)).toBe(true);
  });

  it('ignores damaged, foreign and stale entries, and the analysis stays what a fresh one gives', async () => {
    const damaged = join(root, 'damaged');
    const fresh = join(root, 'fresh');
    cpSync(dir, damaged, { recursive: true });
    const lines = readFileSync(join(damaged, PITCH_FRAMES_FILE), 'utf8').trim().split('\n');
    const entries = lines.map((l) => JSON.parse(l) as { start: number; end: number; tracker: string; db: string });
    const total = (await cacheUse(dir)).reused;
    expect(lines.length).toBeGreaterThanOrEqual(4);
    // 0: cut short by a crash; 1: a value changed on disk; 2: made by another pitch tracker.
    const bitFlipped = { ...entries[1], db: `${entries[1]?.db.startsWith('A') ? 'B' : 'A'}${entries[1]?.db.slice(1) ?? ''}` };
    const foreign = { ...entries[2], tracker: 'another tracker' };
    writeFileSync(join(damaged, PITCH_FRAMES_FILE), [(lines[0] ?? '').slice(0, 200), JSON.stringify(bitFlipped), JSON.stringify(foreign), ...lines.slice(3)].join('\n'));
    // 3: stale, the recording changed under it (a few samples of its segment).
    const wav = readFileSync(join(damaged, 'audio.wav'));
    const stale = entries[3];
    if (!stale) throw new Error('no fourth segment');
    for (let f = stale.start + 100; f < stale.start + 400; f++) wav.writeInt16LE(Math.round(wav.readInt16LE(WAV_HEADER_BYTES + 4 * f + 2) / 2), WAV_HEADER_BYTES + 4 * f + 2);
    writeFileSync(join(damaged, 'audio.wav'), wav);
    cpSync(damaged, fresh, { recursive: true });
    rmSync(join(fresh, PITCH_FRAMES_FILE));

    expect(await cacheUse(damaged)).toEqual({ reused: total - 4, tracked: 4 });
    expect(await analysisText(damaged)).toBe(await analysisText(fresh));
  });
});
