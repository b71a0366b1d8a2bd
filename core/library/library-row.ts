import type { SessionManifest } from '../session/manifest.js';
import type { CoachRef } from '../review/calibration.js';
import { reviewStateOf, type Review, type ReviewState, type Verdict } from '../review/schema.js';

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
  readonly reviewState: ReviewState;
  /** Every coach with a review file, finished or not, by coach id. */
  readonly reviewers: readonly CoachRef[];
  /** The verdicts given so far, by coach id. */
  readonly verdicts: readonly CoachVerdict[];
}

export interface CoachVerdict {
  readonly coach: CoachRef;
  readonly verdict: Verdict;
}

/** What the library keeps of a review (the index holds this, not whole reviews). */
export type ReviewSummary = Pick<Review, 'coach' | 'verdict'>;

export function libraryRowOf(manifest: SessionManifest, reviews: readonly ReviewSummary[]): LibraryRow {
  const byCoach = [...reviews].sort((a, b) => a.coach.id.localeCompare(b.coach.id));
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
    reviewState: reviewStateOf(byCoach),
    reviewers: byCoach.map((r) => ({ id: r.coach.id, name: r.coach.name })),
    verdicts: byCoach.flatMap((r) => (r.verdict === null ? [] : [{ coach: { id: r.coach.id, name: r.coach.name }, verdict: r.verdict }])),
  };
}
