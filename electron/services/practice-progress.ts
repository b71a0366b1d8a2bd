import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSessionAnalysis } from '../../core/analysis/analysis-schema.js';
import type { SessionAnalysis } from '../../core/analysis/analyze.js';
import { practiceProgress, sameCandidate, type PracticeProgress } from '../../core/practice/progress.js';
import type { SessionManifest } from '../../core/session/manifest.js';
import { mapLimited } from './map-limited.js';
import { readReviews } from './review-files.js';
import { isMissing } from './session-files.js';
import { sessionPaths } from './session-paths.js';

export interface PracticeProgressDeps {
  readonly dataDir: string;
  readonly log: (message: string) => void;
  /** Every session's manifest (the session store's list). */
  readonly listSessions: () => Promise<readonly SessionManifest[]>;
}

/**
 * A new hire's own practice attempts and per-item progress. Only this candidate's finished
 * practice sessions are read (tryout sessions are the coaches' to score, not the trainee's to see).
 */
export async function practiceProgressOf(deps: PracticeProgressDeps, request: { candidateName: string; scenarioId?: string | undefined }): Promise<PracticeProgress> {
  const mine = (await deps.listSessions()).filter(
    (m) =>
      sameCandidate(m.candidate.name, request.candidateName) &&
      m.status !== 'recording' &&
      m.tryoutId === undefined &&
      (request.scenarioId === undefined || m.scenarioId === request.scenarioId),
  );
  const inputs = await mapLimited(mine, 16, async (m) => ({
    sessionId: m.id,
    createdAt: m.createdAt,
    scenarioId: m.scenarioId,
    scenarioTitle: m.scenarioTitle,
    analysis: await readAnalysis(deps, m.id),
    // A coach's call on a practice attempt wins over the automatic result, as everywhere.
    reviews: await readReviews(deps.dataDir, m.id, deps.log),
  }));
  return practiceProgress(request.candidateName.trim(), request.scenarioId ?? null, inputs);
}

/** analysis.json of a session, or null when there is none or it is damaged (logged). */
async function readAnalysis(deps: PracticeProgressDeps, sessionId: string): Promise<SessionAnalysis | null> {
  let text: string;
  try {
    text = await readFile(join(sessionPaths(deps.dataDir, sessionId).dir, 'analysis.json'), 'utf8');
  } catch (error) {
    if (isMissing(error)) return null;
    deps.log(`progress: analysis.json of ${sessionId} is unreadable (${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
  const read = parseSessionAnalysis(text);
  if (read.ok) return read.analysis;
  deps.log(`progress: skipping the analysis of ${sessionId}: ${read.reason}`);
  return null;
}
