import { join, resolve } from 'node:path';
import { isApiMethod, type ApiInput, type ApiMethod, type ApiOutputs, type ApiParsedInput, type TrainerApi } from '../../core/api.js';
import { viewFor, type Role } from '../../core/api-policy.js';
import { TryoutError } from '../../core/errors.js';
import { AnalysisRunner } from './analysis/analysis-runner.js';
import { AutoAnalysis, recogniserLimit } from './analysis/auto-analysis.js';
import { sessionPaths } from './session/session-paths.js';
import { loadVocabulary } from './analysis/vocabulary-repository.js';
import { loadChecklists } from './analysis/checklist-repository.js';
import { parseApiInput } from './api-input.js';
import { originsOf } from './scenarios/clip-resolution.js';
import { deleteCoachClip, saveCoachClip } from './scenarios/coach-clips.js';
import { resolveMediaPath } from './storage/media-paths.js';
import { createReport } from './review/reports/create-report.js';
import { exportSessionBundle } from './transfer/bundle-export.js';
import { importSessionBundle } from './transfer/bundle-import.js';
import { exportScenarioPack } from './transfer/pack-export.js';
import { installPack } from './transfer/pack-install.js';
import { validatePack } from './transfer/pack-validation.js';
import type { ScenarioRoots } from './scenarios/scenario-repository.js';
import { currentLibrary } from './scenarios/scenario-library.js';
import { scenarioRevision } from './scenarios/scenario-revision.js';
import { LibraryIndex } from './review/library-index.js';
import { calibrationOf, comparisonOf, type ReviewQueryDeps } from './review/review-queries.js';
import { ReviewStore } from './review/review-store.js';
import { SessionStore } from './session/session-store.js';
import { createPocketsphinxTranscriber } from './transcription/pocketsphinx.js';
import { createTurnTranscription } from './transcription/transcribe-turn.js';
import { createTurnSpotter } from './transcription/turn-spotter.js';
import type { SpotterTranscriber } from './transcription/spotter-transcriber.js';
import type { Transcriber } from './transcription/transcriber.js';
import type { Settings } from '../../core/settings.js';
import { readSettings, updateSettings } from './storage/settings-file.js';
import { consentProblem } from '../../core/tryout/consent.js';
import { CoachPin, type ScryptParams } from './tryout/coach-pin.js';
import { deleteCandidateData, runRetentionSweep, type RetentionDeps } from './tryout/retention.js';
import { TryoutDay } from './tryout/tryout-day.js';
import { tryoutHandlers } from './tryout/tryout-handlers.js';
import { TryoutStore } from './tryout/tryout-store.js';
import { practiceProgressOf } from './review/practice-progress.js';
import { exportResultsBoard, resultsBoardFor, type ResultsBoardDeps } from './tryout/results-board-service.js';
import { speechChoiceFromSettings } from './transcription/choose-transcriber.js';
import { speechStatusHandlers } from './transcription/speech-status-handlers.js';

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
  /**
   * The phrase spotter transcribeTurn uses where the transcriber is not installed: the app's own
   * by default; none when `transcriber` is null and no spotter is given (tests without speech).
   */
  readonly turnSpotter?: SpotterTranscriber | null;
  /** The coach PIN's scrypt cost; OWASP strength by default (tests pass a cheaper one). */
  readonly coachPinScrypt?: ScryptParams;
  /** Analyses every call as soon as it is finished or recovered (default true; tests that write analysis.json themselves turn it off). */
  readonly analyseFinishedCalls?: boolean;
  /** Runs the retention sweep at start-up (default true). */
  readonly retentionSweepAtStartup?: boolean;
}

