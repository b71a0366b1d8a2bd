import { z } from 'zod';
import { API_METHOD_NAMES, type ApiMethod } from './api-methods.js';
import type { Scenario, ScenarioProblem } from './scenario/schema.js';
import { SessionEventSchema, type SessionEvent } from './session/events.js';
import { ScenarioIdSchema, SessionIdSchema, StepIdSchema } from './session/ids.js';
import { CandidateSchema, type Drafts, type SessionManifest } from './session/manifest.js';
import { SettingsPatchSchema, type Settings } from './settings.js';

/**
 * TrainerApi: the one contract between the UI and the back end. Electron IPC and the browser
 * shell's HTTP both carry exactly these methods; each takes one argument object, validated
 * by the schema below in the service (the renderer is untrusted).
 */

/** Largest audio chunk accepted: 2 s of 48 kHz stereo 16-bit (the app sends 0.5 s chunks). */
export const MAX_AUDIO_CHUNK_BYTES = 2 * 48_000 * 2 * 2;
export const MAX_EVENTS_PER_CALL = 1000;

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
} as const satisfies Record<ApiMethod, z.ZodType>;

export type { ApiMethod };
/** The method names (api-methods.ts); the `satisfies` above keeps them and the schemas in step. */
export const API_METHODS: ApiMethod[] = [...API_METHOD_NAMES];
export type ApiInput<M extends ApiMethod> = z.input<(typeof ApiInputSchemas)[M]>;
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof ApiInputSchemas)[M]>;

/** The binary field of a method, sent as the raw HTTP body (or a Uint8Array over IPC). */
export const BINARY_FIELDS: Partial<Record<ApiMethod, string>> = { appendAudio: 'pcm' };

export interface ScenarioCatalog {
  readonly scenarios: readonly Scenario[];
  /** Problems in files that failed to load; the good scenarios are still listed. */
  readonly problems: readonly ScenarioProblem[];
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
