import { appendFile, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CandidateDeletion, RemovedSession, RetentionSweep } from '../../../core/api.js';
import { TryoutError } from '../../../core/errors.js';
import type { SessionManifest } from '../../../core/session/manifest.js';
import type { Settings, SettingsPatch } from '../../../core/settings.js';
import { addToCounts, EMPTY_RETENTION_COUNTS, isPastRetention, RetentionCountsSchema, type RemovedSessionFacts, type RetentionCounts } from '../../../core/tryout/retention-counts.js';
import { jsonText, writeFileAtomic } from '../storage/atomic-write.js';
import { exportsDir } from '../transfer/pack-export.js';
import { reportsDir, subjectSlug } from '../review/reports/report-files.js';
import { readReviews } from '../review/review-files.js';
import { isMissing } from '../session/session-files.js';
import { listSessionManifests } from '../session/session-list.js';
import { sessionPaths, sessionsRoot } from '../session/session-paths.js';

/**
 * Retention and deletion of candidate data.
 * - The sweep deletes tryout sessions older than the retentionDays setting (the whole session
 *   folder: audio, events, drafts, analysis, peaks, reviews, manifest). What remains is anonymous:
 *   counts per month and scenario in `<data>/retention/counts.json`, and one line per run in
 *   `<data>/retention/log.jsonl` (session ids and start times, which hold no names).
 * - A candidate deletion removes every session of that name (any kind) and scrubs the name from
 *   everything else that holds it: the lastCandidateName setting, and exported bundles and PDF
 *   reports that hold their sessions or name (those files are deleted, being copies).
 */

export interface RetentionDeps {
  readonly dataDir: string;
  readonly log: (message: string) => void;
  readonly settings: () => Promise<Settings>;
  readonly updateSettings: (patch: SettingsPatch) => Promise<unknown>;
  /** Sessions being recorded in this run are never touched. */
  readonly isRecording: (sessionId: string) => boolean;
  readonly now?: () => Date;
}

/** Sessions the retention setting applies to: those recorded for a tryout (candidates, not practice). */
export function isCandidateSession(manifest: SessionManifest): boolean {
  return manifest.tryoutId !== undefined;
}

export function retentionDir(dataDir: string): string {
  return resolve(dataDir, 'retention');
}

export function retentionCountsPath(dataDir: string): string {
  return join(retentionDir(dataDir), 'counts.json');
}

export function retentionLogPath(dataDir: string): string {
  return join(retentionDir(dataDir), 'log.jsonl');
}

/** The same name, as a person would judge it: trimmed, case and accents folded. */
export function sameCandidateName(a: string, b: string): boolean {
  const fold = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
  return fold(a) !== '' && fold(a) === fold(b);
}

async function readCounts(dataDir: string, log: (message: string) => void): Promise<RetentionCounts> {
  try {
    const result = RetentionCountsSchema.safeParse(JSON.parse(await readFile(retentionCountsPath(dataDir), 'utf8')));
    if (result.success) return result.data;
    log('retention: counts.json is not valid; starting the counts again');
  } catch (error) {
    if (!isMissing(error)) log('retention: counts.json cannot be read; starting the counts again');
  }
  return EMPTY_RETENTION_COUNTS;
}

/**
 * Removes a session folder: renamed out of the listing first (a dot name is not a session id),
 * so a reader never sees half a session, then deleted.
 */
