import { z } from 'zod';
import { API_METHOD_NAMES, type ApiMethod } from './api-methods.js';
import type { ApiOutputs } from './api-outputs.js';
import { LibraryQuerySchema } from './library/library-query.js';
import { MAX_COMPARED_SESSIONS } from './review/compare.js';
import { CoachNameSchema, ReviewContentSchema } from './review/schema.js';
import { SessionEventSchema } from './session/events.js';
import { ScenarioIdSchema, SessionIdSchema, StepIdSchema } from './session/ids.js';
import { CandidateSchema } from './session/manifest.js';
import { SettingsPatchSchema } from './settings.js';
import { ConsentSchema } from './tryout/consent.js';
import { BoardSortSchema } from './tryout/results-board-sort.js';
import { TryoutDefinitionSchema, TryoutIdSchema } from './tryout/schema.js';
import { MAX_TEST_RECORDING_SECONDS, MAX_TEST_SAMPLE_RATE, MIN_TEST_SAMPLE_RATE } from './speech/engine-status.js';

/**
 * TrainerApi: the one contract between the UI and the back end. Electron IPC and the browser
 * shell's HTTP both carry exactly these methods; each takes one argument object, validated
 * by the schema below in the service (the renderer is untrusted).
 */

/** Largest audio chunk accepted: 2 s of 48 kHz stereo 16-bit (the app sends 0.5 s chunks). */
export const MAX_AUDIO_CHUNK_BYTES = 2 * 48_000 * 2 * 2;
export const MAX_EVENTS_PER_CALL = 1000;
/** A coach's recording of one customer line: mono 16-bit little-endian PCM at 16 kHz, at most 60 s. */
export const COACH_CLIP_SAMPLE_RATE = 16_000;
export const MAX_COACH_CLIP_SECONDS = 60;
export const MAX_COACH_CLIP_BYTES = MAX_COACH_CLIP_SECONDS * COACH_CLIP_SAMPLE_RATE * 2;
/** A scenario pack (zip of a scenario and its clips) as uploaded for import. */
export const MAX_SCENARIO_PACK_BYTES = 50 * 1024 * 1024;
/** A session bundle (.tryout) as uploaded for import: about four 30-minute sessions (16 kHz stereo WAV hardly compresses). */
export const MAX_SESSION_BUNDLE_BYTES = 512 * 1024 * 1024;

/** A coach PIN: 4 to 12 digits (typed on the kiosk's keyboard; the throttle makes guessing slow). */
/** An exported tryout is a small JSON file; anything much larger is not one. */
export const MAX_TRYOUT_FILE_CHARS = 256 * 1024;

export const CoachPinSchema = z.string().regex(/^\d{4,12}$/, 'the PIN must be 4 to 12 digits');

/** A frame of a session's audio.wav (a 4 GiB WAV holds fewer than 2^30 stereo frames). */
const audioFrame = z.number().int().nonnegative().max(2 ** 30);

