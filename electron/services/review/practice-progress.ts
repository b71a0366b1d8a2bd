import { practiceProgress, sameCandidate, type PracticeProgress } from '../../../core/practice/progress.js';
import type { SessionManifest } from '../../../core/session/manifest.js';
import { usableAnalysis } from '../analysis/analysis-file.js';
import { mapLimited } from '../storage/map-limited.js';
import { readReviews } from './review-files.js';

export interface PracticeProgressDeps {
  readonly dataDir: string;
  readonly log: (message: string) => void;
  /** Every session's manifest (the session store's list). */
  readonly listSessions: () => Promise<readonly SessionManifest[]>;
}

/**
 * A new hire's own practice attempts, their scores per checklist and what changed. Only this candidate's finished
 * practice sessions are read (tryout sessions are the coaches' to score, not the trainee's to see).
 */
export async function practiceProgressOf(deps: PracticeProgressDeps, request: { candidateName: string; scenarioId?: string | undefined }): Promise<PracticeProgress> {
  const practised = (await deps.listSessions()).filter((m) => sameCandidate(m.candidate.name, request.candidateName) && m.status !== 'recording' && m.tryoutId === undefined);
  // Only the filtered attempts' analyses are read; every practised scenario stays a choice in the filter.
  const mine = practised.filter((m) => request.scenarioId === undefined || m.scenarioId === request.scenarioId);
  const inputs = await mapLimited(mine, 16, async (m) => ({
    sessionId: m.id,
    createdAt: m.createdAt,
    scenarioId: m.scenarioId,
    scenarioTitle: m.scenarioTitle,
    analysis: await usableAnalysis(deps.dataDir, m.id, deps.log, 'progress'),
    // A coach's call on a practice attempt wins over the automatic result, as everywhere.
    reviews: await readReviews(deps.dataDir, m.id, deps.log),
  }));
  return practiceProgress(request.candidateName.trim(), request.scenarioId ?? null, inputs, practised);
}

