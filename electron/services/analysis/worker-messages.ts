import type { SessionAnalysis } from '../../../core/analysis/analyze.js';
import type { ApiErrorCode } from '../../../core/errors.js';
import type { AnalysisJob, AnalysisProgress } from './analysis-job.js';

/** Messages between the analysis runner and its worker thread. */
export interface WorkerRequest {
  readonly job: AnalysisJob;
}

export type WorkerReply =
  | { readonly type: 'progress'; readonly progress: AnalysisProgress }
  | { readonly type: 'done'; readonly analysis: SessionAnalysis }
  | { readonly type: 'error'; readonly code: ApiErrorCode; readonly message: string };
