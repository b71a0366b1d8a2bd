import { sessionResult, type ResultReview } from '../../../../core/result/session-result.js';
import { coachIdOf, type ReviewContent } from '../../../../core/review/schema.js';
import type { BoardSession, BoardTryout } from '../../../../core/tryout/results-board.js';
import { anaReview, bjornReview, FINDINGS } from '../../services/report-fixtures.js';

/** Real session results (sessionResult over the report fixtures' findings and reviews) on one board. */

export const TRYOUT: BoardTryout = { id: 't-20261124-board1', name: 'Support tryout', date: '2026-11-24', scenarioIds: ['angry-caller', 'obvious-question'], checklistIds: ['respect', 'patience'] };
export const AT = '2026-11-24T09:00:00.000Z';

export function review(coach: string, content: ReviewContent): ResultReview {
  return { coach: { id: coachIdOf(coach), name: coach }, decisions: content.decisions, scores: content.scores, verdict: content.verdict };
}

export function session(id: string, name: string, scenarioId: string, createdAt: string, reviews: readonly ResultReview[], analysed = true, extra: Partial<BoardSession> = {}): BoardSession {
  return { sessionId: id, candidateName: name, candidateId: null, scenarioId, scenarioTitle: scenarioId, createdAt, status: 'complete', result: sessionResult(analysed ? FINDINGS : null, reviews), ...extra };
}

/** Ada: two calls, the first reviewed by Ana (override to pass, warmth 4, advance), the second not yet. Bo: one call, two coaches split. Cy: on a call now. */
export function daySessions(): BoardSession[] {
  return [
    // Given out of order: the board orders by the playlist.
    session('s-ada-2', 'Ada Byron', 'obvious-question', '2026-11-24T09:20:00.000Z', []),
    session('s-ada-1', 'Ada Byron', 'angry-caller', '2026-11-24T09:10:00.000Z', [review('Ana Ruiz', anaReview(AT))]),
    session('s-bo-1', 'Bo Berg', 'angry-caller', '2026-11-24T10:00:00.000Z', [review('Ana Ruiz', anaReview(AT)), review('Björn Larsen', bjornReview(AT))]),
    session('s-cy-1', 'Cy Young', 'angry-caller', '2026-11-24T11:00:00.000Z', [], false, { status: 'recording' }),
  ];
}

