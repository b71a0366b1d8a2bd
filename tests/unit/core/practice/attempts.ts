import type { Finding } from '../../../../core/analysis/findings.js';
import { practiceProgress, type AttemptInput } from '../../../../core/practice/progress.js';
import { analysisOf } from '../../../support/practice-sessions.js';

/** One practice attempt as the back end hands it in: a real analysis, so the session's result is the real one. */
export function attempt(sessionId: string, createdAt: string, findings: readonly Finding[] | null, scenarioId = 'late-parcel'): AttemptInput {
  const scenarioTitle = scenarioId === 'late-parcel' ? 'Late parcel' : 'Not listening';
  return { sessionId, createdAt, scenarioId, scenarioTitle, analysis: findings ? analysisOf(sessionId, scenarioId, findings) : null };
}

/** The attempts (oldest first, with their results) and items, as progress.ts makes them. */
export function attemptsOf(inputs: readonly AttemptInput[]) {
  const { attempts, items } = practiceProgress('Ada', null, inputs);
  return { attempts, items };
}
