import { z } from 'zod';
import { StepIdSchema } from './ids.js';
import { MAX_TRANSCRIPT_CHARS } from './events.js';

/**
 * A transcript made during the call (transcribeTurn), kept so the analysis after the call can
 * reuse it instead of running the recogniser again. One JSON object per line in
 * `<session>/turn-transcripts.jsonl`; frames are frames of the session's audio.wav.
 */
const frame = z.number().int().nonnegative();

/** Words kept per transcribed stretch (10 minutes of fast speech is well under this). */
const MAX_WORDS = 5_000;

export const SavedTurnTranscriptSchema = z
  .strictObject({
    /** The listening step the turn answered, when the caller said so. */
    stepId: StepIdSchema.nullable(),
    fromFrame: frame,
    toFrame: frame,
    /** The recogniser that made it ('pocketsphinx', 'whisper'); reused only by the same one. */
    engine: z.string().min(1).max(64),
    text: z.string().max(MAX_TRANSCRIPT_CHARS),
    words: z
      .array(z.strictObject({ word: z.string().min(1).max(200), startFrame: frame, endFrame: frame, confidence: z.number().min(0).max(1) }))
      .max(MAX_WORDS),
  })
  .refine((t) => t.toFrame > t.fromFrame, { message: 'toFrame must be after fromFrame', path: ['toFrame'] });

export type SavedTurnTranscript = z.infer<typeof SavedTurnTranscriptSchema>;

export const TURN_TRANSCRIPTS_FILE = 'turn-transcripts.jsonl';
