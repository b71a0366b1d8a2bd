/** Where a session's analysis is, for the UI to poll (getAnalysisProgress). */
export interface AnalysisStatus {
  readonly state: 'idle' | 'queued' | 'running' | 'done' | 'failed';
  readonly stage: 'reading' | 'transcribing' | 'analysing' | 'done' | null;
  /** 0..1, for a progress bar. */
  readonly fraction: number;
  /** Why it failed, in plain English. */
  readonly message: string | null;
}

export const IDLE_ANALYSIS: AnalysisStatus = { state: 'idle', stage: null, fraction: 0, message: null };
