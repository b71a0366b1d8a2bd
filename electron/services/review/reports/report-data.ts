import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SessionAnalysis } from '../../../../core/analysis/analyze.js';
import { TryoutError } from '../../../../core/errors.js';
import { ReviewSchema, type Review } from '../../../../core/review/schema.js';
import type { Scenario } from '../../../../core/scenario/schema.js';
import type { SessionEvent } from '../../../../core/session/events.js';
import type { SessionManifest } from '../../../../core/session/manifest.js';
import { usableAnalysis } from '../../analysis/analysis-file.js';
import { isMissing, parseEvents, readManifest } from '../../session/session-files.js';
import { listSessionManifests } from '../../session/session-list.js';
import { sessionPaths } from '../../session/session-paths.js';

/**
 * What a report is made of, read straight from a session's files: the manifest, the events, the
 * automatic result (analysis.json), every coach's review (reviews/*.json, ReviewSchema) and the
 * scenario for the customer's lines. Missing or damaged parts are left out and logged, so a
 * report is still made for a session that was never analysed or reviewed.
 */

export interface SessionReportData {
  readonly manifest: SessionManifest;
  readonly events: readonly SessionEvent[];
  readonly analysis: SessionAnalysis | null;
  /** Sorted by coach name. */
  readonly reviews: readonly Review[];
  /** Null when the scenario is no longer installed (or its file has problems). */
  readonly scenario: Scenario | null;
}

export interface ReportSources {
  readonly dataDir: string;
  readonly findScenario: (id: string) => Scenario | undefined;
  readonly log: (message: string) => void;
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** Every valid reviews/<coach>.json of a session; invalid files are logged and left out. */
export async function readReviews(dir: string, sessionId: string, log: (message: string) => void): Promise<Review[]> {
  let names: string[];
  try {
    names = await readdir(join(dir, 'reviews'));
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const reviews: Review[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const text = await readText(join(dir, 'reviews', name));
    if (text === null) continue;
    let parsed: ReturnType<typeof ReviewSchema.safeParse>;
    try {
      parsed = ReviewSchema.safeParse(JSON.parse(text));
    } catch {
      log(`report: session ${sessionId}: reviews/${name} is not valid JSON; left out`);
      continue;
    }
    if (parsed.success && parsed.data.sessionId === sessionId) reviews.push(parsed.data);
    else log(`report: session ${sessionId}: reviews/${name} is not a valid review; left out`);
  }
  return reviews.sort((a, b) => a.coach.name.localeCompare(b.coach.name));
}

export async function loadSessionReportData(src: ReportSources, sessionId: string): Promise<SessionReportData> {
  const paths = sessionPaths(src.dataDir, sessionId);
  const read = await readManifest(paths.manifest, sessionId);
  if (!read.ok) {
    throw new TryoutError('not-found', read.missing ? `There is no session "${sessionId}".` : `Session "${sessionId}" cannot be read: ${read.reason}.`);
  }
  const eventsText = await readText(paths.events);
  return {
    manifest: read.manifest,
    events: eventsText === null ? [] : parseEvents(eventsText).events,
    analysis: await usableAnalysis(src.dataDir, sessionId, src.log, 'report'),
    reviews: await readReviews(paths.dir, sessionId, src.log),
    scenario: src.findScenario(read.manifest.scenarioId) ?? null,
  };
}

/** Case- and accent-form-insensitive comparison of candidate names ("josé núñez" = "José Núñez"). */
export function sameCandidate(a: string, b: string): boolean {
  const key = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return key(a) === key(b);
}

/** Every session of a candidate, oldest first. */
export async function loadCandidateReportData(src: ReportSources, candidateName: string): Promise<SessionReportData[]> {
  const manifests = (await listSessionManifests(src.dataDir, src.log)).filter((m) => sameCandidate(m.candidate.name, candidateName));
  if (manifests.length === 0) throw new TryoutError('not-found', `There are no sessions of a candidate named "${candidateName}".`);
  manifests.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id));
  return Promise.all(manifests.map((m) => loadSessionReportData(src, m.id)));
}
