import type { z } from 'zod';
import { parseSessionAnalysis } from '../../../core/analysis/analysis-schema.js';
import { ANALYSIS_FORMAT_VERSION } from '../../../core/analysis/analyze.js';
import { WaveformPeaksSchema } from '../../../core/analysis/peaks.js';
import { TryoutError } from '../../../core/errors.js';
import { ReviewSchema, type Review } from '../../../core/review/schema.js';
import { SavedTurnTranscriptSchema } from '../../../core/session/turn-transcripts.js';
import { SessionEventSchema } from '../../../core/session/events.js';
import { DraftsSchema, type SessionManifest } from '../../../core/session/manifest.js';
import { describeZodError } from '../api-input.js';
import {
  BUNDLE_INDEX,
  BUNDLE_LIMITS,
  BUNDLE_VERSION,
  BundleIndexSchema,
  classifyBundleEntry,
  type BundleEntryKind,
  REQUIRED_SESSION_FILES,
  SESSION_FILE_MAX_BYTES,
  sha256Hex,
  type BundleIndex,
  type SessionFileName,
} from './bundle-format.js';
import { parseManifest } from '../session/session-files.js';
import type { ZipEntry } from './zip-reader.js';
import { zipChecks } from './zip-validation.js';

/**
 * Checks a session bundle before and while it is unpacked: the zip directory (entry names,
 * counts, declared sizes, symlinks) and bundle.json first, without unpacking anything else; then
 * each file as it is read: its size and sha256 against bundle.json, and its content against the
 * schema of that file. Every refusal is a TryoutError('invalid-argument') saying what is wrong.
 */

export function refuseBundle(reason: string): never {
  throw new TryoutError('invalid-argument', `This file cannot be imported as a session bundle: ${reason}.`);
}

export interface BundleSessionEntries {
  readonly sessionId: string;
  /** The session's files (manifest.json, events.jsonl and audio.wav are always there). */
  readonly files: ReadonlyMap<SessionFileName, ZipEntry>;
  readonly reviews: ReadonlyMap<string, ZipEntry>;
}

export interface OpenedBundle {
  readonly index: BundleIndex;
  readonly sessions: readonly BundleSessionEntries[];
}

const zip = zipChecks(refuseBundle);
const utf8 = zip.utf8;
const json = zip.json;

type FileKind = Exclude<BundleEntryKind, { kind: 'folder' }>;

function maxBytes(kind: FileKind): number {
  if (kind.kind === 'index') return BUNDLE_LIMITS.maxIndexBytes;
  return SESSION_FILE_MAX_BYTES[kind.kind === 'review' ? 'review' : kind.file];
}

function readIndex(data: Uint8Array, entry: ZipEntry): BundleIndex {
  const parsed = BundleIndexSchema.safeParse(json(zip.read(data, entry), BUNDLE_INDEX));
  if (!parsed.success) refuseBundle(`${BUNDLE_INDEX} is not a Tryout bundle index (${describeZodError(parsed.error)})`);
  if (parsed.data.version !== BUNDLE_VERSION) {
    refuseBundle(`it was made in bundle format version ${parsed.data.version}, and this Tryout reads version ${BUNDLE_VERSION}`);
  }
  return parsed.data;
}

/** Reads the zip directory and bundle.json, and checks they describe the same files. Unpacks nothing else. */
export function openBundle(data: Uint8Array): OpenedBundle {
  const entries = zip.entries<FileKind>(data, BUNDLE_LIMITS, classifyBundleEntry, maxBytes);
  const seen = new Set(entries.map(({ entry }) => entry.name));
  let indexEntry: ZipEntry | undefined;
  const bySession = new Map<string, { files: Map<SessionFileName, ZipEntry>; reviews: Map<string, ZipEntry> }>();
  for (const { entry, kind } of entries) {
    if (kind.kind === 'index') {
      indexEntry = entry;
      continue;
    }
    const session = bySession.get(kind.sessionId) ?? { files: new Map(), reviews: new Map() };
    bySession.set(kind.sessionId, session);
    if (kind.kind === 'review') session.reviews.set(kind.coachId, entry);
    else session.files.set(kind.file, entry);
  }
  if (!indexEntry) refuseBundle(`it has no ${BUNDLE_INDEX}`);
  const index = readIndex(data, indexEntry);

  const listed = new Set(Object.keys(index.files));
  for (const name of seen) {
    if (name !== BUNDLE_INDEX && !listed.has(name)) refuseBundle(`"${name}" is not listed in ${BUNDLE_INDEX}`);
  }
  for (const name of listed) if (!seen.has(name)) refuseBundle(`"${name}" is listed in ${BUNDLE_INDEX} but missing from the bundle`);
  for (const { entry } of entries) {
    const declared = index.files[entry.name];
    if (declared && declared.size !== entry.size) {
      refuseBundle(`"${entry.name}" is ${entry.size} bytes in the zip but ${declared.size} bytes in ${BUNDLE_INDEX}`);
    }
  }
  const sessionIds = new Set(index.sessions);
  if (sessionIds.size !== index.sessions.length) refuseBundle(`${BUNDLE_INDEX} lists a session twice`);
  for (const id of bySession.keys()) if (!sessionIds.has(id)) refuseBundle(`the files of session ${id} are not listed as a session in ${BUNDLE_INDEX}`);
  const sessions = index.sessions.map((sessionId): BundleSessionEntries => {
    const found = bySession.get(sessionId);
    for (const file of REQUIRED_SESSION_FILES) if (!found?.files.has(file)) refuseBundle(`session ${sessionId} has no ${file}`);
    if ((found?.reviews.size ?? 0) > BUNDLE_LIMITS.maxReviewsPerSession) refuseBundle(`session ${sessionId} has more than ${BUNDLE_LIMITS.maxReviewsPerSession} reviews`);
    return { sessionId, files: found?.files ?? new Map(), reviews: found?.reviews ?? new Map() };
  });
  return { index, sessions };
}

