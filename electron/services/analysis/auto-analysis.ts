import { defaultParallelism } from './analysis-job.js';

/**
 * Every call is analysed as soon as it ends, whatever the screen: the back end queues it and
 * the screens only show progress and results. What the queue needs from the analysis runner.
 */
export interface AutoAnalysisDeps {
  /** Queues an analysis (the runner: one at a time, status 'queued' at once). */
  readonly analyze: (sessionId: string) => Promise<unknown>;
  /** False: nothing is queued (the analysis then runs only when asked for). */
  readonly enabled: boolean;
  /** Whether an analysis is queued or running for the session now. */
  readonly busy: (sessionId: string) => boolean;
  /** Whether the session already has a usable analysis.json. */
  readonly analysed: (sessionId: string) => Promise<boolean>;
  readonly log: (message: string) => void;
}

export class AutoAnalysis {
  constructor(private readonly deps: AutoAnalysisDeps) {}

  /**
   * Queues the session's analysis unless it has one or one is under way. Resolves once it is
   * queued (its status says so), not when it is done; a failure is logged and shown as the status.
   */
  async queue(sessionId: string): Promise<void> {
    if (!this.deps.enabled || this.deps.busy(sessionId) || (await this.deps.analysed(sessionId))) return;
    this.deps.analyze(sessionId).catch((error: unknown) => {
      this.deps.log(`session ${sessionId}: the automatic analysis failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    });
  }

  /** Queues each session without an analysis (the ones recovered at start-up), in order. */
  async queueAll(sessionIds: readonly string[]): Promise<void> {
    for (const id of sessionIds) await this.queue(id);
  }
}

/** Recogniser processes an analysis may use: one while any call is being recorded (the call keeps a core), else min(4, cores). */
export function recogniserLimit(recordingCalls: number, cores = defaultParallelism()): number {
  return recordingCalls > 0 ? 1 : Math.max(1, cores);
}
