import { z } from 'zod';
import { VERDICTS, type Verdict } from '../review/schema.js';

/**
 * What remains of deleted candidate sessions: anonymous counts per month and scenario (how many
 * sessions, and how many of each coach verdict). No names, ids or times finer than a month.
 */

export const RETENTION_COUNTS_VERSION = 1;

const VerdictCountsSchema = z.strictObject(Object.fromEntries(VERDICTS.map((v) => [v, z.number().int().nonnegative()])) as Record<Verdict, z.ZodNumber>);
export type VerdictCounts = Record<Verdict, number>;

export const ScenarioCountsSchema = z.strictObject({
  sessions: z.number().int().nonnegative(),
  /** Verdicts given by coaches (a session reviewed by two coaches counts twice). */
  verdicts: VerdictCountsSchema,
  /** Sessions no coach gave a verdict. */
  noVerdict: z.number().int().nonnegative(),
});
export type ScenarioCounts = z.infer<typeof ScenarioCountsSchema>;

export const RetentionCountsSchema = z.strictObject({
  formatVersion: z.literal(RETENTION_COUNTS_VERSION),
  /** month (YYYY-MM) -> scenario id -> counts. */
  months: z.record(z.string().regex(/^\d{4}-\d{2}$/), z.record(z.string(), ScenarioCountsSchema)),
});
export type RetentionCounts = z.infer<typeof RetentionCountsSchema>;

export const EMPTY_RETENTION_COUNTS: RetentionCounts = { formatVersion: RETENTION_COUNTS_VERSION, months: {} };

export interface RemovedSessionFacts {
  readonly scenarioId: string;
  readonly createdAt: string;
  readonly verdicts: readonly (Verdict | null)[];
}

/** The UTC month of an ISO time, YYYY-MM. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/** `counts` with the removed sessions added in. */
export function addToCounts(counts: RetentionCounts, removed: readonly RemovedSessionFacts[]): RetentionCounts {
  const months: Record<string, Record<string, ScenarioCounts>> = {};
  for (const [month, scenarios] of Object.entries(counts.months)) months[month] = { ...scenarios };
  for (const session of removed) {
    const month = (months[monthOf(session.createdAt)] ??= {});
    const before = month[session.scenarioId] ?? { sessions: 0, verdicts: Object.fromEntries(VERDICTS.map((v) => [v, 0])) as VerdictCounts, noVerdict: 0 };
    const verdicts = { ...before.verdicts };
    const given = session.verdicts.filter((v): v is Verdict => v !== null);
    for (const verdict of given) verdicts[verdict] += 1;
    month[session.scenarioId] = { sessions: before.sessions + 1, verdicts, noVerdict: before.noVerdict + (given.length === 0 ? 1 : 0) };
  }
  return { formatVersion: RETENTION_COUNTS_VERSION, months };
}

/** Whether a session is past its retention: created more than `retentionDays` days before `now`. */
export function isPastRetention(createdAt: string, retentionDays: number | null, now: Date): boolean {
  if (retentionDays === null) return false;
  const created = Date.parse(createdAt);
  return Number.isFinite(created) && created < now.getTime() - retentionDays * 86_400_000;
}
