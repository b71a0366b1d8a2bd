import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TryoutError } from '../../../core/errors.js';
import { CoachIdSchema, ReviewSchema, type Review } from '../../../core/review/schema.js';
import { describeZodError } from '../api-input.js';
import { isMissing } from '../session/session-files.js';
import { sessionPaths } from '../session/session-paths.js';

/**
 * Review files: `<data>/sessions/<sessionId>/reviews/<coachId>.json`, one per coach. Every path
 * comes from a validated session id (session-paths.ts) and a validated coach id, and every file
 * read back is checked against ReviewSchema; a damaged file is reported and skipped.
 */

const REVIEW_FILE = /^([a-z0-9][a-z0-9-]{0,47})\.json$/;

export function reviewsDir(dataDir: string, sessionId: string): string {
  return join(sessionPaths(dataDir, sessionId).dir, 'reviews');
}

export function reviewPath(dataDir: string, sessionId: string, coachId: string): string {
  if (!CoachIdSchema.safeParse(coachId).success) throw new TryoutError('invalid-argument', `coach id "${coachId.slice(0, 60)}" is not valid`);
  return join(reviewsDir(dataDir, sessionId), `${coachId}.json`);
}

export type ReviewRead = { ok: true; review: Review } | { ok: false; missing: boolean; reason: string };

/** Validates the text of a review file belonging to session `sessionId` and coach `coachId`. */
export function parseReview(text: string, sessionId: string, coachId: string): ReviewRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, missing: false, reason: 'it is not valid JSON' };
  }
  const result = ReviewSchema.safeParse(raw);
  if (!result.success) return { ok: false, missing: false, reason: `it is not a valid review (${describeZodError(result.error)})` };
  if (result.data.sessionId !== sessionId) return { ok: false, missing: false, reason: `it is a review of session "${result.data.sessionId}"` };
  if (result.data.coach.id !== coachId) return { ok: false, missing: false, reason: `it holds the review of coach "${result.data.coach.id}"` };
  return { ok: true, review: result.data };
}

function readFailure(error: unknown): ReviewRead {
  if (isMissing(error)) return { ok: false, missing: true, reason: 'there is no review file' };
  return { ok: false, missing: false, reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
}

export async function readReview(dataDir: string, sessionId: string, coachId: string): Promise<ReviewRead> {
  try {
    return parseReview(await readFile(reviewPath(dataDir, sessionId, coachId), 'utf8'), sessionId, coachId);
  } catch (error) {
    return readFailure(error);
  }
}

function readReviewSync(dataDir: string, sessionId: string, coachId: string): ReviewRead {
  try {
    return parseReview(readFileSync(reviewPath(dataDir, sessionId, coachId), 'utf8'), sessionId, coachId);
  } catch (error) {
    return readFailure(error);
  }
}

function noFolder(error: unknown): boolean {
  return isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR';
}

function coachIdsIn(names: readonly string[]): string[] {
  return names.flatMap((name) => REVIEW_FILE.exec(name)?.[1] ?? []).sort();
}

/** The coach ids with a review file in the session (temporary and foreign files ignored). */
export async function reviewCoachIds(dataDir: string, sessionId: string): Promise<string[]> {
  try {
    return coachIdsIn(await readdir(reviewsDir(dataDir, sessionId)));
  } catch (error) {
    if (noFolder(error)) return [];
    throw error;
  }
}

function reviewCoachIdsSync(dataDir: string, sessionId: string): string[] {
  try {
    return coachIdsIn(readdirSync(reviewsDir(dataDir, sessionId)));
  } catch (error) {
    if (noFolder(error)) return [];
    throw error;
  }
}

/**
 * Every valid review of a session, by coach id. Damaged files are skipped and logged once per
 * file and problem (`reported` remembers what was logged).
 */
export async function readReviews(dataDir: string, sessionId: string, log: (message: string) => void, reported?: Set<string>): Promise<Review[]> {
  const ids = await reviewCoachIds(dataDir, sessionId);
  const reads = await Promise.all(ids.map(async (coachId) => ({ coachId, read: await readReview(dataDir, sessionId, coachId) })));
  return validReviews(sessionId, reads, log, reported);
}

/** readReviews, synchronously: for the library's start-up scan, where it is several times faster. */
export function readReviewsSync(dataDir: string, sessionId: string, log: (message: string) => void, reported?: Set<string>): Review[] {
  const reads = reviewCoachIdsSync(dataDir, sessionId).map((coachId) => ({ coachId, read: readReviewSync(dataDir, sessionId, coachId) }));
  return validReviews(sessionId, reads, log, reported);
}

function validReviews(sessionId: string, reads: readonly { coachId: string; read: ReviewRead }[], log: (message: string) => void, reported?: Set<string>): Review[] {
  const reviews: Review[] = [];
  for (const { coachId, read } of reads) {
    if (read.ok) reviews.push(read.review);
    else if (!read.missing) {
      const message = `reviews: skipping sessions/${sessionId}/reviews/${coachId}.json: ${read.reason}`;
      if (!reported?.has(message)) {
        reported?.add(message);
        log(message);
      }
    }
  }
  return reviews;
}
