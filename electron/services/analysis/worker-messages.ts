import type { SessionAnalysis } from '../../../core/analysis/analyze.js';
import type { WaveformPeaks } from '../../../core/analysis/peaks.js';
import type { ApiErrorCode } from '../../../core/errors.js';
import type { SpeechChoice } from '../transcription/choose-transcriber.js';
import type { AnalysisJob, AnalysisProgress } from './analysis-job.js';

/** Messages between the analysis runner and its worker thread. */
export interface WorkerRequest {
  readonly job: AnalysisJob;
  /** Which speech recogniser the settings ask for. */
  readonly speech: SpeechChoice;
  /** Recogniser processes allowed at the start; changed later by ParallelismMessage. */
  readonly parallelism: number;
}

/** From the runner while the job runs: a call started or ended, so the recogniser limit changes. */
export interface ParallelismMessage {
  readonly type: 'parallelism';
  readonly limit: number;
}

/** To a worker started ahead (AnalysisRunner.prewarm): its job. */
export interface JobMessage {
  readonly type: 'job';
  readonly request: WorkerRequest;
}

/** To a worker started ahead, at once: load what every analysis needs (see warm-up.ts). */
export interface WarmMessage {
  readonly type: 'warm';
  readonly scenariosDir: string;
}

/** To a worker started ahead, while a call runs: track the pitch of what the session recorded so far. */
export interface AheadMessage {
  readonly type: 'ahead';
  readonly sessionDir: string;
}

export type WorkerReply =
  | { readonly type: 'progress'; readonly progress: AnalysisProgress }
  | { readonly type: 'done'; readonly analysis: SessionAnalysis; readonly peaks: WaveformPeaks }
  | { readonly type: 'error'; readonly code: ApiErrorCode; readonly message: string };
