import { z } from 'zod';
import { CHECKLIST_IDS } from '../scenario/schema.js';
import { ScenarioIdSchema } from '../session/ids.js';

/**
 * A tryout: what a coach sets up for a tryout day. Candidates go through `scenarioIds` in order;
 * the checklists in force are the ones the findings and the review use; typed steps can be left
 * out for a spoken-only day. Saved as `<data>/tryouts/<id>.json`.
 */

export const TRYOUT_FORMAT_VERSION = 1;

export const TryoutIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{2,62}[a-z0-9]$/, 'tryout id must be 4-64 lowercase letters, digits or dashes');

/** A calendar day, YYYY-MM-DD (the tryout's own day, not a moment in time). */
export const TryoutDateSchema = z.iso.date('date must be a day, YYYY-MM-DD');

/** What the coach edits: the fields a save sends (no id: a new tryout; an id: replace that one). */
export const TryoutDefinitionSchema = z.strictObject({
  name: z.string().trim().min(1, 'give the tryout a name').max(120),
  date: TryoutDateSchema,
  scenarioIds: z
    .array(ScenarioIdSchema)
    .min(1, 'choose at least one scenario')
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, 'a scenario can be in the playlist only once'),
  checklistIds: z
    .array(z.enum(CHECKLIST_IDS))
    .min(1, 'choose at least one checklist')
    .refine((ids) => new Set(ids).size === ids.length, 'a checklist is listed twice'),
  typedStepsAllowed: z.boolean(),
});
export type TryoutDefinition = z.infer<typeof TryoutDefinitionSchema>;

/** One saved tryout file. */
export const TryoutSchema = TryoutDefinitionSchema.extend({
  formatVersion: z.literal(TRYOUT_FORMAT_VERSION),
  id: TryoutIdSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Tryout = z.infer<typeof TryoutSchema>;

/** An exported tryout (a JSON file another laptop can read): the definition, tagged. */
export const TRYOUT_EXPORT_FORMAT = 'tryout-definition';
export const TryoutExportSchema = z.strictObject({
  format: z.literal(TRYOUT_EXPORT_FORMAT),
  version: z.literal(TRYOUT_FORMAT_VERSION),
  exportedAt: z.iso.datetime(),
  tryout: TryoutSchema,
});
export type TryoutExport = z.infer<typeof TryoutExportSchema>;
