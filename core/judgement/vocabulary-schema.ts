import { z } from 'zod';
import { ItemRefSchema, MOVE_IDS, RED_FLAG_IDS } from '../scenario/goals-schema.js';

/**
 * scenarios/judgement/moves.yaml: what each expected move and red flag means, which checklist
 * item it counts toward, a one-line tip for the trainee, and generic example wordings that hold
 * in every scenario (a scenario's steps add their own). Data, editable by coaches.
 */
const wording = z.string().min(1).max(300);
const entry = {
  title: z.string().min(1).max(200),
  /** The checklist item a finding about it belongs to, e.g. respect/acknowledges. */
  item: ItemRefSchema,
  /** One line for the trainee: what to do next time. */
  tip: z.string().min(1).max(300),
  examples: z.array(wording).min(1).max(300),
  /**
   * The move without a listed wording: made when one clause of the answer (a transcript is one
   * clause) has a word or phrase from every group, none of them negated. next-step, say:
   * [[will, going to], [today, tomorrow, by friday, within]] for "what, and when".
   */
  signals: z.array(z.array(wording).min(1).max(100)).min(1).max(4).optional(),
};

export const MoveDefinitionSchema = z.strictObject({ id: z.enum(MOVE_IDS), ...entry });
export const RedFlagDefinitionSchema = z.strictObject({ id: z.enum(RED_FLAG_IDS), ...entry });

export const VocabularySchema = z
  .strictObject({
    moves: z.array(MoveDefinitionSchema),
    redFlags: z.array(RedFlagDefinitionSchema),
    /** Words that mean the same in an answer ([said, told, mentioned]): matched as nearly the same word. */
    synonyms: z.array(z.array(z.string().min(1).max(40)).min(2).max(30)).max(300).default([]),
  })
  .superRefine((v, ctx) => {
    for (const id of MOVE_IDS) if (!v.moves.some((m) => m.id === id)) ctx.addIssue({ code: 'custom', message: `move "${id}" is not defined`, path: ['moves'] });
    for (const id of RED_FLAG_IDS) if (!v.redFlags.some((m) => m.id === id)) ctx.addIssue({ code: 'custom', message: `red flag "${id}" is not defined`, path: ['redFlags'] });
  });
export type Vocabulary = z.infer<typeof VocabularySchema>;
export type MoveDefinition = z.infer<typeof MoveDefinitionSchema>;
export type RedFlagDefinition = z.infer<typeof RedFlagDefinitionSchema>;
