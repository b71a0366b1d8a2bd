import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The labelled answer corpus for the judgement bench (npm run bench): what each answer says, how
 * it is given, and what a voice coach would find. Three files, one format: answers.yaml is the
 * part rules and thresholds may be tuned on; held-out.yaml (written by someone else) is never
 * tuned on, only measured; outside.yaml was written later still, by someone who read only the
 * scenarios' briefs, after the judgement was built: answers nobody had seen, measured once per
 * change and never looked at one by one. See answers.yaml's header for the fields.
 */
export const CORPUS_FILES = { tune: 'tests/fixtures/corpus/answers.yaml', 'held-out': 'tests/fixtures/corpus/held-out.yaml', outside: 'tests/fixtures/corpus/outside.yaml' } as const;

export const SPLITS = ['tune', 'held-out', 'outside'] as const;
/** The splits that are only measured (never tuned on, never read answer by answer). */
export const MEASURED_ONLY: readonly Split[] = ['held-out', 'outside'];
export type Split = (typeof SPLITS)[number];

/** Every shipped scenario (scenarios/*.yaml). */
export const CORPUS_SCENARIOS = [
  'angry-caller', 'friday-escalation', 'long-hold', 'memory-check', 'not-listening', 'obvious-question', 'queue-pressure', 'teach-me', 'written-reply',
] as const;

/**
 * The checklist items a label may name: the judgement's items after the rework of issue 14
 * (coach-only items are never labels). A typo in a label is an error, not a silent miss.
 */
export const LABEL_ITEMS = [
  'respect/no-red-flags', 'respect/acknowledges', 'respect/apologises', 'respect/owns-the-problem', 'respect/gives-next-step', 'respect/uses-name',
  'respect/no-talk-over', 'respect/voice-steady',
  'patience/answers-every-step', 'patience/answers-plainly', 'patience/repeats-in-full', 'patience/asks-before-hold', 'patience/checks-back-in',
  'patience/thanks-after-hold', 'patience/answers-promptly', 'patience/no-dead-air', 'patience/not-rushing', 'patience/no-sighs',
  'escalation/escalates-with-facts', 'escalation/no-stonewalling',
  'recall/facts-right', 'recall/customer-name',
  'writing/spelling', 'writing/concise',
] as const;

const itemRef = z.enum(LABEL_ITEMS, { error: (issue) => `unknown label ${JSON.stringify(issue.input)}: a label is one of the checklist items ${LABEL_ITEMS.join(', ')}` });

export const CorpusEntrySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** Entries with the same session are one call, in file order. */
    session: z.string().regex(/^[a-z0-9-]+$/),
    scenario: z.enum(CORPUS_SCENARIOS),
    /** The listen, repeat or type step the answer is given at. */
    step: z.string().min(1),
    /** Default: by file (answers.yaml is tune, held-out.yaml is held-out, outside.yaml is outside); a file may not hold another split. */
    split: z.enum(SPLITS).optional(),
    voice: z.enum(['us-slt', 'kal', 'typed']),
    /** What is said or typed; '' for a spoken answer: nothing said (no clip placed, the step times out). */
    text: z.string().max(1000),
    /** Level of the spoken answer on the mic channel, relative to festival's (peak -3 dBFS). */
    gainDb: z.number().min(-30).max(6).default(-6),
    /** Seconds from the invitation to the start of the clip (negative: over the customer's line). */
    delaySeconds: z.number().min(-5).max(15).default(0.6),
    /** Speaking rate (sox tempo; 1 = festival's own). */
    tempo: z.number().min(0.5).max(2).default(1),
    note: z.string().optional(),
    respectful: z.boolean(),
    patient: z.boolean(),
    /** Items whose finding must be fail or needs-review, pointing at this answer. */
    fail: z.array(itemRef).default([]),
    /** Items that must not fail because of this answer. */
    pass: z.array(itemRef).default([]),
  })
  .refine((e) => e.fail.every((f) => !e.pass.includes(f)), { message: 'an item is labelled both fail and pass' })
  .refine((e) => e.fail.length + e.pass.length > 0, { message: 'an entry needs at least one label' })
  .refine((e) => (e.respectful && e.patient) || e.fail.length > 0, { message: 'a disrespectful or impatient answer names the items it fails' })
  .refine((e) => e.voice !== 'typed' || e.text.trim() !== '', { message: 'a typed answer has text' });

export type CorpusEntry = z.infer<typeof CorpusEntrySchema> & { readonly split: Split };

export const CorpusSchema = z.strictObject({ entries: z.array(CorpusEntrySchema).min(1) }).refine((c) => new Set(c.entries.map((e) => e.id)).size === c.entries.length, {
  message: 'entry ids must be unique',
});

/** Parses one corpus file; entries without a split get `split`, and none may name the other one. */
export function parseCorpus(text: string, split: Split = 'tune'): CorpusEntry[] {
  const entries = CorpusSchema.parse(parse(text)).entries;
  const wrong = entries.filter((e) => e.split !== undefined && e.split !== split);
  if (wrong.length > 0) throw new Error(`entries of the ${split} file marked as another split: ${wrong.map((e) => e.id).join(', ')}`);
  return entries.map((e) => ({ ...e, split }));
}

export function loadCorpusFile(file: string, split: Split): CorpusEntry[] {
  return parseCorpus(readFileSync(file, 'utf8'), split);
}

/** Every file (the measured-only ones only if they exist), tune first; ids and sessions must not repeat across them. */
export function loadCorpus(files: Readonly<Record<Split, string>> = CORPUS_FILES): CorpusEntry[] {
  const entries = SPLITS.flatMap((split) => (split === 'tune' || existsSync(files[split]) ? loadCorpusFile(files[split], split) : []));
  const problems = crossFileProblems(entries);
  if (problems.length > 0) throw new Error(`the corpus files do not fit together: ${problems.join('; ')}`);
  return entries;
}

/** Ids repeated across the files, and sessions that span both. */
export function crossFileProblems(entries: readonly CorpusEntry[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.id)) problems.push(`entry id ${e.id} is used twice`);
    seen.add(e.id);
  }
  const splitOf = new Map<string, Split>();
  for (const e of entries) {
    const other = splitOf.get(e.session);
    if (other !== undefined && other !== e.split) problems.push(`session ${e.session} is in both files`);
    splitOf.set(e.session, e.split);
  }
  return [...new Set(problems)];
}

export interface CorpusSession {
  readonly id: string;
  readonly scenario: CorpusEntry['scenario'];
  readonly split: Split;
  readonly entries: CorpusEntry[];
}

/** The corpus grouped into calls, in file order. */
export function corpusSessions(entries: readonly CorpusEntry[]): CorpusSession[] {
  const sessions = new Map<string, CorpusSession>();
  for (const e of entries) {
    const s = sessions.get(e.session) ?? { id: e.session, scenario: e.scenario, split: e.split, entries: [] };
    s.entries.push(e);
    sessions.set(e.session, s);
  }
  return [...sessions.values()];
}
