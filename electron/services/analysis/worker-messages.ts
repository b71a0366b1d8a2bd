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

export type WorkerReply =
  | { readonly type: 'progress'; readonly progress: AnalysisProgress }
  | { readonly type: 'done'; readonly analysis: SessionAnalysis; readonly peaks: WaveformPeaks }
  | { readonly type: 'error'; readonly code: ApiErrorCode; readonly message: string };
