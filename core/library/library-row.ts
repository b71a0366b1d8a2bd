import { incompleteText } from '../session/call-completeness.js';
import type { SessionManifest } from '../session/manifest.js';
import type { CoachRef } from '../review/calibration.js';
import { reviewStateOf, type ReviewState, type Verdict } from '../review/schema.js';
import { sessionResult, type Counts, type ResultFinding, type ResultReview, type SessionResult, type VerdictResult } from '../result/session-result.js';
import { outcomeOf, undecidedFailsOf, type SessionOutcome } from './library-triage.js';

/** One session as the library lists it: its manifest plus a summary of its reviews. */
export interface LibraryRow {
  readonly sessionId: string;
  readonly candidateName: string;
  readonly candidateId: string | null;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  /** The tryout (day's session plan) the call was part of, or null for practice. */
  readonly tryoutId: string | null;
  /** When the call started (ISO). */
  readonly createdAt: string;
  readonly durationSeconds: number;
  readonly status: SessionManifest['status'];
  /** Repaired after a crash (it may miss its last moments). */
  readonly recovered: boolean;
  /** Why an incomplete call is, for the coach ("hung up at 0:04 before the first answer"); null otherwise. */
  readonly incompleteReason: string | null;
  readonly reviewState: ReviewState;
  /** Every coach with a review file, finished or not, by coach id. */
  readonly reviewers: readonly CoachRef[];
  /** The verdicts given so far, by coach id. */
  readonly verdicts: readonly CoachVerdict[];
  /** The session's result (core/result/session-result.ts) in short, for columns, filters and sorting. */
  readonly result: LibraryResult;
}

/** What the library shows of a session's result: counts and scores, no items. */
export interface LibraryResult {
  readonly analysed: boolean;
  /** Final statuses per checklist; not-applicable items are counted apart and never scored. */
  readonly checklists: readonly (Counts & { readonly checklist: string })[];
  /** Over every checklist. */
  readonly totals: Counts;
  readonly verdict: Pick<VerdictResult, 'state' | 'final'>;
  /** The session's outcome in one word (library-triage.ts), from the final statuses. */
  readonly outcome: SessionOutcome;
  /** Items the check failed that no coach has called yet. */
  readonly undecidedFails: number;
}

export function libraryResultOf(result: SessionResult): LibraryResult {
  return {
    analysed: result.analysed,
    checklists: result.checklists.map(({ items: _items, automatic: _automatic, ...counts }) => counts),
    totals: result.totals,
    verdict: { state: result.verdict.state, final: result.verdict.final },
    outcome: outcomeOf(result.totals),
    undecidedFails: undecidedFailsOf(result),
  };
}

export interface CoachVerdict {
  readonly coach: CoachRef;
  readonly verdict: Verdict;
}

/** What the library reads of a review: what the session's result needs. */
export type ReviewSummary = ResultReview;

/** The row of a session from its manifest, its reviews and its analysis's findings (null when not analysed). */
export function libraryRowOf(manifest: SessionManifest, reviews: readonly ReviewSummary[], findings: readonly ResultFinding[] | null = null): LibraryRow {
  const byCoach = [...reviews].sort((a, b) => a.coach.id.localeCompare(b.coach.id));
  const result = sessionResult(findings, byCoach);
  return {
    sessionId: manifest.id,
    candidateName: manifest.candidate.name,
    candidateId: manifest.candidate.candidateId ?? null,
    scenarioId: manifest.scenarioId,
    scenarioTitle: manifest.scenarioTitle,
    tryoutId: manifest.tryoutId ?? null,
    createdAt: manifest.createdAt,
    durationSeconds: Math.round((manifest.durationFrames / manifest.sampleRate) * 10) / 10,
    status: manifest.status,
    recovered: manifest.status === 'recovered' || manifest.recoveredAt !== null,
    incompleteReason: manifest.incomplete ? incompleteText(manifest.incomplete, manifest.sampleRate) : null,
    reviewState: reviewStateOf(byCoach),
    reviewers: byCoach.map((r) => ({ id: r.coach.id, name: r.coach.name })),
    verdicts: result.verdict.byCoach,
    result: libraryResultOf(result),
  };
}