async function removeSessionFolder(dataDir: string, sessionId: string): Promise<void> {
  const dir = sessionPaths(dataDir, sessionId).dir;
  const doomed = join(sessionsRoot(dataDir), `.deleting-${sessionId}`);
  await rm(doomed, { recursive: true, force: true });
  try {
    await rename(dir, doomed);
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  await rm(doomed, { recursive: true, force: true });
}

async function removeSessions(deps: RetentionDeps, manifests: readonly SessionManifest[]): Promise<{ removed: RemovedSession[]; facts: RemovedSessionFacts[] }> {
  const removed: RemovedSession[] = [];
  const facts: RemovedSessionFacts[] = [];
  for (const manifest of manifests) {
    const reviews = await readReviews(deps.dataDir, manifest.id, deps.log);
    await removeSessionFolder(deps.dataDir, manifest.id);
    removed.push({ sessionId: manifest.id, createdAt: manifest.createdAt });
    facts.push({ scenarioId: manifest.scenarioId, createdAt: manifest.createdAt, verdicts: reviews.map((r) => r.verdict) });
  }
  return { removed, facts };
}

async function appendLog(dataDir: string, entry: Record<string, unknown>): Promise<void> {
  await mkdir(retentionDir(dataDir), { recursive: true });
  await appendFile(retentionLogPath(dataDir), `${JSON.stringify(entry)}\n`, { mode: 0o600 });
}

/** Deletes the tryout sessions past the retentionDays setting; keeps counts and logs the ids. */
export async function runRetentionSweep(deps: RetentionDeps): Promise<RetentionSweep> {
  const now = (deps.now ?? (() => new Date()))();
  const { retentionDays } = await deps.settings();
  if (retentionDays === null) return { retentionDays, removed: [] };
  const manifests = await listSessionManifests(deps.dataDir, deps.log);
  const due = manifests.filter((m) => isCandidateSession(m) && !deps.isRecording(m.id) && isPastRetention(m.createdAt, retentionDays, now));
  if (due.length === 0) return { retentionDays, removed: [] };
  const { removed, facts } = await removeSessions(deps, due);
  await mkdir(retentionDir(deps.dataDir), { recursive: true });
  await writeFileAtomic(retentionCountsPath(deps.dataDir), jsonText(addToCounts(await readCounts(deps.dataDir, deps.log), facts)));
  // Copies of the swept sessions (bundles, reports) and the remembered name go too.
  const names = [...new Set(due.map((m) => m.candidate.name))];
  await scrubDerivedFiles(deps.dataDir, { names, sessionIds: removed.map((r) => r.sessionId), matchNameInContent: false });
  await scrubLastCandidateName(deps, names);
  await appendLog(deps.dataDir, { at: now.toISOString(), reason: 'retention', retentionDays, sessions: removed });
  return { retentionDays, removed };
}

/**
 * Whether `bytes` holds `needle` as UTF-8, ignoring ASCII case (a binary-safe search). With
 * `wholeWord`, a hit inside a longer word does not count ("Al" is not found in "metadata").
 */
export function holdsText(bytes: Uint8Array, needle: string, opts: { readonly wholeWord?: boolean } = {}): boolean {
  if (needle === '') return false;
  const folded = Buffer.from(bytes);
  for (let i = 0; i < folded.length; i++) {
    const b = folded[i] ?? 0;
    if (b >= 0x41 && b <= 0x5a) folded[i] = b + 0x20;
  }
  const isWordByte = (b: number | undefined) => b !== undefined && ((b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39));
  const searches: [Buffer, Buffer][] = [
    [folded, Buffer.from(needle.toLowerCase(), 'utf8')],
    // Non-ASCII letters are not folded: also look for the name exactly as given.
    [Buffer.from(bytes), Buffer.from(needle, 'utf8')],
  ];
  for (const [haystack, pattern] of searches) {
    for (let at = haystack.indexOf(pattern); at !== -1; at = haystack.indexOf(pattern, at + 1)) {
      if (!opts.wholeWord || (!isWordByte(haystack[at - 1]) && !isWordByte(haystack[at + pattern.length]))) return true;
    }
  }
  return false;
}

interface DerivedMatch {
  /** Candidate names: a file named after one (a candidate report) goes. */
  readonly names: readonly string[];
  /** A file holding one of these session ids goes (zip entry names and session report names are stored plainly). */
  readonly sessionIds: readonly string[];
  /** Also a file whose bytes hold one of the names (a deletion on request; not the sweep, which could hit a newer session). */
  readonly matchNameInContent: boolean;
}

/** Exports and reports that hold removed sessions or the candidate. They are copies, so they are deleted. */
async function scrubDerivedFiles(dataDir: string, match: DerivedMatch): Promise<string[]> {
  const slugs = match.names.map(subjectSlug).filter((slug) => slug !== '');
  const scrubbed: string[] = [];
  for (const [folder, dir] of [['exports', exportsDir(dataDir)], ['reports', reportsDir(dataDir)]] as const) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if (isMissing(error)) continue;
      throw error;
    }
    for (const file of names) {
      const path = join(dir, file);
      const bytes = await readFile(path).catch(() => null);
      if (bytes === null) continue;
      const named = slugs.some((slug) => file.startsWith(`candidate-${slug}-`) && /^-\d{8}-\d{6}/.test(file.slice(`candidate-${slug}`.length))) || match.sessionIds.some((id) => file.includes(id));
      const holds = match.sessionIds.some((id) => bytes.includes(id)) || (match.matchNameInContent && match.names.some((name) => holdsText(bytes, name, { wholeWord: true })));
      if (named || holds) {
        await rm(path, { force: true });
        scrubbed.push(`${folder}/${file}`);
      }
    }
  }
  return scrubbed;
}

/** Clears the lastCandidateName setting when it is one of `names`. */
async function scrubLastCandidateName(deps: RetentionDeps, names: readonly string[]): Promise<boolean> {
  const { lastCandidateName } = await deps.settings();
  if (!names.some((name) => sameCandidateName(lastCandidateName, name))) return false;
  await deps.updateSettings({ lastCandidateName: '' });
  return true;
}

/** Deletes every session of `candidateName` and scrubs the name from the rest of the data folder. */
export async function deleteCandidateData(deps: RetentionDeps, candidateName: string): Promise<CandidateDeletion> {
  const now = (deps.now ?? (() => new Date()))();
  const manifests = (await listSessionManifests(deps.dataDir, deps.log)).filter((m) => sameCandidateName(m.candidate.name, candidateName));
  const recording = manifests.filter((m) => deps.isRecording(m.id));
  if (recording.length > 0) {
    throw new TryoutError('conflict', 'This candidate is being recorded right now; finish the call first, then delete their data.');
  }
  const { removed } = await removeSessions(deps, manifests);
  const names = [candidateName.trim()];
  const scrubbed = await scrubDerivedFiles(deps.dataDir, { names, sessionIds: removed.map((r) => r.sessionId), matchNameInContent: true });
  if (await scrubLastCandidateName(deps, names)) scrubbed.push('settings');
  await appendLog(deps.dataDir, { at: now.toISOString(), reason: 'candidate-request', sessions: removed });
  return { removed, scrubbed };
}