export const ApiInputSchemas = {
  listScenarios: z.strictObject({}),
  startSession: z.strictObject({
    scenarioId: ScenarioIdSchema,
    candidate: CandidateSchema,
    sampleRate: z.number().int().min(8000).max(96_000),
    /** A tryout candidate's session: the scenario must be in the tryout's playlist, and consent is required. */
    tryoutId: TryoutIdSchema.optional(),
    /** The consent text the candidate accepted (getConsentText's version) and when. */
    consent: ConsentSchema.optional(),
  }),
  appendAudio: z.strictObject({
    sessionId: SessionIdSchema,
    /** 0, 1, 2, ... per session; a repeated seq is ignored, a gap is refused. */
    seq: z.number().int().nonnegative(),
    /** Interleaved 16-bit little-endian PCM, 2 channels. */
    pcm: z
      .instanceof(Uint8Array)
      .refine((b) => b.byteLength % 4 === 0, 'pcm must hold whole 2-channel 16-bit frames')
      .refine((b) => b.byteLength <= MAX_AUDIO_CHUNK_BYTES, `pcm chunk exceeds ${MAX_AUDIO_CHUNK_BYTES} bytes`),
  }),
  appendEvents: z.strictObject({
    sessionId: SessionIdSchema,
    events: z.array(SessionEventSchema).max(MAX_EVENTS_PER_CALL),
  }),
  saveDraft: z.strictObject({
    sessionId: SessionIdSchema,
    stepId: StepIdSchema,
    text: z.string().max(20_000),
  }),
  finishSession: z.strictObject({ sessionId: SessionIdSchema }),
  listSessions: z.strictObject({}),
  getSession: z.strictObject({ sessionId: SessionIdSchema }),
  getSettings: z.strictObject({}),
  updateSettings: z.strictObject({ patch: SettingsPatchSchema }),
  /**
   * Speech recognition of the trainee's microphone (channel 1) between two frames of audio.wav,
   * after every audio chunk sent before the call is on disk. At most 10 minutes; clipped to what
   * is recorded. Each transcript is kept in the session (turn-transcripts.jsonl, with `stepId`
   * when given) for the analysis after the call.
   */
  transcribeTurn: z
    .strictObject({ sessionId: SessionIdSchema, fromFrame: audioFrame, toFrame: audioFrame, stepId: StepIdSchema.optional() })
    .refine((r) => r.toFrame > r.fromFrame, { message: 'toFrame must be after fromFrame', path: ['toFrame'] }),
  /** Runs the respect/patience checks on a finished session in a worker; writes analysis.json. */
  analyzeSession: z.strictObject({ sessionId: SessionIdSchema }),
  getAnalysisProgress: z.strictObject({ sessionId: SessionIdSchema }),
  /** The saved analysis.json, or null when the session has not been analysed. */
  getAnalysis: z.strictObject({ sessionId: SessionIdSchema }),
  /** The waveform peaks (peaks.json, written by the analysis), or null when the session has not been analysed. */
  getPeaks: z.strictObject({ sessionId: SessionIdSchema }),
  /** A cheap fingerprint of the scenario folders; it changes when any scenario or clip file does. */
  scenarioRevision: z.strictObject({}),
  saveCoachClip: z.strictObject({
    scenarioId: ScenarioIdSchema,
    stepId: StepIdSchema,
    /** Mono 16-bit little-endian PCM at 16 kHz. */
    pcm: z
      .instanceof(Uint8Array)
      .refine((b) => b.byteLength > 0, 'the recording is empty')
      .refine((b) => b.byteLength % 2 === 0, 'pcm must hold whole 16-bit samples')
      .refine((b) => b.byteLength <= MAX_COACH_CLIP_BYTES, `a recorded line is at most ${MAX_COACH_CLIP_SECONDS} s (${MAX_COACH_CLIP_BYTES} bytes)`),
  }),
  deleteCoachClip: z.strictObject({ scenarioId: ScenarioIdSchema, stepId: StepIdSchema }),
  exportScenarioPack: z.strictObject({ scenarioId: ScenarioIdSchema }),
  importScenarioPack: z.strictObject({
    pack: z
      .instanceof(Uint8Array)
      .refine((b) => b.byteLength <= MAX_SCENARIO_PACK_BYTES, `a scenario pack is at most ${MAX_SCENARIO_PACK_BYTES / 1024 / 1024} MB`),
    /** Replace an installed scenario with the same id (asked of the user after a 'conflict'). */
    replace: z.boolean().default(false),
  }),
  /** Writes the sessions (audio, events, drafts, analysis, peaks, reviews) as one .tryout file under <data>/exports/. */
  exportSessionBundle: z.strictObject({ sessionIds: z.array(SessionIdSchema).min(1, 'choose at least one session').max(200) }),
  /** Imports a .tryout file, all or nothing; sessions already here must have the same recording, reviews merge by coach. */
  importSessionBundle: z.strictObject({
    bundle: z
      .instanceof(Uint8Array)
      .refine((b) => b.byteLength <= MAX_SESSION_BUNDLE_BYTES, `a session bundle is at most ${MAX_SESSION_BUNDLE_BYTES / 1024 / 1024} MB`),
  }),
  /** A PDF report of one session, or of every session of a candidate (name matched case-insensitively). */
  createReport: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('session'), sessionId: SessionIdSchema }),
    z.strictObject({ kind: z.literal('candidate'), candidateName: CandidateSchema.shape.name }),
  ]),
  /** Every readable review of a session, one per coach (damaged files are logged and skipped). */
  getReviews: z.strictObject({ sessionId: SessionIdSchema }),
  /** Saves the coach's whole review (as they go): startedAt kept, updatedAt stamped; the file is <coachId>.json. */
  saveReview: z.strictObject({ sessionId: SessionIdSchema, coachName: CoachNameSchema, content: ReviewContentSchema }),
  /** Coach agreement over these sessions, or over every session two or more coaches finished reviewing. */
  getCalibration: z.strictObject({ sessionIds: z.array(SessionIdSchema).max(10_000).optional() }),
  /** The session library: search, filters, sort and paging over an in-memory index. */
  searchSessions: LibraryQuerySchema,
  /** Sessions side by side per checklist item: automatic status, each coach's decision, verdicts. */
  compareSessions: z.strictObject({
    sessionIds: z.array(SessionIdSchema).min(1, 'choose at least one session').max(MAX_COMPARED_SESSIONS, `at most ${MAX_COMPARED_SESSIONS} sessions can be compared`),
  }),
  /** Every saved tryout (damaged files are logged and skipped), newest date first. */
  listTryouts: z.strictObject({}),
  /** Saves a new tryout (no id) or replaces the one with this id. */
  saveTryout: TryoutDefinitionSchema.extend({ id: TryoutIdSchema.optional() }),
  deleteTryout: z.strictObject({ tryoutId: TryoutIdSchema }),
  /** Writes the tryout as a JSON file under <data>/exports/. */
  exportTryout: z.strictObject({ tryoutId: TryoutIdSchema }),
  /** The consent text in force (it states the retention setting). */
  getConsentText: z.strictObject({}),
  coachPinStatus: z.strictObject({}),
  /** Sets the coach PIN on first use; changing it needs currentPin (throttled like unlockCoach). */
  setCoachPin: z.strictObject({ pin: CoachPinSchema, currentPin: z.string().max(64).optional() }),
  /** Checks the coach PIN; wrong attempts make the next ones wait (retryAfterMs). */
  unlockCoach: z.strictObject({ pin: z.string().max(64) }),
  /** Deletes tryout sessions older than the retentionDays setting, keeping anonymous counts. */
  runRetentionSweep: z.strictObject({}),
  /** Deletes every session of this candidate (name matched case-insensitively) and scrubs the name elsewhere. */
  deleteCandidateData: z.strictObject({ candidateName: CandidateSchema.shape.name }),
  /** A new hire's practice attempts (name matched case-insensitively, tryout sessions left out) and per-item pass rates. */
  getPracticeProgress: z.strictObject({ candidateName: CandidateSchema.shape.name, scenarioId: ScenarioIdSchema.optional() }),
  /** Reads a file written by exportTryout (its text) and saves the tryout under its own id, replacing one with that id. */
  importTryout: z.strictObject({ text: z.string().min(1, 'the file is empty').max(MAX_TRYOUT_FILE_CHARS, 'that file is too large to be an exported tryout') }),
  /** The tryout day on this laptop (if any), whether coach mode is unlocked, and the PIN's state. */
  getTryoutDay: z.strictObject({}),
  /** Turns this laptop into the kiosk for this tryout (needs a coach PIN; locks coach mode). */
  startTryoutDay: z.strictObject({ tryoutId: TryoutIdSchema }),
  /** Ends the tryout day: the laptop is open for practice and coaching again. */
  endTryoutDay: z.strictObject({}),
  /** Locks coach mode now (back to the candidate screens). */
  lockCoach: z.strictObject({}),
  /** The speech engines here: installed or not, versions, models and sizes, and which one does what and why. */
  getSpeechStatus: z.strictObject({}),
  /** A short recording (mono 16-bit little-endian PCM) through the chosen recogniser: the words heard, with times and confidences. */
  testRecogniser: z
    .strictObject({
      pcm: z
        .instanceof(Uint8Array)
        .refine((b) => b.byteLength > 0, 'the recording is empty')
        .refine((b) => b.byteLength % 2 === 0, 'pcm must hold whole 16-bit samples'),
      sampleRate: z.number().int().min(MIN_TEST_SAMPLE_RATE).max(MAX_TEST_SAMPLE_RATE),
    })
    .refine((r) => r.pcm.byteLength <= MAX_TEST_RECORDING_SECONDS * r.sampleRate * 2, {
      message: `a recogniser test is at most ${MAX_TEST_RECORDING_SECONDS} s`,
      path: ['pcm'],
    }),
  /** One tryout day's results board: a row per candidate, a column per checklist (core/tryout/results-board.ts). */
  getResultsBoard: z.strictObject({ tryoutId: TryoutIdSchema }),
  /** Writes the board as CSV or PDF under <data>/exports/, rows in `sort`'s order (the order on screen). */
  exportResultsBoard: z.strictObject({ tryoutId: TryoutIdSchema, format: z.enum(['csv', 'pdf']), sort: BoardSortSchema.optional() }),
} as const satisfies Record<ApiMethod, z.ZodType>;

