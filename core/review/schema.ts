import { z } from 'zod';
import { SessionIdSchema } from '../session/ids.js';
import { asciiSlug } from '../slug.js';

/**
 * A coach's review of one session: decisions on the automatic findings, scores for the
 * coach-only items, annotations on the timeline, a summary and a verdict. One file per coach
 * per session (`sessions/<id>/reviews/<coachId>.json`), so reviews made on different laptops
 * merge by file, and the automatic result is never overwritten (analysis.json stays as it was).
 */
export const REVIEW_FORMAT_VERSION = 1;

export const VERDICTS = ['advance', 'hold', 'not-a-fit'] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

/** Tags offered on annotations; coaches may type their own (same shape). */
export const SUGGESTED_TAGS = ['sigh', 'interruption', 'talk-down', 'eye-roll', 'great-recovery', 'empathy', 'other'] as const;
export const TagSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'a tag is up to 32 lowercase letters, digits or dashes');

export const CoachNameSchema = z.string().trim().min(1, 'the coach name is required').max(80);
/** The file-safe id of a coach, derived from the name by `coachIdOf`. */
export const CoachIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'coach id must be lowercase letters, digits or dashes');

/** "<checklist>/<item>", the key of one finding in analysis.json. */
export const FindingKeySchema = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a finding key is "<checklist>/<item>"');

const isoTime = z.iso.datetime();
const frame = z.number().int().nonnegative().max(2 ** 30);

/** The coach's decision on one automatic finding. Overriding needs a reason; the automatic status stays recorded. */
export const FindingDecisionSchema = z
  .strictObject({
    /** What the automatic check said when the coach decided. */
    automaticStatus: z.enum(['pass', 'fail', 'needs-review', 'not-applicable']),
    /** The coach's call. */
    status: z.enum(['pass', 'fail']),
    reason: z.string().trim().max(2000),
    decidedAt: isoTime,
  })
  .refine((d) => d.status === d.automaticStatus || d.reason.length > 0, {
    message: 'overriding a finding needs a reason',
    path: ['reason'],
  });
export type FindingDecision = z.infer<typeof FindingDecisionSchema>;

/** A score (1 poor … 5 excellent) for a coach-only item such as warmth, tone or empathy. */
export const CoachScoreSchema = z.strictObject({
  score: z.number().int().min(1).max(5),
  note: z.string().trim().max(2000),
});
export type CoachScore = z.infer<typeof CoachScoreSchema>;

/** A moment (endFrame null) or a region of the recording, with a note and tags. */
export const AnnotationSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{1,64}$/),
    startFrame: frame,
    endFrame: frame.nullable(),
    note: z.string().trim().max(4000),
    tags: z.array(TagSchema).max(16),
    createdAt: isoTime,
  })
  .refine((a) => a.endFrame === null || a.endFrame > a.startFrame, { message: 'a region ends after it starts', path: ['endFrame'] });
export type Annotation = z.infer<typeof AnnotationSchema>;

/** What the UI sends on every change (saved as the coach goes). */
export const ReviewContentSchema = z.strictObject({
  decisions: z.record(FindingKeySchema, FindingDecisionSchema),
  scores: z.record(FindingKeySchema, CoachScoreSchema),
  annotations: z.array(AnnotationSchema).max(2000),
  summary: z.string().max(20_000),
  verdict: VerdictSchema.nullable(),
});
export type ReviewContent = z.infer<typeof ReviewContentSchema>;

/** One coach's review file. */
export const ReviewSchema = ReviewContentSchema.extend({
  formatVersion: z.literal(REVIEW_FORMAT_VERSION),
  sessionId: SessionIdSchema,
  coach: z.strictObject({ id: CoachIdSchema, name: CoachNameSchema }),
  startedAt: isoTime,
  updatedAt: isoTime,
});
export type Review = z.infer<typeof ReviewSchema>;

export const EMPTY_REVIEW_CONTENT: ReviewContent = { decisions: {}, scores: {}, annotations: [], summary: '', verdict: null };

/** "Ana María O'Neil" -> "ana-maria-o-neil": the review file name of a coach. */
export function coachIdOf(name: string): string {
  const slug = asciiSlug(name);
  // A name with no Latin letters or digits ("Юлия", "王芳") still gets its own file.
  return slug.length > 0 ? slug : `coach-${fnv1a(name.trim())}`;
}

/** A short, stable hex hash of a string (FNV-1a, 32 bits): enough to tell coaches' names apart. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of text) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** unreviewed: no review; in-review: reviews but none with a verdict; reviewed: N coaches gave a verdict. */
export type ReviewState =
  | { readonly kind: 'unreviewed' }
  | { readonly kind: 'in-review'; readonly coaches: number }
  | { readonly kind: 'reviewed'; readonly coaches: number };

export function reviewStateOf(reviews: readonly Pick<Review, 'verdict'>[]): ReviewState {
  if (reviews.length === 0) return { kind: 'unreviewed' };
  const decided = reviews.filter((r) => r.verdict !== null).length;
  return decided === 0 ? { kind: 'in-review', coaches: reviews.length } : { kind: 'reviewed', coaches: decided };
}

/** The key of a finding in decisions/scores. */
export function findingKey(finding: { readonly checklist: string; readonly item: string }): string {
  return `${finding.checklist}/${finding.item}`;
}
