import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ApiInput, ApiMethod } from '../../../core/api.js';
import type { Role } from '../../../core/api-policy.js';
import { EMPTY_REVIEW_CONTENT } from '../../../core/review/schema.js';
import { CONSENT_VERSION } from '../../../core/tryout/consent.js';
import type { ScryptParams } from '../../../electron/services/tryout/coach-pin.js';
import { createTrainerService, type TrainerService } from '../../../electron/services/trainer-service.js';
import { makeScenariosDir, SCENARIO_ID, stereoPcm, tempRoot } from './fixtures.js';

/**
 * A real trainer service over a temp data folder, put in the state of one role (no PIN for
 * set-up; a PIN for a trainee; a tryout day locked for a candidate, unlocked for a coach), with
 * a finished session, a review, a tryout and exported files to call every method on.
 */

export const PIN = '2468';
const CHEAP: ScryptParams = { N: 2 ** 10, r: 8, p: 1, keyLength: 64 };
const CANDIDATE = 'Ada Lovelace';

export interface PolicyWorld {
  readonly root: string;
  readonly dataDir: string;
  readonly service: TrainerService;
  /** A finished session (reads, reviews, exports) and one still recording (appends, finish). */
  readonly sessionId: string;
  readonly openSessionId: string;
  readonly tryoutId: string;
  readonly bundle: Uint8Array<ArrayBuffer>;
  readonly pack: Uint8Array<ArrayBuffer>;
  readonly tryoutText: string;
}

export async function startWorld(role: Role): Promise<PolicyWorld> {
  const root = tempRoot(`policy-${role}`);
  const dataDir = join(root, 'data');
  const service = createTrainerService({ dataDir, scenariosDir: makeScenariosDir(root), log: (m) => { if (process.env['POLICY_LOG']) console.error(m); }, transcriber: null, coachPinScrypt: CHEAP, retentionSweepAtStartup: false });
  const { api } = service;
  const tryout = await api.saveTryout({ name: 'Spring tryout', date: '2026-11-24', scenarioIds: [SCENARIO_ID], checklistIds: ['respect'], typedStepsAllowed: false });
  const session = await api.startSession({ scenarioId: SCENARIO_ID, candidate: { name: CANDIDATE }, sampleRate: 16_000 });
  await api.appendAudio({ sessionId: session.id, seq: 0, pcm: stereoPcm(8000) });
  await api.finishSession({ sessionId: session.id });
  await api.saveReview({ sessionId: session.id, coachName: 'Coach Kim', content: { ...EMPTY_REVIEW_CONTENT, summary: 'Calm.' } });
  const bundle = new Uint8Array(readFileSync((await api.exportSessionBundle({ sessionIds: [session.id] })).path));
  const pack = new Uint8Array(readFileSync((await api.exportScenarioPack({ scenarioId: SCENARIO_ID })).path));
  const tryoutText = readFileSync((await api.exportTryout({ tryoutId: tryout.id })).path, 'utf8');
  const open = await api.startSession({ scenarioId: SCENARIO_ID, candidate: { name: CANDIDATE }, sampleRate: 16_000 });
  if (role !== 'setup') await api.setCoachPin({ pin: PIN });
  if (role === 'candidate' || role === 'coach') await api.startTryoutDay({ tryoutId: tryout.id });
  if (role === 'coach' && !(await api.unlockCoach({ pin: PIN })).ok) throw new Error('the coach PIN did not unlock coach mode');
  return { root, dataDir, service, sessionId: session.id, openSessionId: open.id, tryoutId: tryout.id, bundle, pack, tryoutText };
}

