import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionAnalysis } from '../../../core/analysis/analyze.js';
import type { AnalysisStatus } from '../../../core/analysis/progress.js';
import { client } from '../../client.js';

const POLL_MS = 500;

export interface FindingsState {
  readonly analysis: SessionAnalysis | null;
  /** Progress of a running analysis, or null when none runs. */
  readonly progress: AnalysisStatus | null;
  readonly error: string | null;
  /** Runs (or re-runs) the checks on the session. */
  readonly run: () => void;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const QUEUED: AnalysisStatus = { state: 'queued', stage: null, fraction: 0, message: null };

/**
 * The findings of a session: the saved analysis, or the one the back end is making (it analyses
 * every call as soon as it ends), whose progress is polled. `autoRun` (after a practice call)
 * shows it as queued from the start, and runs it here only if the back end had not queued it.
 */
export function useFindings(sessionId: string, autoRun: boolean): FindingsState {
  const [analysis, setAnalysis] = useState<SessionAnalysis | null>(null);
  const [progress, setProgress] = useState<AnalysisStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);

  const poll = useCallback(async (request?: { settled: boolean }): Promise<AnalysisStatus | null> => {
    // Poll until the running analysis (started here or elsewhere) is over. While our own
    // request is in flight, an idle answer only means the back end has not queued it yet.
    for (;;) {
      const status = await client.getAnalysisProgress({ sessionId });
      if (!alive.current || request?.settled) return null;
      if (status.state !== 'queued' && status.state !== 'running' && !request) {
        setProgress(null);
        return status;
      }
      if (status.state === 'queued' || status.state === 'running') setProgress(status);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }, [sessionId]);

  const run = useCallback(() => {
    setError(null);
    setProgress({ state: 'queued', stage: null, fraction: 0, message: null });
    const request = { settled: false };
    const started = client.analyzeSession({ sessionId });
    void started.finally(() => (request.settled = true)).catch(() => undefined);
    void poll(request).catch(() => undefined);
    started.then(
      (result) => {
        if (!alive.current) return;
        setAnalysis(result);
        setProgress(null);
      },
      (e: unknown) => {
        if (!alive.current) return;
        setError(message(e));
        setProgress(null);
      },
    );
  }, [sessionId, poll]);

  useEffect(() => {
    alive.current = true;
    setAnalysis(null);
    setError(null);
    setProgress(autoRun ? QUEUED : null);
    void (async () => {
      // Both at once: a saved analysis shows without waiting for a second round trip.
      const [status, saved] = await Promise.all([client.getAnalysisProgress({ sessionId }), client.getAnalysis({ sessionId })]);
      if (!alive.current) return;
      let last: AnalysisStatus | null = status;
      let shown = saved;
      if (status.state === 'queued' || status.state === 'running') {
        setProgress(status);
        last = await poll();
        shown = await client.getAnalysis({ sessionId });
      } else if (autoRun && !saved && status.state === 'idle') {
        run();
        return;
      }
      if (!alive.current) return;
      setProgress(null);
      setAnalysis(shown);
      if (last?.state === 'failed') setError(last.message ?? 'The checks could not run on this session.');
    })().catch((e: unknown) => {
      if (!alive.current) return;
      setProgress(null);
      setError(message(e));
    });
    return () => {
      alive.current = false;
    };
  }, [sessionId, autoRun, run, poll]);

  return { analysis, progress, error, run };
}
