import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { TryoutError } from '../../../core/errors.js';
import { coachIdOf, CoachNameSchema, REVIEW_FORMAT_VERSION, ReviewSchema, type Review, type ReviewContent } from '../../../core/review/schema.js';
import { describeZodError } from '../api-input.js';
import { jsonText, writeFileAtomic } from '../storage/atomic-write.js';
import { KeyedQueue } from '../storage/keyed-queue.js';
import { readReview, readReviews, reviewPath, reviewsDir } from './review-files.js';
import { readManifest } from '../session/session-files.js';
import { sessionPaths } from '../session/session-paths.js';

/** Whether two coach names are one person's spelling ("Ana María" and "ana  maria"). */
function sameCoach(a: string, b: string): boolean {
  const fold = (name: string) => name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
  return fold(a) === fold(b);
}

export interface ReviewStoreOptions {
  readonly dataDir: string;
  /** Where damaged review files are reported; stderr by default. */
  readonly log?: (message: string) => void;
  readonly now?: () => Date;
}

/**
 * Coaches' reviews. Each save replaces the coach's whole file atomically (saved as they go, so
 * a killed app leaves the last complete save); saves for one session run one at a time.
 */
export class ReviewStore {
  private readonly queue = new KeyedQueue();
  private readonly reported = new Set<string>();
  private readonly log: (message: string) => void;
  private readonly now: () => Date;

  constructor(private readonly opts: ReviewStoreOptions) {
    this.log = opts.log ?? ((message) => console.error(message));
    this.now = opts.now ?? (() => new Date());
  }

  /** Every readable review of the session, by coach id; damaged files are logged and skipped. */
  async get(sessionId: string): Promise<Review[]> {
    sessionPaths(this.opts.dataDir, sessionId); // refuses a bad id
    return readReviews(this.opts.dataDir, sessionId, this.log, this.reported);
  }

  /** Writes the coach's review: startedAt kept from the file, updatedAt stamped now. */
  async save(sessionId: string, coachName: string, content: ReviewContent): Promise<Review> {
    const paths = sessionPaths(this.opts.dataDir, sessionId);
    const name = CoachNameSchema.safeParse(coachName);
    if (!name.success) throw new TryoutError('invalid-argument', `coachName: ${describeZodError(name.error)}`);
    const coach = { id: coachIdOf(name.data), name: name.data };
    return this.queue.run(sessionId, async () => {
      const read = await readManifest(paths.manifest, sessionId);
      if (!read.ok) throw new TryoutError(read.missing ? 'not-found' : 'conflict', read.missing ? `There is no session ${sessionId}.` : `Session ${sessionId} cannot be reviewed: ${read.reason}.`);
      if (read.manifest.status === 'recording') throw new TryoutError('conflict', `Session ${sessionId} is still recording; review it after the call ends.`);

      const now = this.now().toISOString();
      const previous = await readReview(this.opts.dataDir, sessionId, coach.id);
      if (!previous.ok && !previous.missing) await this.setAside(sessionId, coach.id, previous.reason);
      if (previous.ok && !sameCoach(previous.review.coach.name, coach.name)) {
        // Two names with one file name (a hash collision, or names that differ only in punctuation): never overwrite another coach's review.
        throw new TryoutError('conflict', `The review file "${coach.id}" of this session belongs to coach "${previous.review.coach.name}"; review under a name that differs from it in Latin letters or digits.`);
      }
      const parsed = ReviewSchema.safeParse({
        ...content,
        formatVersion: REVIEW_FORMAT_VERSION,
        sessionId,
        coach,
        startedAt: previous.ok ? previous.review.startedAt : now,
        updatedAt: now,
      });
      if (!parsed.success) throw new TryoutError('invalid-argument', `content: ${describeZodError(parsed.error)}`);
      await mkdir(reviewsDir(this.opts.dataDir, sessionId), { recursive: true });
      await writeFileAtomic(reviewPath(this.opts.dataDir, sessionId, coach.id), jsonText(parsed.data));
      return parsed.data;
    });
  }

  /** Keeps a damaged review file under another name (never listed) instead of overwriting it. */
  private async setAside(sessionId: string, coachId: string, reason: string): Promise<void> {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const aside = join(reviewsDir(this.opts.dataDir, sessionId), `${coachId}.damaged-${stamp}.bak`);
    await rename(reviewPath(this.opts.dataDir, sessionId, coachId), aside);
    this.log(`reviews: sessions/${sessionId}/reviews/${coachId}.json was damaged (${reason}); kept as ${coachId}.damaged-${stamp}.bak and replaced by the new save`);
  }

  /** Resolves when every queued save has settled. */
  idle(): Promise<void> {
    return this.queue.idle();
  }
}