export interface TrainerService {
  /** The typed API; every call is validated exactly as `dispatch` validates it. */
  readonly api: TrainerApi;
  /** Sessions repaired by the start-up recovery. */
  readonly recoveredAtStartup: string[];
  /**
   * The one gate: every request from either shell's renderer comes here. Resolves the caller's
   * role, checks API_POLICY (core/api-policy.ts) before the input is looked at, validates the
   * input, runs the method; rejects with a TryoutError only.
   */
  dispatch(method: string, rawInput: unknown): Promise<unknown>;
  /** The same, as `role` instead of the resolved one: for the policy's tests and probes (no shell calls it). */
  dispatchAs(role: Role, method: string, rawInput: unknown): Promise<unknown>;
  /** The file behind a /media/... URL path, or null. */
  resolveMedia(path: string): string | null;
  /** Sessions being recorded now (the kiosk's close and keep-awake decisions use them). */
  recordingSessionIds(): string[];
  /** True while a tryout day is on (the kiosk keeps the screen awake). */
  tryoutDayOn(): boolean;
  /** Finishes every open recording cleanly (WAV header, manifest 'complete'); returns their ids. */
  finishRecordings(): Promise<string[]>;
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
  // Each transcript made during a call is kept in its session folder for the analysis after it.
  const transcriber = opts.transcriber === undefined ? createPocketsphinxTranscriber() : opts.transcriber;
  const turnSpotter = opts.turnSpotter === null || (opts.turnSpotter === undefined && opts.transcriber === null) ? undefined : createTurnSpotter({ store, roots, scenariosDir, primary: transcriber, log, ...(opts.turnSpotter ? { spotter: opts.turnSpotter } : {}) });
  const turnTranscription = createTurnTranscription(store, transcriber, log, (id) => sessionPaths(dataDir, id).dir, turnSpotter);
  const speech = async () => speechChoiceFromSettings(await readSettings(dataDir), dataDir);
  const analysis = new AnalysisRunner({
    dataDir,
    scenariosDir,
    log,
    speech,
    findScenario: (id) => currentLibrary(roots).entries.get(id)?.scenario,
    // The library shows each session's result, which changes with its analysis.
    onAnalysed: (id) => sessionIndex.refresh(id),
    // A call being recorded keeps a core: its analysis then runs one recogniser at a time.
    parallelism: () => recogniserLimit(store.recordingIds().length),
    beforeRun: (id) => turnTranscription.settled(id),
  });
  // A call is under way: the worker for its analysis loads now, not at hang-up.
  const prewarmAnalysis = (sessionId?: string) => {
    if (opts.analyseFinishedCalls !== false) analysis.prewarm(sessionId);
  };
  // Every finished call is analysed at once, whatever the screen (not awaited by the caller).
  const autoAnalysis = new AutoAnalysis({
    analyze: (id) => analysis.analyze(id),
    enabled: opts.analyseFinishedCalls !== false,
    busy: (id) => ['queued', 'running'].includes(analysis.progress(id).state),
    analysed: async (id) => (await analysis.saved(id)) !== null,
    log,
  });
  const reviews = new ReviewStore({ dataDir, log });
  // The session library in memory; every handler that changes a session on disk refreshes it.
  const sessionIndex = new LibraryIndex({ dataDir, log });
  // Built in the background from start-up, so the library opens at once (about 1.5 s for 10,000 sessions).
  sessionIndex.ready().catch((error: unknown) => log(`library: the session index could not be built: ${error instanceof Error ? error.message : String(error)}`));
  const reviewQueries: ReviewQueryDeps = { library: sessionIndex, reviews, analysisOf: (id) => analysis.saved(id) };
  const settingsNow = (): Promise<Settings> => readSettings(dataDir);
  const tryouts = new TryoutStore({ dataDir, log });
  const coachPin = new CoachPin({ dataDir, log, ...(opts.coachPinScrypt ? { scrypt: opts.coachPinScrypt } : {}) });
  const day = new TryoutDay({ dataDir, log, tryouts, coachPin });
  const retention: RetentionDeps = {
    dataDir,
    log,
    settings: settingsNow,
    updateSettings: (patch) => updateSettings(dataDir, patch),
    isRecording: (id) => store.isRecording(id),
  };
  // The tryout day's board: the day's sessions from the library index, each one's result from its analysis and reviews.
  const resultsBoard: ResultsBoardDeps = {
    dataDir,
    tryout: (id) => tryouts.get(id),
    sessionsOf: async (tryoutId) =>
      (await sessionIndex.all())
        .filter((r) => r.tryoutId === tryoutId)
        .map((r) => ({ sessionId: r.sessionId, candidateName: r.candidateName, candidateId: r.candidateId, scenarioId: r.scenarioId, scenarioTitle: r.scenarioTitle, createdAt: r.createdAt, status: r.status })),
    analysisOf: (id) => analysis.saved(id),
    reviewsOf: (id) => reviews.get(id),
  };
  // A call its disk stopped is over: like a recovered one, it is listed anew and analysed with what was kept.
  const storageStopped = (sessionId: string) => (error: unknown): never => {
    if (error instanceof TryoutError && error.code === 'storage-failed') {
      turnSpotter?.end(sessionId);
      const after = (what: string) => (e: unknown) => log(`session ${sessionId}: ${what} after its disk stopped it failed: ${e instanceof Error ? e.message : String(e)}`);
      sessionIndex.refresh(sessionId).catch(after('the library refresh'));
      autoAnalysis.queue(sessionId).catch(after('the analysis'));
    }
    throw error;
  };
  const refreshed = async <T>(sessionIds: readonly string[], result: T): Promise<T> => {
    await Promise.all(sessionIds.map((id) => sessionIndex.refresh(id)));
    return result;
  };

