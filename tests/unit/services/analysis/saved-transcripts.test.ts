import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnTranscript } from '../../../../core/analysis/transcript.js';
import { transcriptWindow } from '../../../../core/scenario/transcript-window.js';
import type { SessionEvent } from '../../../../core/session/events.js';
import type { SavedTurnTranscript } from '../../../../core/session/turn-transcripts.js';
import { runAnalysisJob } from '../../../../electron/services/analysis/analysis-job.js';
import { recogniserLimit } from '../../../../electron/services/analysis/auto-analysis.js';
import type { SpanTranscriber } from '../../../../electron/services/analysis/span-transcriber.js';
import { buildSession, RATE, writeSessionFolder, type Built, type Part } from '../../../support/synthetic-session.js';
import { clipOf, fixtureScenario, PATIENT_NOT_LISTENING, voice } from '../../core/analysis/session-fixtures.js';
import { tempRoot } from '../fixtures.js';

const SESSION = '20261203-100000-reused';
const STEPS = ['answer', 'again-1', 'again-2', 'again-3'];

/** A recogniser that counts its calls and how many run at once; it "hears" the same two words every time. */
function countingRecogniser(engine: string, delayMs = 20) {
  const stats = { calls: 0, active: 0, maxActive: 0 };
  const transcriber: SpanTranscriber = {
    engine,
    async transcribe(samples): Promise<TurnTranscript> {
      stats.calls++;
      stats.active++;
      stats.maxActive = Math.max(stats.maxActive, stats.active);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      stats.active--;
      const end = Math.min(samples.length, 8000);
      return { text: 'fresh words', words: [{ word: 'fresh', startFrame: 0, endFrame: end / 2, confidence: 0.9 }, { word: 'words', startFrame: end / 2, endFrame: end, confidence: 0.9 }] };
    },
  };
  return { transcriber, stats };
}

/** What the call screen saved for the turn of `stepId`: the window it asks for, words spread over the speech, plus one word before the window. */
function savedFor(built: Built, stepId: string, engine: string, text: string): SavedTurnTranscript {
  const ended = built.events.find((e): e is Extract<SessionEvent, { type: 'turn-ended' }> => e.type === 'turn-ended' && e.stepId === stepId);
  if (!ended || ended.speechStartFrame === null) throw new Error(`no spoken turn ${stepId}`);
  const window = transcriptWindow({ invitedFrame: ended.speechStartFrame, endedFrame: ended.frame, speechStartFrame: ended.speechStartFrame, speechEndFrame: ended.speechEndFrame }, RATE);
  const speech = built.answers[stepId] ?? { start: window.fromFrame, end: window.toFrame };
  const words = text.split(' ');
  const step = (speech.end - speech.start) / words.length;
  return {
    stepId,
    fromFrame: window.fromFrame,
    toFrame: window.toFrame,
    engine,
    text,
    words: words.map((word, i) => ({ word, startFrame: Math.round(speech.start + i * step), endFrame: Math.round(speech.start + (i + 1) * step), confidence: 0.8 })),
  };
}

