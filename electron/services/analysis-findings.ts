import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ANALYSIS_FORMAT_VERSION } from '../../core/analysis/analyze.js';
import type { ResultFinding } from '../../core/result/session-result.js';
import { isMissing } from './session-files.js';
import { sessionPaths } from './session-paths.js';

/**
 * The findings of a session's analysis.json, as far as a session's result needs them
 * (core/result/session-result.ts), for the library index. Only these fields are checked, so a
 * scan of thousands of sessions does not validate every transcript and turn; the full file is
 * validated where it is shown (getAnalysis).
 */

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

function analysisPath(dataDir: string, sessionId: string): string {
  return join(sessionPaths(dataDir, sessionId).dir, 'analysis.json');
}

export async function readFindings(dataDir: string, sessionId: string): Promise<FindingsRead> {
  try {
    return parseFindings(await readFile(analysisPath(dataDir, sessionId), 'utf8'));
  } catch (error) {
    if (isMissing(error)) return { ok: true, findings: null };
    return { ok: false, reason: `analysis.json cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** readFindings, synchronously: for the library's start-up scan. */
export function readFindingsSync(dataDir: string, sessionId: string): FindingsRead {
  try {
    return parseFindings(readFileSync(analysisPath(dataDir, sessionId), 'utf8'));
  } catch (error) {
    if (isMissing(error)) return { ok: true, findings: null };
    return { ok: false, reason: `analysis.json cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
}
