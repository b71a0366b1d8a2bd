import { resolve } from 'node:path';
import { isApiMethod, type ApiInput, type ApiMethod, type ApiOutputs, type ApiParsedInput, type TrainerApi } from '../../core/api.js';
import { TryoutError } from '../../core/errors.js';
import { parseApiInput } from './api-input.js';
import { resolveMediaPath } from './media-paths.js';
import { loadScenarios } from './scenario-repository.js';
import { SessionStore } from './session-store.js';
import { readSettings, updateSettings } from './settings-file.js';

export interface TrainerServiceOptions {
  readonly dataDir: string;
  readonly scenariosDir: string;
  /** Where problems and internal errors are logged; stderr by default. */
  readonly log?: (message: string) => void;
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
  const log = opts.log ?? ((message: string) => console.error(message));
  const store = new SessionStore({ dataDir, log });
  const recoveredAtStartup = store.recover();

  const handlers: Handlers = {
    listScenarios: async () => loadScenarios(scenariosDir),
    startSession: async ({ scenarioId, candidate, sampleRate }) => {
      const scenario = loadScenarios(scenariosDir).scenarios.find((s) => s.id === scenarioId);
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
  };

  return {
    api,
    recoveredAtStartup,
    dispatch,
    resolveMedia: (path) => resolveMediaPath(dataDir, scenariosDir, path),
    close: () => store.close(),
  };
}
