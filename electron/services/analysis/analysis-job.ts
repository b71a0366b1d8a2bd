import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { analyzeSession, judgedAnswersOf, prepareAnalysis, type SessionAnalysis } from '../../../core/analysis/analyze.js';
import { speechOf, transcriptionSpans } from '../../../core/analysis/measure.js';
import { namesToListenFor } from '../../../core/analysis/evaluate.js';
import { computePeaks, type WaveformPeaks } from '../../../core/analysis/peaks.js';
import { buildTimeline } from '../../../core/analysis/timeline.js';
import type { TurnTranscript } from '../../../core/analysis/transcript.js';
import type { ChecklistId } from '../../../core/analysis/checklist-schema.js';
import type { Scenario } from '../../../core/scenario/schema.js';
import { parseEvents } from '../session/session-files.js';
import { readWav } from '../session/wav.js';
import { readTurnTranscripts } from '../transcription/turn-transcript-file.js';
import { mapWithLimit } from './map-with-limit.js';
import { savedTranscriptFor } from './saved-transcripts.js';
import { shiftTranscript, type SpanTranscriber } from './span-transcriber.js';
import type { Spotter } from '../speech/spotter.js';
import { checkInAudio } from './audio-check.js';
import { spellChecker } from './spell-checker.js';
import { cachedPitchFrames, readPitchFrames } from './pitch-cache.js';
import { analysisRules } from './warm-up.js';

export interface AnalysisJob {
  readonly sessionId: string;
  readonly sessionDir: string;
  /** The scenario the session played (looked up by the runner in the scenario library). */
  readonly scenario: Scenario;
  /** Where checklists/<id>.yaml are: the shipped scenarios folder. */
  readonly scenariosDir: string;
  /** A tryout session's checklists in force (its manifest's checklistIds). */
  readonly checklistIds?: readonly ChecklistId[] | undefined;
}

/** Progress of one analysis: a stage for people and a fraction for a bar. */
export interface AnalysisProgress {
  readonly stage: 'reading' | 'transcribing' | 'analysing' | 'done';
  readonly fraction: number;
}

export interface AnalysisJobOptions {
  /**
   * How many recogniser processes may run side by side, read as each answer starts (the runner
   * lowers it to 1 while a call is being recorded); min(4, cores) by default.
   */
  readonly parallelism?: () => number;
  /** The phrase spotter, for a second opinion on red flags in the audio; none: transcript only. */
  readonly spotter?: Spotter;
}

/** At most this many pocketsphinx processes at once: more only adds model loading on 2-4 cores. */
const MAX_RECOGNISERS = 4;

export function defaultParallelism(): number {
  return Math.max(1, Math.min(MAX_RECOGNISERS, availableParallelism()));
}

/** What one job produces: analysis.json and the waveform peaks for the replay screen (peaks.json). */
export interface AnalysisJobResult {
  readonly analysis: SessionAnalysis;
  readonly peaks: WaveformPeaks;
}

/**
 * Reads a session folder, draws its waveform peaks, transcribes each spoken answer (reusing the
 * transcripts made during the call by the same engine) and runs the checks. Node only; runs in the worker.
 */
export async function runAnalysisJob(
  job: AnalysisJob,
  recogniser: SpanTranscriber | { readonly unavailable: string },
  onProgress: (p: AnalysisProgress) => void,
  options: AnalysisJobOptions = {},
): Promise<AnalysisJobResult> {
  onProgress({ stage: 'reading', fraction: 0 });
  const scenario = job.scenario;
  const transcriber = 'unavailable' in recogniser ? null : recogniser;
  const { events } = parseEvents(await readFile(join(job.sessionDir, 'events.jsonl'), 'utf8'));
  const wav = readWav(join(job.sessionDir, 'audio.wav'));
  const audio = { sampleRate: wav.sampleRate, customer: wav.samples[0] ?? new Int16Array(0), trainee: wav.samples[1] ?? new Int16Array(0) };
  // Parsed by the worker while the call ran, unless a file changed since (warm-up.ts).
  const { checklists, vocabulary } = analysisRules(job.scenariosDir);
  const peaks = computePeaks([audio.customer, audio.trainee], audio.sampleRate);

  // Worked out once here and handed on: the spans and the measures both need the speech.
  const timeline = buildTimeline(scenario, events, audio.trainee.length);
  const speech = speechOf(audio, timeline);
  const spans = transcriptionSpans(audio, timeline, speech);
  const total = spans.filter((s) => s !== null).length;
  let done = 0;
  onProgress({ stage: 'transcribing', fraction: 0.05 });
  // pocketsphinx runs as separate processes, so answers are transcribed side by side on the
  // available cores (most of the time is each process loading its model); whisper.cpp already
  // uses every core in one call. Results keep the answers' order, so the output is unchanged.
  const limit = options.parallelism ?? defaultParallelism;
  const parallel = transcriber?.engine === 'pocketsphinx' ? limit : () => 1;
  const saved = transcriber ? await readTurnTranscripts(job.sessionDir).catch(() => ({ transcripts: [] })) : { transcripts: [] };
  let reused = 0;
  const transcripts = await mapWithLimit(spans, parallel, async (span): Promise<TurnTranscript | null> => {
    if (!span || !transcriber) return null;
    const kept = savedTranscriptFor(span, transcriber.engine, saved.transcripts, audio.sampleRate);
    if (kept) reused++;
    const t = kept ?? shiftTranscript(await transcriber.transcribe(audio.trainee.slice(span.start, span.end), audio.sampleRate), span.start);
    done++;
    onProgress({ stage: 'transcribing', fraction: 0.05 + (0.85 * done) / Math.max(1, total) });
    return t;
  });
  onProgress({ stage: 'analysing', fraction: 0.9 });
  const isWord = events.some((e) => e.type === 'typed-submitted') ? await spellChecker() : null;
  const reuseNote = reused > 0 ? `${reused} of ${total} answers reused the transcript made during the call.` : undefined;
  const note = [transcriber?.note, reuseNote].filter((n) => n !== undefined).join(' ');
  const engine = transcriber ? { engine: transcriber.engine, ...(note === '' ? {} : { note }) } : { engine: 'none', note: `${'unavailable' in recogniser ? recogniser.unavailable : ''} Phrase checks on spoken answers need review.`.trim() };
  const input = { sessionId: job.sessionId, scenario, events, audio, transcripts, checklists, checklistsInForce: job.checklistIds, isWord, vocabulary, transcriber: engine };
  // The pitch tracked during the call (pitch-ahead.ts), where it fits these segments exactly.
  const pitch = cachedPitchFrames(await readPitchFrames(job.sessionDir, audio.sampleRate).catch(() => new Map()));
  const prepared = prepareAnalysis(input, { speech, pitchFrames: pitch.pitchFrames });
  // Without the spotter (it failed to load) the judgement rests on the transcript alone.
  const audioCheck = options.spotter ? await checkInAudio(options.spotter, judgedAnswersOf(input, prepared), audio, namesToListenFor(checklists, scenario)) : {};
  const analysis = analyzeSession({ ...input, audioCheck }, prepared);
  return { analysis, peaks };
}
