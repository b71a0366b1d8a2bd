/**
 * The analysis worker thread: one job per thread, so a long transcription never blocks the
 * back end's event loop (audio chunks keep being written during a call).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TryoutError } from '../../../core/errors.js';
import { loadDictionary } from '../speech/pronunciations.js';
import { createSpotter, type Spotter } from '../speech/spotter.js';
import { runAnalysisJob } from './analysis-job.js';
import { defaultSpanTranscriber, scenarioSpotterFallback } from './default-transcriber.js';
import { readTurnTranscripts } from '../transcription/turn-transcript-file.js';
import { PitchAhead } from './pitch-ahead.js';
import { analysisRules, warmJudgement } from './warm-up.js';
import type { AheadMessage, JobMessage, ParallelismMessage, WarmMessage, WorkerReply, WorkerRequest } from './worker-messages.js';

const post = (reply: WorkerReply) => parentPort?.postMessage(reply);

async function main(request: WorkerRequest): Promise<void> {
  let parallelism = request.parallelism;
  parentPort?.on('message', (message: ParallelismMessage) => {
    if (message.type === 'parallelism') parallelism = message.limit;
  });
  try {
    // One spotter for the job: the stand-in transcriber (no recogniser installed) and the red-flag check.
    const spotter = workerSpotter();
    const found = await defaultSpanTranscriber(request.speech, scenarioSpotterFallback(spotter, request.job));
    const transcriber = 'unavailable' in found ? { unavailable: found.unavailable } : found;
    const { analysis, peaks } = await runAnalysisJob(request.job, transcriber, (progress) => post({ type: 'progress', progress }), { parallelism: () => parallelism, spotter });
    post({ type: 'done', analysis, peaks });
  } catch (error) {
    if (error instanceof TryoutError) post({ type: 'error', code: error.code, message: error.message });
    else post({ type: 'error', code: 'internal', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

/** The worker's spotter: loaded while it waits for its job (warm-up), then used by the job. */
let spotter: Spotter | null = null;
const workerSpotter = (): Spotter => (spotter ??= createSpotter());

/** Pitch tracked ahead per session folder; passes and the warm-up run one after another, and before the job. */
const ahead = new Map<string, PitchAhead>();
let aheadWork: Promise<unknown> = Promise.resolve();
let jobArrived = false;

function warmUp(scenariosDir: string): void {
  aheadWork = aheadWork
    .then(async () => {
      if (jobArrived) return;
      rulesDir = scenariosDir;
      const { vocabulary } = analysisRules(scenariosDir);
      if (vocabulary) warmJudgement(vocabulary);
      await workerSpotter().preload?.();
      // The pronunciations every spot looks words up in (read once per worker, 134k words).
      loadDictionary();
    })
    // Nothing is lost: the job loads what it needs itself.
    .catch(() => undefined);
}

/** The warm-up's scenarios folder, and how many of each session's saved transcripts were judged ahead. */
let rulesDir: string | null = null;
const judgedAhead = new Map<string, number>();

/** Judges the transcripts made since the last turn, to fill the judgement's caches with this call's words. */
async function judgeAhead(sessionDir: string): Promise<void> {
  const vocabulary = rulesDir === null ? null : analysisRules(rulesDir).vocabulary;
  if (!vocabulary || jobArrived) return;
  const { transcripts } = await readTurnTranscripts(sessionDir);
  const done = judgedAhead.get(sessionDir) ?? 0;
  warmJudgement(vocabulary, transcripts.slice(done).map((t) => t.text));
  judgedAhead.set(sessionDir, transcripts.length);
}

function trackAhead(sessionDir: string): void {
  const tracker = ahead.get(sessionDir) ?? new PitchAhead(sessionDir);
  ahead.set(sessionDir, tracker);
  // Only a cache: a pass that fails (the folder was deleted) leaves the analysis to track the pitch itself.
  aheadWork = aheadWork.then(() => tracker.pass()).catch(() => undefined);
  aheadWork = aheadWork.then(() => judgeAhead(sessionDir)).catch(() => undefined);
}

// A worker started ahead of time (AnalysisRunner.prewarm) has its modules loaded, tracks pitch
// while the call runs and gets its job by message.
const given = workerData as WorkerRequest | null;
if (given) void main(given);
else {
  const onMessage = (message: JobMessage | AheadMessage | WarmMessage | ParallelismMessage) => {
    if (message.type === 'warm') warmUp(message.scenariosDir);
    if (message.type === 'ahead') trackAhead(message.sessionDir);
    if (message.type !== 'job') return;
    jobArrived = true;
    parentPort?.off('message', onMessage);
    void aheadWork.then(() => main(message.request));
  };
  parentPort?.on('message', onMessage);
}
