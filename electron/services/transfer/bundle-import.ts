import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SessionBundleImport } from '../../../core/api.js';
import { TryoutError } from '../../../core/errors.js';
import { ReviewSchema, type Review } from '../../../core/review/schema.js';
import type { BundleIndex } from './bundle-format.js';
import { checkManifest, checkReview, checkSessionFile, openBundle, readBundleFile, type BundleSessionEntries } from './bundle-validation.js';
import { readManifestSync } from '../session/session-files.js';
import { sessionPaths, sessionsRoot } from '../session/session-paths.js';
import { removeStaleStaging, writeDurably } from '../storage/staging.js';

/**
 * Imports a session bundle, all or nothing. Every file is checked (bundle-validation.ts) and
 * written to a staging folder inside the data folder (same file system); only when every
 * session has passed are they renamed into place, and if a rename fails the ones done are
 * undone. The staging folder is always removed.
 *
 * A session that is already here must have the same recording (audio.wav and events.jsonl with
 * the same sha256), or the bundle is refused. Its own manifest, drafts and analysis stay; an
 * analysis, peaks or turn-transcripts file it lacks is added; reviews merge by coach: a coach's review that is
 * missing here is added, and when both sides have one the later `updatedAt` is kept. So
 * importing the same bundle twice changes nothing.
 *
 * The work is synchronous on purpose: no other call of this back end runs in between.
 */

const STAGING_PREFIX = '.bundle-import-';

