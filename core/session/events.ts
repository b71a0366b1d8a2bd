import { z } from 'zod';
import { StepIdSchema } from './ids.js';

/**
 * Every engine event, stamped in audio frames of the session's audio.wav (frame 0 = first
 * sample written). One JSON object per line in events.jsonl.
 */
const frame = z.number().int().nonnegative();
const stepId = StepIdSchema;
/** Longest transcript kept in an event (10 minutes of fast speech is well under this). */
export const MAX_TRANSCRIPT_CHARS = 20_000;

export const SessionEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('call-started'),
    frame,
    scenarioId: z.string(),
    /** Set when the call was started at this step (a preview from the middle), not the first. */
    fromStepId: stepId.optional(),
  }),
  z.strictObject({ type: z.literal('step-entered'), frame, stepId, kind: z.string() }),
  z.strictObject({
    type: z.literal('line-started'),
    frame,
    stepId,
    caption: z.string(),
    clip: z.string().nullable(),
    /** 'clip' = recorded on channel 0; 'system' = spoken by the OS voice, not on the recording. */
    voice: z.enum(['clip', 'system']),
    durationFrames: z.number().int().nonnegative().nullable(),
  }),
  z.strictObject({ type: z.literal('line-ended'), frame, stepId }),
  z.strictObject({ type: z.literal('hold-started'), frame, stepId, seconds: z.number().nonnegative() }),
  z.strictObject({ type: z.literal('hold-ended'), frame, stepId, reason: z.enum(['elapsed', 'resumed']) }),
  z.strictObject({ type: z.literal('listen-started'), frame, stepId, timeoutSeconds: z.number().positive() }),
  z.strictObject({ type: z.literal('turn-started'), frame, stepId }),
  z.strictObject({
    type: z.literal('turn-ended'),
    frame,
    stepId,
    reason: z.enum(['silence', 'done', 'timeout', 'max-length']),
    /** Frame the speech began, or null when the trainee did not answer. */
    speechStartFrame: frame.nullable(),
    speechEndFrame: frame.nullable(),
  }),
  z.strictObject({ type: z.literal('prompt-shown'), frame, stepId, prompt: z.string() }),
  z.strictObject({
    type: z.literal('typed-submitted'),
    frame,
    stepId,
    text: z.string().max(20_000),
    keystrokes: z.number().int().nonnegative(),
    firstKeyFrame: frame.nullable(),
  }),
  z.strictObject({ type: z.literal('branch-taken'), frame, stepId, rule: z.number().int().nullable(), to: z.string() }),
  /** The trainee started speaking while the customer's line (step `stepId`) was playing. */
  z.strictObject({ type: z.literal('talked-over'), frame, stepId }),
  /**
   * Speech recognition of the last spoken turn (its step is `stepId`), asked for by a branch
   * on what was said. `text` is null when there was no transcript (engine 'none', or it failed).
   */
  z.strictObject({
    type: z.literal('turn-transcribed'),
    frame,
    stepId,
    /** 'pocketsphinx', or 'none' when no recogniser was available. */
    engine: z.string().min(1).max(40),
    text: z.string().max(MAX_TRANSCRIPT_CHARS).nullable(),
  }),
  /**
   * The listening step `stepId` timed out in silence and the customer asked "are you still
   * there?" (`caption`, the scenario's still-there line); the trainee gets a little longer.
   */
  z.strictObject({ type: z.literal('still-there'), frame, stepId, caption: z.string() }),
  z.strictObject({ type: z.literal('call-ended'), frame, reason: z.enum(['completed', 'hung-up']) }),
  /** The "callers waiting" counter on screen changed (scenarios with a queue). */
  z.strictObject({ type: z.literal('queue-changed'), frame, count: z.number().int().nonnegative() }),
]);
export type SessionEvent = z.infer<typeof SessionEventSchema>;
export type SessionEventType = SessionEvent['type'];