export type { ApiMethod };
/** The method names (api-methods.ts); the `satisfies` above keeps them and the schemas in step. */
export const API_METHODS: ApiMethod[] = [...API_METHOD_NAMES];
export type ApiInput<M extends ApiMethod> = z.input<(typeof ApiInputSchemas)[M]>;
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof ApiInputSchemas)[M]>;

/** The binary field of a method, sent as the raw HTTP body (or a Uint8Array over IPC). */
export const BINARY_FIELDS: Partial<Record<ApiMethod, string>> = { appendAudio: 'pcm', saveCoachClip: 'pcm', importScenarioPack: 'pack', importSessionBundle: 'bundle', testRecogniser: 'pcm' };
/** The largest binary field each of those methods accepts (the HTTP body limit). */
export const MAX_BINARY_BYTES: Partial<Record<ApiMethod, number>> = {
  appendAudio: MAX_AUDIO_CHUNK_BYTES,
  saveCoachClip: MAX_COACH_CLIP_BYTES,
  importScenarioPack: MAX_SCENARIO_PACK_BYTES,
  importSessionBundle: MAX_SESSION_BUNDLE_BYTES,
  testRecogniser: MAX_TEST_RECORDING_SECONDS * MAX_TEST_SAMPLE_RATE * 2,
};

export type {
  ApiOutputs,
  CandidateDeletion,
  CoachPinStatus,
  CoachUnlock,
  RemovedSession,
  ReportFile,
  ResultsBoardExport,
  RetentionSweep,
  ScenarioCatalog,
  ScenarioPackExport,
  ScenarioPackImport,
  SessionBundleExport,
  SessionBundleImport,
  SessionDetail,
  TryoutDayState,
  TryoutExportFile,
  TryoutImport,
} from './api-outputs.js';

export type TrainerApi = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutputs[M]>;
};

/** What the renderer gets: the API plus URLs for media the back end serves. */
export interface TrainerClient extends TrainerApi {
  readonly transport: 'electron' | 'browser-shell';
  clipUrl(scenarioId: string, clip: string): string;
  recordingUrl(sessionId: string): string;
}

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(ApiInputSchemas, name);
}
