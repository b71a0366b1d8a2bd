import { TryoutError } from '../../../core/errors.js';
import type { RecogniserTest } from '../../../core/speech/engine-status.js';
import type { SpotPhrase } from '../../../core/speech/recognition.js';
import { chooseTranscriber, type SpeechChoice, type TranscriberFactories } from './choose-transcriber.js';
import type { SpotterTranscriber } from './spotter-transcriber.js';
import { TRANSCRIBER_SAMPLE_RATE, type Transcript } from './transcriber.js';

export interface RecogniserTestDeps {
  /** The settings' choice, as for the transcripts after a call. */
  readonly choice: SpeechChoice;
  /** The phrase spotter, for when no transcript engine can run (asked only then). */
  readonly spotter: () => SpotterTranscriber;
  /** What the spotter listens for: each scenario's phrases, one list per scenario in the library (asked only then). */
  readonly phrases: () => readonly (readonly SpotPhrase[])[];
  readonly make?: TranscriberFactories;
}

export interface RecordedSample {
  /** Mono 16-bit little-endian PCM. */
  readonly pcm: Uint8Array;
  readonly sampleRate: number;
}

/**
 * The coach's "test my microphone and recogniser": a short recording through the transcript
 * engine the settings choose; where none can run, through the phrase spotter listening for every
 * scenario's phrases (and the answer says so). An engine that fails is an error for the coach.
 */
export async function testRecogniser(deps: RecogniserTestDeps, recording: RecordedSample): Promise<RecogniserTest> {
  const samples = toTranscriberRate(pcmSamples(recording.pcm), recording.sampleRate);
  const seconds = samples.length / TRANSCRIBER_SAMPLE_RATE;
  const chosen = await chooseTranscriber(deps.choice, ...(deps.make ? [deps.make] : []));
  if ('transcriber' in chosen) {
    const engine = chosen.transcriber.engine;
    const transcript = await heard(engine, () => chosen.transcriber.transcribe(samples));
    // Why another engine was not used is on the status screen's table already.
    return { engine, spotter: false, seconds, ...timed(transcript), note: null };
  }
  // One grammar per scenario, as in a call: one grammar of every scenario's phrases (about 850)
  // took 38 s for 3 s of speech here and lost its path ("does not match the grammar").
  const grammars = deps.phrases().filter((g) => g.length > 0);
  const spotter = deps.spotter();
  const heardPerScenario: Transcript[] = [];
  for (const phrases of grammars) heardPerScenario.push(await heard('the phrase spotter', () => spotter.transcribe(samples, phrases)));
  const count = new Set(grammars.flat().map((p) => p.text.trim().toLowerCase())).size;
  const note = `No transcript engine here (${chosen.unavailable}) The phrase spotter listened only for the ${count} phrases of the ${grammars.length} installed scenarios, so other words are not shown.`;
  return { engine: spotter.engine, spotter: true, seconds, ...timed(mergeHeard(heardPerScenario)), note };
}

/**
 * The words heard by several grammars over the same audio, as one transcript: where two heard the
 * same stretch, the surer word is kept (a word overlapping a kept one by half its length or more is dropped).
 */
export function mergeHeard(transcripts: readonly Transcript[]): Transcript {
  const kept: Transcript['words'][number][] = [];
  const all = transcripts.flatMap((t) => t.words).sort((a, b) => b.confidence - a.confidence || a.startFrame - b.startFrame);
  for (const w of all) {
    const length = Math.max(1, w.endFrame - w.startFrame);
    const clash = kept.some((k) => Math.min(k.endFrame, w.endFrame) - Math.max(k.startFrame, w.startFrame) >= length / 2);
    if (!clash) kept.push(w);
  }
  const words = kept.sort((a, b) => a.startFrame - b.startFrame);
  return { text: words.map((w) => w.word).join(' '), words };
}

async function heard(engine: string, run: () => Promise<Transcript>): Promise<Transcript> {
  try {
    return await run();
  } catch (error) {
    throw new TryoutError('internal', `The recogniser (${engine}) failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function timed(t: Transcript): Pick<RecogniserTest, 'text' | 'words'> {
  const s = (frame: number) => Math.round((frame / TRANSCRIBER_SAMPLE_RATE) * 100) / 100;
  return { text: t.text, words: t.words.map((w) => ({ word: w.word, start: s(w.startFrame), end: s(w.endFrame), confidence: w.confidence })) };
}

export function pcmSamples(pcm: Uint8Array): Int16Array {
  const view = new DataView(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  const out = new Int16Array(Math.floor(pcm.byteLength / 2));
  for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true);
  return out;
}

/**
 * Mono samples at 16 kHz, the rate the recognisers take. Other rates are resampled by averaging
 * each output sample's stretch of input (a box filter: enough against aliasing for a 10 s test).
 */
export function toTranscriberRate(samples: Int16Array, sampleRate: number): Int16Array {
  if (sampleRate === TRANSCRIBER_SAMPLE_RATE) return samples;
  const ratio = sampleRate / TRANSCRIBER_SAMPLE_RATE;
  const out = new Int16Array(Math.floor(samples.length / ratio));
  for (let i = 0; i < out.length; i++) {
    const from = i * ratio;
    const to = Math.min(samples.length, from + Math.max(1, ratio));
    if (ratio < 1) {
      // Upsampling: linear interpolation between the two nearest input samples.
      const a = Math.floor(from);
      const frac = from - a;
      out[i] = Math.round((samples[a] ?? 0) * (1 - frac) + (samples[Math.min(a + 1, samples.length - 1)] ?? 0) * frac);
      continue;
    }
    let sum = 0;
    let n = 0;
    for (let j = Math.floor(from); j < Math.ceil(to); j++) {
      sum += samples[j] ?? 0;
      n++;
    }
    out[i] = Math.round(sum / Math.max(1, n));
  }
  return out;
}
