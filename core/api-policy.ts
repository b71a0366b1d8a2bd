import type { ApiMethod } from './api-methods.js';
import type { ApiOutputs } from './api-outputs.js';
import { candidateSettings } from './settings.js';
import { coachUnlocked, type CoachGateState } from './tryout/day.js';

/**
 * Who may call what: one line per method of the contract (api-methods.ts), read by the one
 * dispatch both shells use (electron/services/trainer-service.ts), before any input is parsed.
 * A method added to the contract without a line here fails the typecheck (`satisfies` below).
 *
 * The roles, and how a caller gets one (resolveRole):
 * - candidate: a tryout day is on and coach mode is locked (the kiosk's candidate screens);
 * - coach:     a tryout day is on and a coach unlocked coach mode with the PIN; or no day is on
 *              and the method is a coach's (the laptop is open for coaching: no PIN is asked
 *              outside a tryout day, as the app has always done);
 * - trainee:   no day is on, a PIN is set, and the method is a trainee's (practice, history, progress);
 * - setup:     no day is on and no coach PIN is set yet (first run: everything is open, so the
 *              PIN, tryouts and settings can be made).
 */

export const ROLES = ['candidate', 'trainee', 'coach', 'setup'] as const;
export type Role = (typeof ROLES)[number];

const EVERYONE = ['candidate', 'trainee', 'coach', 'setup'] as const satisfies readonly Role[];
/** Practice and its own history: anyone but a candidate on a locked kiosk. */
const PRACTICE = ['trainee', 'coach', 'setup'] as const satisfies readonly Role[];
/** Coaching, set-up and anything that reads or changes other people's sessions. */
const COACHING = ['coach', 'setup'] as const satisfies readonly Role[];

export const API_POLICY = {
  // The catalog and one call's recording: what a candidate's call needs (startSession itself
  // lets a locked kiosk record only the day's tryout calls).
  listScenarios: EVERYONE,
  scenarioRevision: EVERYONE,
  startSession: EVERYONE,
  appendAudio: EVERYONE,
  appendEvents: EVERYONE,
  saveDraft: EVERYONE,
  finishSession: EVERYONE,
  transcribeTurn: EVERYONE,
  // The microphone settings are read by every screen; changing the laptop's settings is not a candidate's.
  getSettings: EVERYONE,
  updateSettings: PRACTICE,
  // The consent text, the PIN's state and the way in and out of coach mode.
  getConsentText: EVERYONE,
  coachPinStatus: EVERYONE,
  unlockCoach: EVERYONE,
  lockCoach: EVERYONE,
  getTryoutDay: EVERYONE,
  // A trainee's history and feedback.
  listSessions: PRACTICE,
  getSession: PRACTICE,
  analyzeSession: PRACTICE,
  getAnalysisProgress: PRACTICE,
  getAnalysis: PRACTICE,
  getPeaks: PRACTICE,
  getPracticeProgress: PRACTICE,
  // Reviews, the library, reports.
  getReviews: COACHING,
  saveReview: COACHING,
  getCalibration: COACHING,
  searchSessions: COACHING,
  compareSessions: COACHING,
  createReport: COACHING,
  // Scenarios: a coach's recordings and packs.
  saveCoachClip: COACHING,
  deleteCoachClip: COACHING,
  exportScenarioPack: COACHING,
  importScenarioPack: COACHING,
  // Sessions between laptops, and deleting them.
  exportSessionBundle: COACHING,
  importSessionBundle: COACHING,
  runRetentionSweep: COACHING,
  deleteCandidateData: COACHING,
  // Tryouts, the PIN and the day.
  listTryouts: COACHING,
  saveTryout: COACHING,
  deleteTryout: COACHING,
  exportTryout: COACHING,
  importTryout: COACHING,
  setCoachPin: COACHING,
  startTryoutDay: COACHING,
  endTryoutDay: COACHING,
  // The speech engines: what is installed, and a test recording through them.
  getSpeechStatus: COACHING,
  testRecogniser: COACHING,
  // The tryout day's results board and its CSV / PDF for the hiring meeting.
  getResultsBoard: COACHING,
  exportResultsBoard: COACHING,
} as const satisfies Record<ApiMethod, readonly Role[]>;

/**
 * What a role sees of an answer where it may call the method but not see all of it; applied by
 * the same dispatch after the handler. A candidate on the kiosk reads the microphone settings only.
 */
const VIEWS: { readonly [M in ApiMethod]?: (role: Role, output: ApiOutputs[M]) => ApiOutputs[M] } = {
  getSettings: (role, settings) => (role === 'candidate' ? candidateSettings(settings) : settings),
};

export function viewFor<M extends ApiMethod>(method: M, role: Role, output: ApiOutputs[M]): ApiOutputs[M] {
  const view = VIEWS[method] as ((role: Role, output: ApiOutputs[M]) => ApiOutputs[M]) | undefined;
  return view ? view(role, output) : output;
}

export function roleMayCall(role: Role, method: ApiMethod): boolean {
  return (API_POLICY[method] as readonly Role[]).includes(role);
}

/** The methods a role may call, in contract order. */
export function methodsOf(role: Role, methods: readonly ApiMethod[]): ApiMethod[] {
  return methods.filter((method) => roleMayCall(role, method));
}

/** What the dispatch knows when a request arrives. */
export interface GateState extends CoachGateState {
  /** Whether a coach PIN is set on this laptop. */
  readonly pinSet: boolean;
}

/** The caller's role for this request (see the table of roles at the top). */
export function resolveRole(state: GateState, method: ApiMethod, now: number): Role {
  if (state.dayTryoutId !== null) return coachUnlocked(state, now) ? 'coach' : 'candidate';
  if (!state.pinSet) return 'setup';
  if (coachUnlocked(state, now)) return 'coach';
  return roleMayCall('trainee', method) ? 'trainee' : 'coach';
}

const ROLE_NAMES: Record<Role, string> = {
  candidate: 'a candidate on this tryout kiosk',
  trainee: 'a trainee practising',
  coach: 'a coach',
  setup: 'first-run set-up',
};

const HINTS: Record<Role, string> = {
  candidate: 'a coach must unlock coach mode with the PIN first.',
  trainee: 'it is a coach’s task.',
  coach: 'it is not part of coaching.',
  setup: 'set a coach PIN first.',
};

/** The message of a refused call: it names the method and the role. */
export function notAllowedMessage(method: ApiMethod, role: Role): string {
  return `Not allowed: ${method} is not open to ${ROLE_NAMES[role]} (role "${role}"); ${HINTS[role]}`;
}

/** True for the message of a policy refusal (as opposed to other 'unauthorized' answers). */
export function isNotAllowedMessage(message: string): boolean {
  return message.startsWith('Not allowed: ');
}
