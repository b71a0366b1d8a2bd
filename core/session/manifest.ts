import { z } from 'zod';
import { CHECKLIST_IDS } from '../scenario/schema.js';
import { ConsentSchema } from '../tryout/consent.js';
import { TryoutIdSchema } from '../tryout/schema.js';
import { IncompleteCallSchema } from './call-completeness.js';
import { ScenarioIdSchema, SessionIdSchema } from './ids.js';
import { StorageStopSchema } from './storage-stop.js';

export const SESSION_FORMAT_VERSION = 1;

export const CandidateSchema = z.strictObject({
  name: z.string().trim().min(1, 'candidate name is required').max(120),
  candidateId: z.string().trim().max(64).optional(),
});
export type Candidate = z.infer<typeof CandidateSchema>;

/** manifest.json: the truth about one session, written atomically. */
export const SessionManifestSchema = z.strictObject({
  formatVersion: z.literal(SESSION_FORMAT_VERSION),
  id: SessionIdSchema,
  scenarioId: ScenarioIdSchema,
  scenarioTitle: z.string(),
  /** Which version of the scenario's file the candidate had (12 hex digits of its SHA-256; absent in sessions made before it was recorded). */
  scenarioRevision: z.string().regex(/^[0-9a-f]{12}$/).optional(),
  candidate: CandidateSchema,
  createdAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  /**
   * recording: still open (or crashed); complete: finished cleanly; incomplete: finished, but
   * the call was hung up before its first answer (`incomplete` says when); recovered: repaired
   * at start-up, or stopped because its files could not be written (`storageStop` says why).
   */
  status: z.enum(['recording', 'complete', 'incomplete', 'recovered']),
  /** Why an 'incomplete' call is (absent otherwise, and in manifests written before it existed). */
  incomplete: IncompleteCallSchema.optional(),
  sampleRate: z.number().int().min(8000).max(96000),
  channels: z.literal(2),
  /** Frames of audio in audio.wav (known at finish or recovery). */
  durationFrames: z.number().int().nonnegative(),
  recoveredAt: z.iso.datetime().nullable(),
  /** Set when the call stopped because its files could not be written (disk full, folder removed, no permission). */
  storageStop: StorageStopSchema.optional(),
  /** The tryout this session belongs to (absent for practice and for sessions before tryouts existed). */
  tryoutId: TryoutIdSchema.optional(),
  /** The consent text the candidate accepted before recording (required for tryout sessions). */
  consent: ConsentSchema.optional(),
  /** A tryout session's checklists in force (the tryout's, when the call started); absent: the scenario's. */
  checklistIds: z.array(z.enum(CHECKLIST_IDS)).min(1).optional(),
});
export type SessionManifest = z.infer<typeof SessionManifestSchema>;

/** drafts.json: what the trainee has typed so far, per type step, saved while typing. */
export const DraftsSchema = z.record(
  z.string(),
  z.strictObject({ text: z.string().max(20_000), savedAt: z.iso.datetime() }),
);
export type Drafts = z.infer<typeof DraftsSchema>;
