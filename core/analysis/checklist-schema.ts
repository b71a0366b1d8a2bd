import { z } from 'zod';
import { MOVE_IDS, RED_FLAG_IDS } from '../scenario/goals-schema.js';
import { CHECKLIST_IDS } from '../scenario/schema.js';
import { ScenarioIdSchema } from '../session/ids.js';

/**
 * The checklist format (scenarios/checklists/<id>.yaml), editable by coaches. An item is
 * `auto` (a rule evaluates it) or `coach-only` (only a person can judge it; no rule). A rule
 * is a mapping with exactly one key naming its kind, like the scenario's branch rules.
 */
const phrases = z.array(z.string().min(1).max(200)).min(1).max(200);
const seconds = z.number().positive().max(3600);
/** Which answers a phrase rule reads: spoken (transcripts), typed, or both. */
const channel = z.enum(['spoken', 'typed', 'any']).default('any');
/** Which turns a phrase-present rule needs the phrase in. */
const where = z.enum(['any', 'first', 'every', 'before-hold', 'after-hold']).default('any');

export const ChecklistRuleSchema = z.union([
  /**
   * The scenario's goals: on every step that expects one of these moves, the answer makes it
   * (judged on meaning; see core/judgement). Not applicable where no step expects them.
   */
  z.strictObject({ moves: z.strictObject({ moves: z.array(z.enum(MOVE_IDS)).min(1), in: channel }) }),
  /** None of these red flags (blame, dismiss, sarcasm, talk-down, refuse) in any answer. */
  z.strictObject({ redFlags: z.strictObject({ flags: z.array(z.enum(RED_FLAG_IDS)).min(1), in: channel }) }),
  /** The scenario's facts each step asks for are given, and none is misquoted. */
  z.strictObject({ factsRight: z.strictObject({ in: channel }) }),
  /** Every listening step gets a real answer: not silence, not a word or two, not off the point. */
  z.strictObject({ answersEveryStep: z.strictObject({ minWords: z.number().int().positive().max(50).default(4) }) }),
  /** Fails on any of the phrases (dismissive, blaming). */
  z.strictObject({ phrasesAbsent: z.strictObject({ phrases, in: channel }) }),
  /** Passes when one of the phrases is said/typed in the chosen turns. */
  z.strictObject({ phrasesPresent: z.strictObject({ phrases, in: channel, where }) }),
  /** The customer's name (first or last, from the scenario) is used at least once. */
  z.strictObject({ usesCustomerName: z.strictObject({ in: channel }) }),
  /** Fails when trainee speech overlaps the customer's speech by more than the tolerance. */
  z.strictObject({ noTalkOver: z.strictObject({ toleranceSeconds: z.number().nonnegative().max(5).default(0.3) }) }),
  /** Speech starts within maxSeconds of the end of the customer's line. */
  z.strictObject({ answerLatency: z.strictObject({ maxSeconds: seconds }) }),
  /** No silence on both channels longer than maxSeconds while the trainee has the floor. */
  z.strictObject({ deadAir: z.strictObject({ maxSeconds: seconds }) }),
  /**
   * The trainee is back with the customer (speaks, or resumes the call) within N seconds of a
   * hold starting and of each check-in; N defaults to the scenario's checkInEverySeconds.
   * `graceSeconds` allows for the time to start speaking once the hold music stops.
   */
  z.strictObject({ holdCheckIn: z.strictObject({ everySeconds: seconds.optional(), graceSeconds: z.number().nonnegative().max(60).default(3) }) }),
  /** The voice does not rise: each turn's loudness and pitch against the first turn. */
  z.strictObject({
    voiceSteady: z.strictObject({
      maxLoudnessRiseDb: z.number().positive().max(40).default(6),
      maxPitchRiseSemitones: z.number().positive().max(24).default(3),
    }),
  }),
  /** Each repeat against the first answer: length, content, pace, loudness. */
  z.strictObject({
    repeatsConsistent: z.strictObject({
      minLengthRatio: z.number().positive().max(1).default(0.6),
      minContentOverlap: z.number().nonnegative().max(1).default(0.2),
      maxPaceRise: z.number().positive().max(5).default(0.25),
      maxLoudnessRiseDb: z.number().positive().max(40).default(6),
    }),
  }),
  /** Speaking pace stays at or below this many words per minute. */
  z.strictObject({ maxPace: z.strictObject({ wordsPerMinute: z.number().positive().max(600) }) }),
  /** A possible sigh or exasperated exhale: never a fail, only flagged for the coach. */
  z.strictObject({ possibleSigh: z.strictObject({ minSeconds: z.number().positive().max(5).default(0.35) }) }),
  /** Typed answers: words not in the dictionary (the `ignore` words are accepted). */
  z.strictObject({ spelling: z.strictObject({ maxErrors: z.number().int().nonnegative().max(100).default(0), ignore: z.array(z.string().min(1).max(60)).max(500).default([]) }) }),
  /** Typed answers: at most this many words, and sentences of at most this many words. */
  z.strictObject({ concise: z.strictObject({ maxWords: z.number().int().positive().max(5000), maxSentenceWords: z.number().int().positive().max(500) }) }),
]);
export type ChecklistRule = z.infer<typeof ChecklistRuleSchema>;
export type RuleKind = ChecklistRule extends infer R ? (R extends unknown ? keyof R : never) : never;

const itemId = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'item id must be lowercase letters, digits or dashes, starting with a letter');
const common = {
  id: itemId,
  title: z.string().min(1).max(200),
  description: z.string().max(1000).optional(),
  /** Only for these scenarios (e.g. an apology is due on a complaint call, not in an interview). */
  appliesTo: z.array(ScenarioIdSchema).min(1).max(200).optional(),
  /** One line for the trainee: what to do next time the item fails (the practice debrief shows it). */
  tip: z
    .string()
    .trim()
    .min(1, 'a tip cannot be empty')
    .max(200, 'a tip is one short line (at most 200 characters)')
    .regex(/^[^\r\n]*$/, 'a tip is one line (no line breaks)')
    .optional(),
};

export const AutoItemSchema = z.strictObject({ ...common, kind: z.literal('auto'), rule: ChecklistRuleSchema });
export const CoachItemSchema = z.strictObject({
  ...common,
  kind: z.literal('coach-only'),
  /** Why a person has to judge it (shown on the findings panel). */
  note: z.string().min(1).max(500),
});
export const ChecklistItemSchema = z.discriminatedUnion('kind', [AutoItemSchema, CoachItemSchema]);
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const ChecklistSchema = z.strictObject({
  id: z.enum(CHECKLIST_IDS),
  title: z.string().min(1).max(120),
  description: z.string().max(2000).optional(),
  items: z.array(ChecklistItemSchema).min(1, 'a checklist needs at least one item').max(100),
});
export type Checklist = z.infer<typeof ChecklistSchema>;
export type ChecklistId = Checklist['id'];