describe('the analysis reuses the transcripts made during the call', () => {
  let root: string;
  let dir: string;
  let built: Built;
  const scenario = fixtureScenario('not-listening');
  const job = () => ({ sessionId: SESSION, sessionDir: dir, scenario, scenariosDir: 'scenarios' });
  const save = (lines: readonly SavedTurnTranscript[]) => writeFileSync(join(dir, 'turn-transcripts.jsonl'), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));

  beforeAll(() => {
    root = tempRoot('saved-transcripts');
    const parts: Part[] = [
      { say: 'ask-why', clip: clipOf('not-listening', 'ask-why') },
      { listen: 'answer', answer: voice(PATIENT_NOT_LISTENING[0] ?? ''), delaySeconds: 0.6 },
      ...STEPS.slice(1).map((id, i): Part => ({ listen: id, repeat: { clip: clipOf('not-listening', id) }, answer: voice(PATIENT_NOT_LISTENING[i + 1] ?? ''), delaySeconds: 0.5 })),
    ];
    built = buildSession(parts, 'not-listening');
    dir = writeSessionFolder(join(root, 'data'), SESSION, 'not-listening', built);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('does not run the recogniser on an answer a saved transcript of the same engine covers, and says how many it reused', async () => {
    const first = savedFor(built, 'answer', 'pocketsphinx', 'i want to work in customer service');
    // A word heard before the answer's stretch (the customer's line leaking in) is dropped.
    const leaked = { word: 'leaked', startFrame: Math.max(0, first.fromFrame - 16_000), endFrame: Math.max(1, first.fromFrame - 8_000), confidence: 0.5 };
    save([{ ...first, fromFrame: Math.max(0, first.fromFrame - 20_000), words: [leaked, ...first.words] }, savedFor(built, 'again-1', 'pocketsphinx', 'of course i enjoy helping people')]);
    const { transcriber, stats } = countingRecogniser('pocketsphinx');
    const { analysis } = await runAnalysisJob(job(), transcriber, () => undefined);
    expect(stats.calls).toBe(2);
    const texts = analysis.turns.filter((t) => t.kind === 'spoken').map((t) => t.transcript?.text);
    expect(texts).toEqual(['i want to work in customer service', 'of course i enjoy helping people', 'fresh words', 'fresh words']);
    expect(analysis.transcriber.engine).toBe('pocketsphinx');
    expect(analysis.transcriber.note).toContain('2 of 4 answers reused the transcript made during the call');
    // The reused words keep their frames and confidences, inside the answer's speech.
    const words = analysis.turns[0]?.transcript?.words ?? [];
    expect(words[0]).toMatchObject({ word: 'i', confidence: 0.8 });
    expect(words[0]?.startFrame).toBeGreaterThanOrEqual(built.answers['answer']?.start ?? Infinity);
  });

  it('transcribes every answer again when the saved transcripts come from another engine', async () => {
    save(STEPS.map((id) => savedFor(built, id, 'whisper', 'heard by another engine')));
    const { transcriber, stats } = countingRecogniser('pocketsphinx');
    const { analysis } = await runAnalysisJob(job(), transcriber, () => undefined);
    expect(stats.calls).toBe(4);
    expect(analysis.transcriber.note ?? '').not.toContain('reused');
  });

  it('transcribes an answer again when the saved transcript covers only part of it, and skips damaged lines', async () => {
    const whole = savedFor(built, 'answer', 'pocketsphinx', 'i want to work');
    const half = { ...whole, toFrame: whole.fromFrame + Math.round((whole.toFrame - whole.fromFrame) / 2) };
    writeFileSync(join(dir, 'turn-transcripts.jsonl'), `${JSON.stringify(half)}\n{"stepId":"answer","fromFrame":\n`);
    const { transcriber, stats } = countingRecogniser('pocketsphinx');
    await runAnalysisJob(job(), transcriber, () => undefined);
    expect(stats.calls).toBe(4);
  });
});

describe('recogniser processes during an analysis', () => {
  let root: string;
  let dir: string;
  beforeAll(() => {
    root = tempRoot('parallel');
    const parts: Part[] = [
      { say: 'ask-why', clip: clipOf('not-listening', 'ask-why') },
      { listen: 'answer', answer: voice('I like helping people.'), delaySeconds: 0.6 },
      ...STEPS.slice(1).map((id): Part => ({ listen: id, repeat: { clip: clipOf('not-listening', id) }, answer: voice('I like helping people.'), delaySeconds: 0.5 })),
    ];
    dir = writeSessionFolder(join(root, 'data'), SESSION, 'not-listening', buildSession(parts, 'not-listening'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const job = () => ({ sessionId: SESSION, sessionDir: dir, scenario: fixtureScenario('not-listening'), scenariosDir: 'scenarios' });

  it('runs one recogniser at a time while a call is being recorded, and several otherwise', async () => {
    expect(recogniserLimit(1, 4)).toBe(1);
    expect(recogniserLimit(0, 4)).toBe(4);
    let recording = 1;
    const during = countingRecogniser('pocketsphinx', 50);
    await runAnalysisJob(job(), during.transcriber, () => undefined, { parallelism: () => recogniserLimit(recording, 4) });
    expect(during.stats).toMatchObject({ calls: 4, maxActive: 1 });
    recording = 0;
    const after = countingRecogniser('pocketsphinx', 50);
    await runAnalysisJob(job(), after.transcriber, () => undefined, { parallelism: () => recogniserLimit(recording, 4) });
    expect(after.stats).toMatchObject({ calls: 4, maxActive: 4 });
  });

  it('drops to one recogniser for the answers left when a call starts mid-analysis', async () => {
    let recording = 0;
    const { transcriber, stats } = countingRecogniser('pocketsphinx', 50);
    const seen: number[] = [];
    const counting: SpanTranscriber = {
      engine: transcriber.engine,
      transcribe: async (samples, rate) => {
        seen.push(stats.active + 1);
        if (seen.length === 2) recording = 1; // two answers are under way when a call begins
        return transcriber.transcribe(samples, rate);
      },
    };
    await runAnalysisJob(job(), counting, () => undefined, { parallelism: () => recogniserLimit(recording, 2) });
    expect(stats.calls).toBe(4);
    // Two started before the call; the two after it ran alone.
    expect(seen).toEqual([1, 2, 1, 1]);
  });
});
