import { z } from 'zod';

/**
 * What a good answer does and what a bad one does, authored per listening (listen, repeat,
 * type) step. The vocabulary of moves and red flags is fixed here; what each one means, which
 * checklist item it counts toward and generic example wordings live in data
 * (scenarios/judgement/moves.yaml); the scenario adds its own wordings per step.
 */
export const MOVE_IDS = [
  'acknowledge',
  'apologise',
  'own',
  'next-step',
  'ask-before-hold',
  'plain-answer',
  'full-repeat',
  'escalate-with-facts',
] as const;
export type MoveId = (typeof MOVE_IDS)[number];

export const RED_FLAG_IDS = ['blame', 'dismiss', 'sarcasm', 'talk-down', 'refuse'] as const;
export type RedFlagId = (typeof RED_FLAG_IDS)[number];

const wording = z.string().min(1).max(300);
const FactIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'fact id must be lowercase letters, digits or dashes');

export const ExpectedMoveSchema = z.strictObject({
  move: z.enum(MOVE_IDS),
  /** A few ways a real person would say it in this step (added to the shared wordings). */
  examples: z.array(wording).max(50).default([]),
});
export type ExpectedMove = z.infer<typeof ExpectedMoveSchema>;

export const StepRedFlagSchema = z.strictObject({
  flag: z.enum(RED_FLAG_IDS),
  /** Wordings of this red flag that only make sense in this step ("you must have paid twice"). */
  examples: z.array(wording).min(1).max(50),
});
export type StepRedFlag = z.infer<typeof StepRedFlagSchema>;

/** The goals of one listening step. Every red flag is looked for on every step; these add wordings. */
export const StepGoalsSchema = z.strictObject({
  expect: z.array(ExpectedMoveSchema).max(8).default([]),
  redFlags: z.array(StepRedFlagSchema).max(10).default([]),
  /** Ids of the scenario's facts this answer must get right. */
  facts: z.array(FactIdSchema).max(10).default([]),
  /** A good answer, written out: shown to (and read to) the trainee after a practice call. */
  modelAnswer: z.string().min(1).max(2000).optional(),
});
export type StepGoals = z.infer<typeof StepGoalsSchema>;

export const FACT_KINDS = ['number', 'code', 'date', 'name', 'text'] as const;

/**
 * A detail the customer gives that an answer must get right (an order number, a flight and
 * date). `accept` lists other ways of saying the value; an answer that names a different value
 * of the same kind (another number, another code) misquotes it.
 */
export const FactSchema = z.strictObject({
  id: FactIdSchema,
  /** What it is, for the coach: "the order number". */
  label: z.string().min(1).max(120),
  value: z.string().min(1).max(120),
  accept: z.array(wording).max(20).default([]),
  kind: z.enum(FACT_KINDS).default('text'),
});
export type Fact = z.infer<typeof FactSchema>;

/** How a call ended, authored on the customer's last line (a say step). */
export const OUTCOMES = ['resolved', 'calmed', 'escalated', 'hung-up', 'cancelled'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const BAD_OUTCOMES: readonly Outcome[] = ['escalated', 'hung-up', 'cancelled'];

/** `respect/no-red-flags`: a checklist item named from a scenario file. */
export const ItemRefSchema = z
  .string()
  .regex(/^(respect|patience|writing|recall|escalation)\/[a-z][a-z0-9-]{0,63}$/, 'item must be "<checklist>/<item-id>", e.g. respect/no-red-flags');
