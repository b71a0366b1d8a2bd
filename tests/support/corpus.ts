import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The labelled answer corpus (tests/fixtures/corpus/answers.yaml) for the accuracy bench: what
 * each answer says, how it is given, and what the checklists should find. See the file's header.
 */
export const CORPUS_FILE = 'tests/fixtures/corpus/answers.yaml';

/** The scenarios the bench knows a call path for (tests/bench/accuracy-sessions.ts). */
export const CORPUS_SCENARIOS = ['not-listening', 'long-hold', 'written-reply'] as const;

/** "checklist/item", e.g. respect/no-dismissive-phrases. */
const itemRef = z.string().regex(/^[a-z]+\/[a-z][a-z0-9-]*$/, 'a label is checklist/item, e.g. respect/no-dismissive-phrases');

export const CorpusEntrySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** Entries with the same session are one call, in file order. */
    session: z.string().regex(/^[a-z0-9-]+$/),
    scenario: z.enum(CORPUS_SCENARIOS),
    /** The listen, repeat or type step the answer is given at. */
    step: z.string().min(1),
    voice: z.enum(['us-slt', 'kal', 'typed']),
    text: z.string().min(1).max(1000),
    /** Level of the spoken answer on the mic channel, relative to festival's (peak -3 dBFS). */
    gainDb: z.number().min(-30).max(6).default(-6),
    /** Seconds from the invitation to the start of the clip (negative: over the customer's line). */
    delaySeconds: z.number().min(-5).max(15).default(0.6),
    /** Speaking rate (sox tempo; 1 = festival's own). */
    tempo: z.number().min(0.5).max(2).default(1),
    note: z.string().optional(),
    respectful: z.boolean(),
    patient: z.boolean(),
    /** Items whose finding must fail, pointing at this answer. */
    fail: z.array(itemRef).default([]),
    /** Items that must not fail because of this answer. */
    pass: z.array(itemRef).default([]),
  })
  .refine((e) => e.fail.every((f) => !e.pass.includes(f)), { message: 'an item is labelled both fail and pass' })
  .refine((e) => e.fail.length + e.pass.length > 0, { message: 'an entry needs at least one label' });

export type CorpusEntry = z.infer<typeof CorpusEntrySchema>;

export const CorpusSchema = z.strictObject({ entries: z.array(CorpusEntrySchema).min(1) }).refine((c) => new Set(c.entries.map((e) => e.id)).size === c.entries.length, {
  message: 'entry ids must be unique',
});

export function parseCorpus(text: string): CorpusEntry[] {
  return CorpusSchema.parse(parse(text)).entries;
}

export function loadCorpus(file = CORPUS_FILE): CorpusEntry[] {
  return parseCorpus(readFileSync(file, 'utf8'));
}

/** The corpus grouped into calls, in file order. */
export function corpusSessions(entries: readonly CorpusEntry[]): { id: string; scenario: CorpusEntry['scenario']; entries: CorpusEntry[] }[] {
  const sessions = new Map<string, { id: string; scenario: CorpusEntry['scenario']; entries: CorpusEntry[] }>();
  for (const e of entries) {
    const s = sessions.get(e.session) ?? { id: e.session, scenario: e.scenario, entries: [] };
    s.entries.push(e);
    sessions.set(e.session, s);
  }
  return [...sessions.values()];
}
