import { useMemo } from 'react';
import { debriefOf, type Debrief } from '../../../core/debrief/debrief.js';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';
import { useFindings } from '../findings/use-findings.js';
import { useSessionResult } from '../findings/use-session-result.js';

export interface DebriefState {
  /** null until the checks of the call are done (or when they could not run). */
  readonly debrief: Debrief | null;
  /** 'preparing' while the back end checks the call, 'failed' when it could not. */
  readonly state: 'preparing' | 'done' | 'failed';
  /** 0..1 while preparing. */
  readonly fraction: number;
  readonly sampleRate: number;
  readonly recordingUrl: string;
}

/**
 * The debrief of a practice call: the analysis the back end makes as the call ends (polled by
 * useFindings), its one result (useSessionResult), and the scenario, checklists and moves of
 * the loaded catalog for model answers and tips.
 */
export function useDebrief(sessionId: string): DebriefState {
  const findings = useFindings(sessionId, true);
  const { analysis } = findings;
  const result = useSessionResult(analysis?.findings);
  const catalog = useStore((s) => s.catalog);
  const debrief = useMemo(() => {
    if (!analysis || !result) return null;
    return debriefOf({
      result,
      analysis,
      scenario: catalog?.scenarios.find((s) => s.id === analysis.scenarioId) ?? null,
      checklists: catalog?.checklists ?? [],
      vocabulary: catalog?.vocabulary ?? null,
    });
  }, [analysis, result, catalog]);
  const state = findings.progress ? 'preparing' : debrief ? 'done' : findings.error ? 'failed' : 'preparing';
  return {
    debrief,
    state,
    fraction: findings.progress?.fraction ?? 0,
    sampleRate: analysis?.sampleRate ?? 16_000,
    recordingUrl: client.recordingUrl(sessionId),
  };
}