/** A well-formed input for every method of the contract (a method without one fails the typecheck). */
export const SAMPLE_INPUTS: { [M in ApiMethod]: (w: PolicyWorld) => ApiInput<M> } = {
  listScenarios: () => ({}),
  startSession: (w) => ({
    scenarioId: SCENARIO_ID,
    candidate: { name: 'Grace Hopper' },
    sampleRate: 16_000,
    tryoutId: w.tryoutId,
    consent: { version: CONSENT_VERSION, acceptedAt: new Date().toISOString() },
  }),
  appendAudio: (w) => ({ sessionId: w.openSessionId, seq: 0, pcm: stereoPcm(16) }),
  appendEvents: (w) => ({ sessionId: w.openSessionId, events: [] }),
  saveDraft: (w) => ({ sessionId: w.openSessionId, stepId: 'answer', text: 'Sorry about that.' }),
  finishSession: (w) => ({ sessionId: w.openSessionId }),
  listSessions: () => ({}),
  getSession: (w) => ({ sessionId: w.sessionId }),
  getSettings: () => ({}),
  updateSettings: () => ({ patch: { echoCancellation: false } }),
  transcribeTurn: (w) => ({ sessionId: w.sessionId, fromFrame: 0, toFrame: 1600 }),
  analyzeSession: (w) => ({ sessionId: w.sessionId }),
  getAnalysisProgress: (w) => ({ sessionId: w.sessionId }),
  getAnalysis: (w) => ({ sessionId: w.sessionId }),
  getPeaks: (w) => ({ sessionId: w.sessionId }),
  scenarioRevision: () => ({}),
  saveCoachClip: () => ({ scenarioId: SCENARIO_ID, stepId: 'greet', pcm: new Uint8Array(3200) }),
  deleteCoachClip: () => ({ scenarioId: SCENARIO_ID, stepId: 'greet' }),
  exportScenarioPack: () => ({ scenarioId: SCENARIO_ID }),
  importScenarioPack: (w) => ({ pack: w.pack, replace: true }),
  exportSessionBundle: (w) => ({ sessionIds: [w.sessionId] }),
  importSessionBundle: (w) => ({ bundle: w.bundle }),
  createReport: (w) => ({ kind: 'session', sessionId: w.sessionId }),
  getReviews: (w) => ({ sessionId: w.sessionId }),
  saveReview: (w) => ({ sessionId: w.sessionId, coachName: 'Coach Lee', content: { ...EMPTY_REVIEW_CONTENT, summary: 'Fine.' } }),
  getCalibration: (w) => ({ sessionIds: [w.sessionId] }),
  searchSessions: () => ({}),
  compareSessions: (w) => ({ sessionIds: [w.sessionId] }),
  listTryouts: () => ({}),
  saveTryout: (w) => ({ id: w.tryoutId, name: 'Spring tryout', date: '2026-11-24', scenarioIds: [SCENARIO_ID], checklistIds: ['respect'], typedStepsAllowed: false }),
  deleteTryout: () => ({ tryoutId: 't-20261124-gone01' }),
  exportTryout: (w) => ({ tryoutId: w.tryoutId }),
  getConsentText: () => ({}),
  coachPinStatus: () => ({}),
  setCoachPin: () => ({ pin: PIN, currentPin: PIN }),
  unlockCoach: () => ({ pin: PIN }),
  runRetentionSweep: () => ({}),
  deleteCandidateData: () => ({ candidateName: 'Nobody Here' }),
  getPracticeProgress: () => ({ candidateName: CANDIDATE }),
  importTryout: (w) => ({ text: w.tryoutText }),
  getTryoutDay: () => ({}),
  startTryoutDay: (w) => ({ tryoutId: w.tryoutId }),
  endTryoutDay: () => ({}),
  lockCoach: () => ({}),
  getSpeechStatus: () => ({}),
  testRecogniser: () => ({ pcm: new Uint8Array(3200), sampleRate: 16_000 }),
  getResultsBoard: (w) => ({ tryoutId: w.tryoutId }),
  exportResultsBoard: (w) => ({ tryoutId: w.tryoutId, format: 'csv' }),
};

/** Every file under `dir` with the SHA-256 of its bytes, and every folder: what "nothing changed" compares. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      const key = relative(dir, path);
      if (statSync(path).isDirectory()) {
        out[`${key}/`] = 'folder';
        walk(path);
      } else {
        out[key] = createHash('sha256').update(readFileSync(path)).digest('hex');
      }
    }
  };
  walk(dir);
  return out;
}
