import { z } from 'zod';
import type { SessionAnalysis } from './analysis/analyze.js';
import type { AnalysisStatus } from './analysis/progress.js';
import { API_METHOD_NAMES, type ApiMethod } from './api-methods.js';
import type { CustomerLine, ScenarioOrigin } from './scenario/library.js';
import type { Scenario, ScenarioProblem } from './scenario/schema.js';
import { SessionEventSchema, type SessionEvent } from './session/events.js';
import { ScenarioIdSchema, SessionIdSchema, StepIdSchema } from './session/ids.js';
import { CandidateSchema, type Drafts, type SessionManifest } from './session/manifest.js';
import { SettingsPatchSchema, type Settings } from './settings.js';
import type { TurnTranscription } from './session/transcription.js';

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

/** A frame of a session's audio.wav (a 4 GiB WAV holds fewer than 2^30 stereo frames). */
const audioFrame = z.number().int().nonnegative().max(2 ** 30);

export const ApiInputSchemas = {
  listScenarios: z.strictObject({}),
  startSession: z.strictObject({
    scenarioId: ScenarioIdSchema,
    candidate: CandidateSchema,
    sampleRate: z.number().int().min(8000).max(96_000),
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
   * is recorded.
   */
  transcribeTurn: z
    .strictObject({ sessionId: SessionIdSchema, fromFrame: audioFrame, toFrame: audioFrame })
    .refine((r) => r.toFrame > r.fromFrame, { message: 'toFrame must be after fromFrame', path: ['toFrame'] }),
  /** Runs the respect/patience checks on a finished session in a worker; writes analysis.json. */
  analyzeSession: z.strictObject({ sessionId: SessionIdSchema }),
  getAnalysisProgress: z.strictObject({ sessionId: SessionIdSchema }),
  /** The saved analysis.json, or null when the session has not been analysed. */
  getAnalysis: z.strictObject({ sessionId: SessionIdSchema }),
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
} as const satisfies Record<ApiMethod, z.ZodType>;

export type { ApiMethod };
/** The method names (api-methods.ts); the `satisfies` above keeps them and the schemas in step. */
export const API_METHODS: ApiMethod[] = [...API_METHOD_NAMES];
export type ApiInput<M extends ApiMethod> = z.input<(typeof ApiInputSchemas)[M]>;
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof ApiInputSchemas)[M]>;

/** The binary field of a method, sent as the raw HTTP body (or a Uint8Array over IPC). */
export const BINARY_FIELDS: Partial<Record<ApiMethod, string>> = { appendAudio: 'pcm', saveCoachClip: 'pcm', importScenarioPack: 'pack' };
/** The largest binary field each of those methods accepts (the HTTP body limit). */
export const MAX_BINARY_BYTES: Partial<Record<ApiMethod, number>> = {
  appendAudio: MAX_AUDIO_CHUNK_BYTES,
  saveCoachClip: MAX_COACH_CLIP_BYTES,
  importScenarioPack: MAX_SCENARIO_PACK_BYTES,
};

export interface ScenarioCatalog {
  readonly scenarios: readonly Scenario[];
  /** Problems in files that failed to load; the good scenarios are still listed. */
  readonly problems: readonly ScenarioProblem[];
  /** Per listed scenario id: which root it came from and what plays each customer line. */
  readonly origins: Readonly<Record<string, ScenarioOrigin>>;
}

export interface ScenarioPackExport {
  readonly fileName: string;
  /** Where the pack was written on the back end's disk. */
  readonly path: string;
  /** Downloads the pack (served under /media/exports/). */
  readonly url: string;
  readonly bytes: number;
}

export interface ScenarioPackImport {
  readonly scenarioId: string;
  readonly title: string;
  /** True when an installed scenario with the same id was replaced (or is now hidden by this copy). */
  readonly replaced: boolean;
  readonly clips: number;
}

export interface SessionDetail {
  readonly manifest: SessionManifest;
  readonly events: readonly SessionEvent[];
  readonly drafts: Drafts;
}

export interface ApiOutputs {
  listScenarios: ScenarioCatalog;
  startSession: SessionManifest;
  appendAudio: { readonly framesWritten: number };
  appendEvents: { readonly count: number };
  saveDraft: { readonly savedAt: string };
  finishSession: SessionManifest;
  listSessions: readonly SessionManifest[];
  getSession: SessionDetail;
  getSettings: Settings;
  updateSettings: Settings;
  transcribeTurn: TurnTranscription;
  analyzeSession: SessionAnalysis;
  getAnalysisProgress: AnalysisStatus;
  getAnalysis: SessionAnalysis | null;
  scenarioRevision: { readonly revision: string };
  saveCoachClip: CustomerLine;
  deleteCoachClip: CustomerLine;
  exportScenarioPack: ScenarioPackExport;
  importScenarioPack: ScenarioPackImport;
}

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
