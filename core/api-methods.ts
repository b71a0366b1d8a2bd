/**
 * The names of the TrainerApi methods, in one dependency-free list. It lives apart from
 * api.ts so that the Electron preload (a single sandboxed file) can name every method
 * without bundling zod and the schemas; api.ts checks its schemas cover exactly this list.
 */
export const API_METHOD_NAMES = [
  'listScenarios',
  'startSession',
  'appendAudio',
  'appendEvents',
  'saveDraft',
  'finishSession',
  'listSessions',
  'getSession',
  'getSettings',
  'updateSettings',
  'transcribeTurn',
  'analyzeSession',
  'getAnalysisProgress',
  'getAnalysis',
  'getPeaks',
  'scenarioRevision',
  'saveCoachClip',
  'deleteCoachClip',
  'exportScenarioPack',
  'importScenarioPack',
  'exportSessionBundle',
  'importSessionBundle',
  'createReport',
  'getReviews',
  'saveReview',
  'getCalibration',
  'searchSessions',
  'compareSessions',
  'listTryouts',
  'saveTryout',
  'deleteTryout',
  'exportTryout',
  'getConsentText',
  'coachPinStatus',
  'setCoachPin',
  'unlockCoach',
  'runRetentionSweep',
  'deleteCandidateData',
  'getPracticeProgress',
] as const;

export type ApiMethod = (typeof API_METHOD_NAMES)[number];
