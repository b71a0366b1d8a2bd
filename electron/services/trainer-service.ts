import { join, resolve } from 'node:path';
import { isApiMethod, type ApiInput, type ApiMethod, type ApiOutputs, type ApiParsedInput, type TrainerApi } from '../../core/api.js';
import { TryoutError } from '../../core/errors.js';
import { AnalysisRunner } from './analysis/analysis-runner.js';
import { parseApiInput } from './api-input.js';
import { originsOf } from './clip-resolution.js';
import { deleteCoachClip, saveCoachClip } from './coach-clips.js';
import { resolveMediaPath } from './media-paths.js';
import { exportScenarioPack } from './pack-export.js';
import { installPack } from './pack-install.js';
import { validatePack } from './pack-validation.js';
import { loadLibrary, type ScenarioRoots } from './scenario-repository.js';
import { scenarioRevision } from './scenario-revision.js';
import { SessionStore } from './session-store.js';
import { createPocketsphinxTranscriber } from './transcription/pocketsphinx.js';
import { createTurnTranscription } from './transcription/transcribe-turn.js';
import type { Transcriber } from './transcription/transcriber.js';
import { readSettings, updateSettings } from './settings-file.js';

export interface TrainerServiceOptions {
  readonly dataDir: string;
  readonly scenariosDir: string;
  /** The user's scenarios (imported packs, coach clips when scenariosDir is read-only); <dataDir>/scenarios by default. */
  readonly userScenariosDir?: string;
  /** Forces whether coach clips may be written into scenariosDir; by default the disk is asked. */
  readonly shippedScenariosWritable?: boolean;
  /** Where problems and internal errors are logged; stderr by default. */
  readonly log?: (message: string) => void;
  /** Speech recognition for transcribeTurn; pocketsphinx by default, null for none. */
  readonly transcriber?: Transcriber | null;
}

export interface TrainerService {
  /** The typed API; every call is validated exactly as `dispatch` validates it. */
  readonly api: TrainerApi;
  /** Sessions repaired by the start-up recovery. */
  readonly recoveredAtStartup: string[];
  /** Runs `method` with untrusted input; rejects with a TryoutError only. */
  dispatch(method: string, rawInput: unknown): Promise<unknown>;
  /** The file behind a /media/... URL path, or null. */
  resolveMedia(path: string): string | null;
  /** Waits for pending writes and closes open session files. */
  close(): Promise<void>;
}

type Handlers = { [M in ApiMethod]: (input: ApiParsedInput<M>) => Promise<ApiOutputs[M]> };

const INTERNAL_MESSAGE = 'Something went wrong in the Tryout back end; its log has the details.';

/** The one back end, used by Electron IPC and the browser shell alike. */
export function createTrainerService(opts: TrainerServiceOptions): TrainerService {
  const dataDir = resolve(opts.dataDir);
  const scenariosDir = resolve(opts.scenariosDir);
  const roots: ScenarioRoots = { shipped: scenariosDir, user: resolve(opts.userScenariosDir ?? join(dataDir, 'scenarios')) };
  const coachOptions = { roots, ...(opts.shippedScenariosWritable !== undefined ? { shippedWritable: opts.shippedScenariosWritable } : {}) };
  const log = opts.log ?? ((message: string) => console.error(message));
  const store = new SessionStore({ dataDir, log });
  const recoveredAtStartup = store.recover();
  const transcribeTurn = createTurnTranscription(store, opts.transcriber === undefined ? createPocketsphinxTranscriber() : opts.transcriber, log);
  const analysis = new AnalysisRunner({ dataDir, scenariosDir, log, findScenario: (id) => loadLibrary(roots).entries.get(id)?.scenario });

  const handlers: Handlers = {
    listScenarios: async () => {
      const library = loadLibrary(roots);
      return { scenarios: library.scenarios, problems: library.problems, origins: originsOf(roots, library) };
    },
    startSession: async ({ scenarioId, candidate, sampleRate }) => {
      const scenario = loadLibrary(roots).entries.get(scenarioId)?.scenario;
      if (!scenario) throw new TryoutError('not-found', `There is no scenario "${scenarioId}" (or its file has problems).`);
      return store.create({ scenarioId, scenarioTitle: scenario.title, candidate, sampleRate });
    },
    appendAudio: ({ sessionId, seq, pcm }) => store.appendAudio(sessionId, seq, pcm),
    appendEvents: ({ sessionId, events }) => store.appendEvents(sessionId, events),
    saveDraft: ({ sessionId, stepId, text }) => store.saveDraft(sessionId, stepId, text),
    finishSession: ({ sessionId }) => store.finish(sessionId),
    listSessions: () => store.list(),
    getSession: ({ sessionId }) => store.get(sessionId),
    getSettings: () => readSettings(dataDir),
    updateSettings: ({ patch }) => updateSettings(dataDir, patch),
    transcribeTurn: (range) => transcribeTurn(range),
    analyzeSession: ({ sessionId }) => analysis.analyze(sessionId),
    getAnalysisProgress: async ({ sessionId }) => analysis.progress(sessionId),
    getAnalysis: ({ sessionId }) => analysis.saved(sessionId),
    scenarioRevision: async () => ({ revision: scenarioRevision(roots) }),
    saveCoachClip: async (input) => saveCoachClip(coachOptions, input),
    deleteCoachClip: async (input) => deleteCoachClip(coachOptions, input),
    exportScenarioPack: async ({ scenarioId }) => exportScenarioPack(roots, dataDir, scenarioId),
    importScenarioPack: async ({ pack, replace }) => installPack(roots, validatePack(pack), replace),
  };

  async function dispatch(method: string, rawInput: unknown): Promise<unknown> {
    const name = String(method).slice(0, 64);
    try {
      if (!isApiMethod(method)) throw new TryoutError('unknown-method', `There is no API method "${name}".`);
      const input = parseApiInput(method, rawInput);
      return await (handlers[method] as (input: unknown) => Promise<unknown>)(input);
    } catch (error) {
      if (error instanceof TryoutError) throw error;
      log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      throw new TryoutError('internal', INTERNAL_MESSAGE);
    }
  }

  const call = <M extends ApiMethod>(method: M, input: ApiInput<M>) => dispatch(method, input) as Promise<ApiOutputs[M]>;
  const api: TrainerApi = {
    listScenarios: (input) => call('listScenarios', input),
    startSession: (input) => call('startSession', input),
    appendAudio: (input) => call('appendAudio', input),
    appendEvents: (input) => call('appendEvents', input),
    saveDraft: (input) => call('saveDraft', input),
    finishSession: (input) => call('finishSession', input),
    listSessions: (input) => call('listSessions', input),
    getSession: (input) => call('getSession', input),
    getSettings: (input) => call('getSettings', input),
    updateSettings: (input) => call('updateSettings', input),
    transcribeTurn: (input) => call('transcribeTurn', input),
    analyzeSession: (input) => call('analyzeSession', input),
    getAnalysisProgress: (input) => call('getAnalysisProgress', input),
    getAnalysis: (input) => call('getAnalysis', input),
    scenarioRevision: (input) => call('scenarioRevision', input),
    saveCoachClip: (input) => call('saveCoachClip', input),
    deleteCoachClip: (input) => call('deleteCoachClip', input),
    exportScenarioPack: (input) => call('exportScenarioPack', input),
    importScenarioPack: (input) => call('importScenarioPack', input),
  };

  return {
    api,
    recoveredAtStartup,
    dispatch,
    resolveMedia: (path) => resolveMediaPath(dataDir, roots, path),
    close: async () => {
      await analysis.idle();
      await store.close();
    },
  };
}
