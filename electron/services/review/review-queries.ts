import type { SessionAnalysis } from '../../../core/analysis/analyze.js';
import { TryoutError } from '../../../core/errors.js';
import type { LibraryRow } from '../../../core/library/library-row.js';
import { calibrate, type Calibration, type CalibrationFinding } from '../../../core/review/calibration.js';
import { compareSessions, type SessionComparison } from '../../../core/review/compare.js';
import type { LibraryIndex } from './library-index.js';
import { mapLimited } from '../storage/map-limited.js';
import type { ReviewStore } from './review-store.js';

/** getCalibration and compareSessions: gather rows, reviews and findings from disk, then the pure core. */

export interface ReviewQueryDeps {
  readonly library: LibraryIndex;
  readonly reviews: ReviewStore;
  /** The saved analysis.json of a session, or null. */
  readonly analysisOf: (sessionId: string) => Promise<SessionAnalysis | null>;
}

const READ_CONCURRENCY = 16;

async function rowsOf(library: LibraryIndex, sessionIds: readonly string[]): Promise<LibraryRow[]> {
  const unique = [...new Set(sessionIds)];
  const rows = await Promise.all(unique.map((id) => library.row(id)));
  const missing = unique.filter((_, i) => rows[i] === undefined);
  if (missing.length > 0) throw new TryoutError('not-found', `There is no readable session ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` (and ${missing.length - 3} more)` : ''}.`);
  return rows.filter((r): r is LibraryRow => r !== undefined);
}

async function findingsOf(deps: ReviewQueryDeps, sessionId: string): Promise<CalibrationFinding[] | null> {
  const analysis = await deps.analysisOf(sessionId);
  return analysis ? analysis.findings.map(({ checklist, item, title, kind, status }) => ({ checklist, item, title, kind, status })) : null;
}

/**
 * Agreement of the coaches over `sessionIds` (or over every session two or more coaches
 * finished reviewing). Sessions with fewer than two finished reviews are left out.
 */
export async function calibrationOf(deps: ReviewQueryDeps, sessionIds?: readonly string[]): Promise<Calibration> {
  const rows = sessionIds ? await rowsOf(deps.library, sessionIds) : (await deps.library.all()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const candidates = rows.filter((r) => r.verdicts.length >= 2);
  const sessions = await mapLimited(candidates, READ_CONCURRENCY, async (row) => ({
    sessionId: row.sessionId,
    candidateName: row.candidateName,
    scenarioTitle: row.scenarioTitle,
    findings: (await findingsOf(deps, row.sessionId)) ?? [],
    reviews: await deps.reviews.get(row.sessionId),
  }));
  return calibrate(sessions);
}

/** The sessions side by side, in the order asked. */
export async function comparisonOf(deps: ReviewQueryDeps, sessionIds: readonly string[]): Promise<SessionComparison> {
  const rows = await rowsOf(deps.library, sessionIds);
  const input = await Promise.all(rows.map(async (row) => ({ row, findings: await findingsOf(deps, row.sessionId), reviews: await deps.reviews.get(row.sessionId) })));
  return compareSessions(input);
}