function sha256OfFile(path: string): string {
  const hash = createHash('sha256');
  const buffer = new Uint8Array(1024 * 1024);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** A rename to do once everything has passed. */
interface Move {
  readonly from: string;
  readonly to: string;
  /** The file it replaces, moved here first (and back on undo). */
  readonly replacedTo?: string;
}

interface SessionPlan {
  readonly sessionId: string;
  readonly outcome: 'imported' | 'updated' | 'unchanged';
  readonly moves: readonly Move[];
  readonly reviewsMerged: number;
}

/** Unpacks and checks one session into `<staging>/new/<id>/`. */
function stageSession(data: Uint8Array, index: BundleIndex, session: BundleSessionEntries, staging: string): Map<string, Review> {
  const dir = join(staging, 'new', session.sessionId);
  const manifestEntry = session.files.get('manifest.json');
  if (!manifestEntry) throw new Error('openBundle guarantees a manifest');
  const manifestBytes = readBundleFile(data, index, manifestEntry);
  const manifest = checkManifest(manifestEntry.name, manifestBytes, session.sessionId);
  writeDurably(join(dir, 'manifest.json'), manifestBytes);
  for (const [file, entry] of session.files) {
    if (file === 'manifest.json') continue;
    const bytes = readBundleFile(data, index, entry);
    checkSessionFile(file, entry.name, bytes, manifest);
    writeDurably(join(dir, file), bytes);
  }
  const reviews = new Map<string, Review>();
  for (const [coachId, entry] of session.reviews) {
    const bytes = readBundleFile(data, index, entry);
    reviews.set(coachId, checkReview(entry.name, bytes, session.sessionId, coachId));
    writeDurably(join(dir, 'reviews', `${coachId}.json`), bytes);
  }
  return reviews;
}

function localReview(path: string): { bytes: Uint8Array; review: Review | null } {
  const bytes = readFileSync(path);
  try {
    const parsed = ReviewSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return { bytes, review: parsed.success ? parsed.data : null };
  } catch {
    return { bytes, review: null };
  }
}

/** What to move into a session that is already here; refuses one with another recording. */
function planExisting(dataDir: string, index: BundleIndex, session: BundleSessionEntries, reviews: ReadonlyMap<string, Review>, staging: string): SessionPlan {
  const id = session.sessionId;
  const paths = sessionPaths(dataDir, id);
  const read = readManifestSync(paths.manifest, id);
  if (!read.ok) throw new TryoutError('conflict', `Session ${id} is already here but cannot be read (${read.reason}), so the bundle's copy cannot be merged into it. Nothing was imported.`);
  for (const file of ['audio.wav', 'events.jsonl'] as const) {
    const local = join(paths.dir, file);
    const same = existsSync(local) && sha256OfFile(local) === index.files[`${id}/${file}`]?.sha256;
    if (!same) {
      throw new TryoutError(
        'conflict',
        `Session ${id} is already here with a different recording (its ${file} differs from the bundle's), so it cannot be merged. Nothing was imported.`,
      );
    }
  }
  const fresh = join(staging, 'new', id);
  const moves: Move[] = [];
  for (const file of ['analysis.json', 'peaks.json', 'turn-transcripts.jsonl'] as const) {
    if (session.files.has(file) && !existsSync(join(paths.dir, file))) moves.push({ from: join(fresh, file), to: join(paths.dir, file) });
  }
  let reviewsMerged = 0;
  for (const [coachId, theirs] of reviews) {
    const from = join(fresh, 'reviews', `${coachId}.json`);
    const to = join(paths.dir, 'reviews', `${coachId}.json`);
    if (existsSync(to)) {
      const ours = localReview(to);
      if (Buffer.from(ours.bytes).equals(readFileSync(from))) continue;
      if (ours.review && Date.parse(ours.review.updatedAt) >= Date.parse(theirs.updatedAt)) continue;
      moves.push({ from, to, replacedTo: join(staging, 'old', id, `${coachId}.json`) });
    } else {
      moves.push({ from, to });
    }
    reviewsMerged++;
  }
  return { sessionId: id, outcome: moves.length > 0 ? 'updated' : 'unchanged', moves, reviewsMerged };
}

/** Does the moves in order; on failure undoes the ones done and rethrows. */
function applyMoves(moves: readonly Move[]): void {
  const undo: (() => void)[] = [];
  try {
    for (const move of moves) {
      const parent = dirname(move.to);
      if (!existsSync(parent)) {
        mkdirSync(parent, { recursive: true });
        undo.push(() => rmdirSync(parent));
      }
      if (move.replacedTo) {
        const aside = move.replacedTo;
        mkdirSync(dirname(aside), { recursive: true });
        renameSync(move.to, aside);
        undo.push(() => renameSync(aside, move.to));
      }
      if (existsSync(move.to)) throw new TryoutError('conflict', `${move.to} appeared while importing; nothing was imported.`);
      renameSync(move.from, move.to);
      undo.push(() => renameSync(move.to, move.from));
    }
  } catch (error) {
    for (const step of undo.reverse()) step();
    if (error instanceof TryoutError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new TryoutError('internal', `The bundle could not be moved into place (${code}); everything it had moved was put back, so nothing was imported.`);
  }
}

export function importSessionBundle(dataDir: string, data: Uint8Array): SessionBundleImport {
  const { index, sessions } = openBundle(data);
  mkdirSync(dataDir, { recursive: true });
  removeStaleStaging(dataDir, STAGING_PREFIX);
  const staging = mkdtempSync(join(dataDir, STAGING_PREFIX));
  try {
    const plans: SessionPlan[] = [];
    for (const session of sessions) {
      const reviews = stageSession(data, index, session, staging);
      const paths = sessionPaths(dataDir, session.sessionId);
      if (existsSync(paths.dir)) plans.push(planExisting(dataDir, index, session, reviews, staging));
      else plans.push({ sessionId: session.sessionId, outcome: 'imported', moves: [{ from: join(staging, 'new', session.sessionId), to: paths.dir }], reviewsMerged: 0 });
    }
    const moves = plans.flatMap((p) => p.moves);
    if (moves.length > 0) {
      const root = sessionsRoot(dataDir);
      const createdRoot = !existsSync(root);
      mkdirSync(root, { recursive: true });
      try {
        applyMoves(moves);
      } catch (error) {
        if (createdRoot) rmdirSync(root);
        throw error;
      }
    }
    const ids = (outcome: SessionPlan['outcome']) => plans.filter((p) => p.outcome === outcome).map((p) => p.sessionId);
    return { imported: ids('imported'), updated: ids('updated'), unchanged: ids('unchanged'), reviewsMerged: plans.reduce((n, p) => n + p.reviewsMerged, 0) };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