  const handlers: Handlers = {
    listScenarios: async () => {
      const library = currentLibrary(roots);
      return { scenarios: library.scenarios, problems: library.problems, origins: originsOf(roots, library), checklists: loadChecklists(scenariosDir).checklists, vocabulary: loadVocabulary(scenariosDir).vocabulary };
    },
    startSession: async ({ scenarioId, candidate, sampleRate, tryoutId, consent }) => {
      day.checkSession(tryoutId);
      const entry = currentLibrary(roots).entries.get(scenarioId);
      const scenario = entry?.scenario;
      if (!scenario) throw new TryoutError('not-found', `There is no scenario "${scenarioId}" (or its file has problems).`);
      const tryout = tryoutId === undefined ? undefined : await tryouts.get(tryoutId);
      if (tryout && !tryout.scenarioIds.includes(scenarioId)) {
        throw new TryoutError('invalid-argument', `Scenario "${scenarioId}" is not in this tryout's playlist.`);
      }
      const refusal = consentProblem({ tryoutId, consent }, new Date());
      if (refusal !== null) throw new TryoutError('unauthorized', refusal);
      const manifest = await store.create({ scenarioId, scenarioTitle: scenario.title, scenarioRevision: entry?.revision, candidate, sampleRate, tryoutId, consent, checklistIds: tryout?.checklistIds });
      prewarmAnalysis();
      return refreshed([manifest.id], manifest);
    },
    // Without a native recogniser the phrase spotter decodes each answer as its audio lands.
    appendAudio: async ({ sessionId, seq, pcm }) => {
      const written = await store.appendAudio(sessionId, seq, pcm).catch(storageStopped(sessionId));
      turnSpotter?.onAudio(sessionId);
      return written;
    },
    appendEvents: async ({ sessionId, events }) => {
      const appended = await store.appendEvents(sessionId, events).catch(storageStopped(sessionId));
      turnSpotter?.onEvents(sessionId, events);
      return appended;
    },
    saveDraft: ({ sessionId, stepId, text }) => store.saveDraft(sessionId, stepId, text),
    finishSession: async ({ sessionId }) => {
      const manifest = await store.finish(sessionId);
      turnSpotter?.end(sessionId);
      await autoAnalysis.queue(sessionId);
      return refreshed([sessionId], manifest);
    },
    listSessions: () => store.list(),
    getSession: ({ sessionId }) => store.get(sessionId),
    getSettings: () => readSettings(dataDir),
    updateSettings: ({ patch }) => updateSettings(dataDir, patch),
    transcribeTurn: (range) => {
      // A turn has ended: the worker also tracks the pitch recorded so far, so less is left for hang-up.
      prewarmAnalysis(range.sessionId);
      return turnTranscription.transcribe(range);
    },
    analyzeSession: ({ sessionId }) => analysis.analyze(sessionId),
    getAnalysisProgress: async ({ sessionId }) => analysis.progress(sessionId),
    getAnalysis: ({ sessionId }) => analysis.saved(sessionId),
    getPeaks: ({ sessionId }) => analysis.savedPeaks(sessionId),
    scenarioRevision: async () => ({ revision: scenarioRevision(roots) }),
    saveCoachClip: async (input) => saveCoachClip(coachOptions, input),
    deleteCoachClip: async (input) => deleteCoachClip(coachOptions, input),
    exportScenarioPack: async ({ scenarioId }) => exportScenarioPack(roots, dataDir, scenarioId),
    importScenarioPack: async ({ pack, replace }) => installPack(roots, validatePack(pack), replace),
    createReport: (request) => createReport({ dataDir, log, findScenario: (id) => currentLibrary(roots).entries.get(id)?.scenario }, request),
    exportSessionBundle: async ({ sessionIds }) => exportSessionBundle(dataDir, sessionIds),
    importSessionBundle: async ({ bundle }) => {
      const result = await importSessionBundle(dataDir, bundle);
      return refreshed([...result.imported, ...result.updated], result);
    },
    getReviews: ({ sessionId }) => reviews.get(sessionId),
    saveReview: async ({ sessionId, coachName, content }) => refreshed([sessionId], await reviews.save(sessionId, coachName, content)),
    getCalibration: ({ sessionIds }) => calibrationOf(reviewQueries, sessionIds),
    searchSessions: (query) => sessionIndex.search(query),
    compareSessions: ({ sessionIds }) => comparisonOf(reviewQueries, sessionIds),
    ...tryoutHandlers({ tryouts, coachPin, day, settings: settingsNow, scenarios: () => new Map([...currentLibrary(roots).entries].map(([id, entry]) => [id, entry.scenario])) }),
    runRetentionSweep: async () => {
      const result = await runRetentionSweep(retention);
      return refreshed(result.removed.map((r) => r.sessionId), result);
    },
    deleteCandidateData: async ({ candidateName }) => {
      const result = await deleteCandidateData(retention, candidateName);
      return refreshed(result.removed.map((r) => r.sessionId), result);
    },
    getPracticeProgress: (request) => practiceProgressOf({ dataDir, log, listSessions: () => store.list() }, request),
    ...speechStatusHandlers({ speech, transcriber, spotter: turnSpotter?.spotter, roots, scenariosDir }),
    getResultsBoard: ({ tryoutId }) => resultsBoardFor(resultsBoard, tryoutId),
    exportResultsBoard: (request) => exportResultsBoard(resultsBoard, request),
  };