/** The bytes of one entry, checked against the zip (size, CRC-32) and bundle.json (size, sha256). */
export function readBundleFile(data: Uint8Array, index: BundleIndex, entry: ZipEntry): Uint8Array {
  const bytes = zip.read(data, entry);
  const declared = index.files[entry.name];
  if (!declared || declared.size !== bytes.byteLength) refuseBundle(`"${entry.name}" does not have the size ${BUNDLE_INDEX} gives it`);
  if (sha256Hex(bytes) !== declared.sha256) refuseBundle(`"${entry.name}" does not match its sha256 in ${BUNDLE_INDEX}`);
  return bytes;
}

function schemaProblem(name: string, error: Parameters<typeof describeZodError>[0]): never {
  return refuseBundle(`"${name}" is not valid (${describeZodError(error)})`);
}

export function checkManifest(name: string, bytes: Uint8Array, sessionId: string): SessionManifest {
  const read = parseManifest(utf8(bytes, name), sessionId);
  if (!read.ok) refuseBundle(`session ${sessionId}: ${read.reason}`);
  if (read.manifest.status === 'recording') refuseBundle(`session ${sessionId} was still recording when it was exported`);
  return read.manifest;
}

/** A JSON-lines file: every line valid JSON and of `schema` ("a session event", "a turn transcript"). */
function checkJsonLines(name: string, bytes: Uint8Array, schema: z.ZodType, what: string): void {
  const lines = utf8(bytes, name).split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, i) => {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      refuseBundle(`"${name}" line ${i + 1} is not valid JSON`);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) refuseBundle(`"${name}" line ${i + 1} is not ${what} (${describeZodError(parsed.error)})`);
  });
}

function checkAudio(name: string, bytes: Uint8Array, manifest: SessionManifest): void {
  const info = zip.wav(bytes, name);
  if (info.bitsPerSample !== 16 || info.channels !== manifest.channels) {
    refuseBundle(`"${name}" is ${info.bitsPerSample}-bit with ${info.channels} channels; a session recording is 16-bit with ${manifest.channels}`);
  }
  if (info.sampleRate !== manifest.sampleRate) refuseBundle(`"${name}" is at ${info.sampleRate} Hz, but its manifest says ${manifest.sampleRate} Hz`);
}

function checkAnalysis(name: string, bytes: Uint8Array, sessionId: string): void {
  const raw = json(bytes, name);
  const fields = typeof raw === 'object' && raw !== null ? (raw as { formatVersion?: unknown; sessionId?: unknown }) : {};
  if (fields.formatVersion !== ANALYSIS_FORMAT_VERSION) refuseBundle(`"${name}" is not an analysis of format version ${ANALYSIS_FORMAT_VERSION}`);
  if (fields.sessionId !== sessionId) refuseBundle(`"${name}" is the analysis of another session`);
  // Every field, as the findings panel, the library and the reports read it.
  const read = parseSessionAnalysis(new TextDecoder().decode(bytes));
  if (!read.ok) refuseBundle(`"${name}" is not a valid analysis (${read.reason})`);
}

function checkPeaks(name: string, bytes: Uint8Array): void {
  const parsed = WaveformPeaksSchema.safeParse(json(bytes, name));
  if (!parsed.success) schemaProblem(name, parsed.error);
}

/** Checks the content of one session file; the manifest must have been checked first. */
export function checkSessionFile(file: SessionFileName, name: string, bytes: Uint8Array, manifest: SessionManifest): void {
  switch (file) {
    case 'manifest.json':
      checkManifest(name, bytes, manifest.id);
      return;
    case 'events.jsonl':
      return checkJsonLines(name, bytes, SessionEventSchema, 'a session event');
    case 'audio.wav':
      return checkAudio(name, bytes, manifest);
    case 'drafts.json': {
      const parsed = DraftsSchema.safeParse(json(bytes, name));
      if (!parsed.success) schemaProblem(name, parsed.error);
      return;
    }
    case 'analysis.json':
      return checkAnalysis(name, bytes, manifest.id);
    case 'peaks.json':
      return checkPeaks(name, bytes);
    case 'turn-transcripts.jsonl':
      return checkJsonLines(name, bytes, SavedTurnTranscriptSchema, 'a turn transcript');
  }
}

export function checkReview(name: string, bytes: Uint8Array, sessionId: string, coachId: string): Review {
  const parsed = ReviewSchema.safeParse(json(bytes, name));
  if (!parsed.success) schemaProblem(name, parsed.error);
  if (parsed.data.sessionId !== sessionId) refuseBundle(`"${name}" is a review of another session`);
  if (parsed.data.coach.id !== coachId) refuseBundle(`"${name}" is the review of coach "${parsed.data.coach.id}", not "${coachId}"`);
  return parsed.data;
}
