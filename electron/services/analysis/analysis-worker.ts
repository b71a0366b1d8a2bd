/**
 * The analysis worker thread: one job per thread, so a long transcription never blocks the
 * back end's event loop (audio chunks keep being written during a call).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TryoutError } from '../../../core/errors.js';
import { createSpotter } from '../speech/spotter.js';
import { runAnalysisJob } from './analysis-job.js';
import { defaultSpanTranscriber } from './default-transcriber.js';
import type { ParallelismMessage, WorkerReply, WorkerRequest } from './worker-messages.js';

const post = (reply: WorkerReply) => parentPort?.postMessage(reply);

async function main(request: WorkerRequest): Promise<void> {
  let parallelism = request.parallelism;
  parentPort?.on('message', (message: ParallelismMessage) => {
    if (message.type === 'parallelism') parallelism = message.limit;
  });
  try {
    const found = await defaultSpanTranscriber(request.speech);
    const transcriber = 'unavailable' in found ? { unavailable: found.unavailable } : found;
    const { analysis, peaks } = await runAnalysisJob(request.job, transcriber, (progress) => post({ type: 'progress', progress }), { parallelism: () => parallelism, spotter: createSpotter() });
    post({ type: 'done', analysis, peaks });
  } catch (error) {
    if (error instanceof TryoutError) post({ type: 'error', code: error.code, message: error.message });
    else post({ type: 'error', code: 'internal', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

// A worker started ahead of time (AnalysisRunner.prewarm) has its modules loaded and gets its job by message.
const given = workerData as WorkerRequest | null;
if (given) void main(given);
else parentPort?.once('message', (message: { readonly type: 'job'; readonly request: WorkerRequest }) => void main(message.request));
