import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { SessionEventSchema, type SessionEvent } from '../../../core/session/events.js';
import { DraftsSchema, SessionManifestSchema, type Drafts, type SessionManifest } from '../../../core/session/manifest.js';

/** Parsing of the files in a session folder. Damaged content is reported, never thrown raw. */

export type ManifestRead = { ok: true; manifest: SessionManifest } | { ok: false; missing: boolean; reason: string };

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

export function isMissing(error: unknown): boolean {
  return errorCode(error) === 'ENOENT';
}

/** Validates the text of a manifest.json belonging to folder `id`. */
export function parseManifest(text: string, id: string): ManifestRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, missing: false, reason: 'manifest.json is not valid JSON' };
  }
  const result = SessionManifestSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, missing: false, reason: `manifest.json is invalid (${where}${issue?.message ?? 'unknown problem'})` };
  }
  if (result.data.id !== id) return { ok: false, missing: false, reason: `manifest.json names session "${result.data.id}"` };
  return { ok: true, manifest: result.data };
}

function readFailure(error: unknown): ManifestRead {
  if (isMissing(error)) return { ok: false, missing: true, reason: 'manifest.json is missing' };
  return { ok: false, missing: false, reason: `manifest.json cannot be read (${errorCode(error) ?? 'error'})` };
}

export async function readManifest(path: string, id: string): Promise<ManifestRead> {
  try {
    return parseManifest(await readFile(path, 'utf8'), id);
  } catch (error) {
    return readFailure(error);
  }
}

export function readManifestSync(path: string, id: string): ManifestRead {
  try {
    return parseManifest(readFileSync(path, 'utf8'), id);
  } catch (error) {
    return readFailure(error);
  }
}

/** The valid events of an events.jsonl text, in order; bad or truncated lines are skipped. */
export function parseEvents(text: string): { events: SessionEvent[]; skipped: number } {
  const events: SessionEvent[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const result = SessionEventSchema.safeParse(JSON.parse(line));
      if (result.success) events.push(result.data);
      else skipped++;
    } catch {
      skipped++;
    }
  }
  return { events, skipped };
}

/** One line per event, each ending in a newline. */
export function eventLines(events: readonly SessionEvent[]): string {
  return events.map((e) => `${JSON.stringify(e)}\n`).join('');
}

/** drafts.json, or an empty record when it is missing or damaged. */
export async function readDrafts(path: string): Promise<Drafts> {
  try {
    const result = DraftsSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return result.success ? result.data : {};
  } catch {
    return {};
  }
}