  // In the background, after recovery: a failed sweep is logged and retried at the next start or by hand.
  const startupSweep =
    opts.retentionSweepAtStartup === false
      ? Promise.resolve()
      : handlers.runRetentionSweep({}).then(
          () => undefined,
          (error: unknown) => log(`retention: the start-up sweep failed: ${error instanceof Error ? error.message : String(error)}`),
        );

  // Sessions a crash left behind are analysed too, once recovered (in the background).
  autoAnalysis.queueAll(recoveredAtStartup).catch((error: unknown) => log(`analysis: recovered sessions were not queued: ${error instanceof Error ? error.message : String(error)}`));

  async function dispatchAs(asRole: Role | null, method: string, rawInput: unknown): Promise<unknown> {
    const name = String(method).slice(0, 64);
    try {
      if (!isApiMethod(method)) throw new TryoutError('unknown-method', `There is no API method "${name}".`);
      // Before the input is looked at: the caller's role must be allowed this method.
      const role = asRole ?? (await day.roleFor(method));
      day.admit(method, role);
      const input = parseApiInput(method, rawInput);
      const output = await (handlers[method] as (input: unknown) => Promise<ApiOutputs[ApiMethod]>)(input);
      // Some answers are narrowed for the caller's role (a candidate sees only the microphone settings).
      return viewFor(method, role, output);
    } catch (error) {
      if (error instanceof TryoutError) throw error;
      log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      throw new TryoutError('internal', INTERNAL_MESSAGE);
    }
  }

