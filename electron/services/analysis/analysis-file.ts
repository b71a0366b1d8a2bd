import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { parseSessionAnalysis } from '../../../core/analysis/analysis-schema.js';
import { ANALYSIS_FORMAT_VERSION, type SessionAnalysis } from '../../../core/analysis/analyze.js';
import type { ResultFinding } from '../../../core/result/session-result.js';
import { isMissing } from '../session/session-files.js';
import { sessionPaths } from '../session/session-paths.js';

/**
 * The one reader of a session's analysis.json. Two ways in:
 * - readSessionAnalysis: the whole file, validated with the analysis schema (what is shown,
 *   reported, compared or used for progress);
 * - readFindings: only what a session's result needs (core/result/session-result.ts), for the
 *   library index, so a scan of thousands of sessions does not validate every transcript and turn.
 * A missing file means "not analysed yet"; a damaged or older one is unusable, with the reason.
 */

export function analysisFilePath(dataDir: string, sessionId: string): string {
  return join(sessionPaths(dataDir, sessionId).dir, 'analysis.json');
}

export type SavedAnalysis = { readonly state: 'analysed'; readonly analysis: SessionAnalysis } | { readonly state: 'not-analysed' } | { readonly state: 'unusable'; readonly reason: string };

/** The whole analysis.json of a session, validated. */
export async function readSessionAnalysis(dataDir: string, sessionId: string): Promise<SavedAnalysis> {
  let text: string;
  try {
    text = await readFile(analysisFilePath(dataDir, sessionId), 'utf8');
  } catch (error) {
    if (isMissing(error)) return { state: 'not-analysed' };
    return { state: 'unusable', reason: `analysis.json cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
  const read = parseSessionAnalysis(text);
  return read.ok ? { state: 'analysed', analysis: read.analysis } : { state: 'unusable', reason: `analysis.json is not a readable analysis (${read.reason})` };
}

/** The analysis, or null when there is none or it cannot be used (the reason logged as `<context>: <session>: <reason>`). */
export async function usableAnalysis(dataDir: string, sessionId: string, log: (message: string) => void, context: string): Promise<SessionAnalysis | null> {
  const saved = await readSessionAnalysis(dataDir, sessionId);
  if (saved.state === 'unusable') log(`${context}: ${sessionId}: ${saved.reason}`);
  return saved.state === 'analysed' ? saved.analysis : null;
}

const StatusSchema = z.enum(['pass', 'fail', 'needs-review', 'not-applicable']);

const FindingsOnlySchema = z.object({
  formatVersion: z.literal(ANALYSIS_FORMAT_VERSION),
  findings: z
    .array(
      z.object({
        checklist: z.string().max(64),
        item: z.string().max(64),
        title: z.string().max(500),
        kind: z.enum(['auto', 'coach-only']),
        status: StatusSchema,
      }),
    )
    .max(10_000),
});

export type FindingsRead = { ok: true; findings: ResultFinding[] | null } | { ok: false; reason: string };

const FINDINGS_KEY = '\n  "findings": [';
const VERSION = /^\{\n {2}"formatVersion": (\d+),/;

/**
 * The format version and findings of an analysis.json as the analysis runner writes it
 * (jsonText: JSON.stringify with 2-space indent), without parsing the turns and transcripts
 * that make up most of the file: at that indent a top-level key starts a line with exactly two
 * spaces and the array closes on a line "  ]", which no string or nested value can produce
 * (JSON strings hold no raw newlines). Null when the text is not laid out so (then it is parsed whole).
 */
function findingsPart(text: string): { formatVersion: number; findings: unknown } | null {
  const version = VERSION.exec(text);
  const start = text.indexOf(FINDINGS_KEY);
  if (!version || start < 0) return null;
  const open = start + FINDINGS_KEY.length - 1;
  if (text[open + 1] === ']') return { formatVersion: Number(version[1]), findings: [] };
  const close = text.indexOf('\n  ]', open);
  if (close < 0) return null;
  return { formatVersion: Number(version[1]), findings: JSON.parse(text.slice(open, close + 4)) as unknown };
}

/** null findings: the session has no analysis.json (not analysed yet). */
export function parseFindings(text: string | null): FindingsRead {
  if (text === null) return { ok: true, findings: null };
  let json: unknown;
  try {
    json = findingsPart(text) ?? JSON.parse(text);
  } catch {
    return { ok: false, reason: 'analysis.json is not valid JSON' };
  }
  const parsed = FindingsOnlySchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `analysis.json is not a readable analysis (${parsed.error.issues[0]?.message ?? 'invalid'})` };
  return { ok: true, findings: parsed.data.findings };
}

export async function readFindings(dataDir: string, sessionId: string): Promise<FindingsRead> {
  try {
    return parseFindings(await readFile(analysisFilePath(dataDir, sessionId), 'utf8'));
  } catch (error) {
    if (isMissing(error)) return { ok: true, findings: null };
    return { ok: false, reason: `analysis.json cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** readFindings, synchronously: for the library's start-up scan. */
export function readFindingsSync(dataDir: string, sessionId: string): FindingsRead {
  try {
    return parseFindings(readFileSync(analysisFilePath(dataDir, sessionId), 'utf8'));
  } catch (error) {
    if (isMissing(error)) return { ok: true, findings: null };
    return { ok: false, reason: `analysis.json cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
}