  const dispatch = (method: string, rawInput: unknown) => dispatchAs(null, method, rawInput);
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
    getPeaks: (input) => call('getPeaks', input),
    scenarioRevision: (input) => call('scenarioRevision', input),
    saveCoachClip: (input) => call('saveCoachClip', input),
    deleteCoachClip: (input) => call('deleteCoachClip', input),
    exportScenarioPack: (input) => call('exportScenarioPack', input),
    importScenarioPack: (input) => call('importScenarioPack', input),
    createReport: (input) => call('createReport', input),
    exportSessionBundle: (input) => call('exportSessionBundle', input),
    importSessionBundle: (input) => call('importSessionBundle', input),
    getReviews: (input) => call('getReviews', input),
    saveReview: (input) => call('saveReview', input),
    getCalibration: (input) => call('getCalibration', input),
    searchSessions: (input) => call('searchSessions', input),
    compareSessions: (input) => call('compareSessions', input),
    listTryouts: (input) => call('listTryouts', input),
    saveTryout: (input) => call('saveTryout', input),
    deleteTryout: (input) => call('deleteTryout', input),
    exportTryout: (input) => call('exportTryout', input),
    getConsentText: (input) => call('getConsentText', input),
    coachPinStatus: (input) => call('coachPinStatus', input),
    setCoachPin: (input) => call('setCoachPin', input),
    unlockCoach: (input) => call('unlockCoach', input),
    runRetentionSweep: (input) => call('runRetentionSweep', input),
    deleteCandidateData: (input) => call('deleteCandidateData', input),
    getPracticeProgress: (input) => call('getPracticeProgress', input),
    importTryout: (input) => call('importTryout', input),
    getTryoutDay: (input) => call('getTryoutDay', input),
    startTryoutDay: (input) => call('startTryoutDay', input),
    endTryoutDay: (input) => call('endTryoutDay', input),
    lockCoach: (input) => call('lockCoach', input),
    getSpeechStatus: (input) => call('getSpeechStatus', input),
    testRecogniser: (input) => call('testRecogniser', input),
    getResultsBoard: (input) => call('getResultsBoard', input),
    exportResultsBoard: (input) => call('exportResultsBoard', input),
  };

  return {
    api,
    recoveredAtStartup,
    dispatch,
    dispatchAs: (role, method, rawInput) => dispatchAs(role, method, rawInput),
    resolveMedia: (path) => (day.mediaAllowed(path) ? resolveMediaPath(dataDir, roots, path) : null),
    recordingSessionIds: () => store.recordingIds(),
    tryoutDayOn: () => day.tryoutId() !== null,
    finishRecordings: async () => {
      const ids = store.recordingIds();
      await Promise.all(ids.map((id) => store.finish(id).then((manifest) => sessionIndex.refresh(manifest.id))));
      return ids;
    },
    close: async () => {
      await startupSweep;
      await coachPin.idle();
      await analysis.idle();
      await analysis.close();
      await reviews.idle();
      await sessionIndex.idle();
      await store.close();
    },
  };
}
