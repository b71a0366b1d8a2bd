import type { SessionAnalysis } from './analysis/analyze.js';
import type { Checklist } from './analysis/checklist-schema.js';
import type { WaveformPeaks } from './analysis/peaks.js';
import type { AnalysisStatus } from './analysis/progress.js';
import type { LibraryPage } from './library/library-query.js';
import type { PracticeProgress } from './practice/progress.js';
import type { Calibration } from './review/calibration.js';
import type { SessionComparison } from './review/compare.js';
import type { Review } from './review/schema.js';
import type { CustomerLine, ScenarioOrigin } from './scenario/library.js';
import type { Scenario, ScenarioProblem } from './scenario/schema.js';
import type { SessionEvent } from './session/events.js';
import type { Drafts, SessionManifest } from './session/manifest.js';
import type { TurnTranscription } from './session/transcription.js';
import type { Vocabulary } from './judgement/vocabulary-schema.js';
import type { Settings } from './settings.js';
import type { RecogniserTest, SpeechStatus } from './speech/engine-status.js';
import type { ConsentText } from './tryout/consent.js';
import type { ResultsBoard } from './tryout/results-board.js';
import type { KioskResume } from './tryout/resume.js';
import type { Tryout } from './tryout/schema.js';

/**
 * What each TrainerApi method returns (api.ts holds the inputs and the contract itself). Kept
 * apart so the contract file stays readable; api.ts re-exports every name here.
 */
export interface ScenarioCatalog {
  readonly scenarios: readonly Scenario[];
  /** Problems in files that failed to load; the good scenarios are still listed. */
  readonly problems: readonly ScenarioProblem[];
  /** Per listed scenario id: which root it came from and what plays each customer line. */
  readonly origins: Readonly<Record<string, ScenarioOrigin>>;
  /** The checklists, so branch `check` rules can be judged during the call (core/analysis/turn-checks.ts). */
  readonly checklists: readonly Checklist[];
  /** The moves and red flags (scenarios/judgement/moves.yaml), for the same checks; null when it does not load. */
  readonly vocabulary: Vocabulary | null;
}

export interface ScenarioPackExport {
  readonly fileName: string;
  /** Where the pack was written on the back end's disk. */
  readonly path: string;
  /** Downloads the pack (served under /media/exports/). */
  readonly url: string;
  readonly bytes: number;
}

/** A PDF report written by createReport. */
export interface ReportFile {
  readonly fileName: string;
  /** Where the report was written on the back end's disk (<data dir>/reports/). */
  readonly path: string;
  /** Downloads the report (served under /media/reports/). */
  readonly url: string;
  readonly bytes: number;
  readonly pages: number;
}

/** The results board written by exportResultsBoard (served under /media/exports/). */
export interface ResultsBoardExport {
  readonly fileName: string;
  /** Where the file was written on the back end's disk (<data dir>/exports/). */
  readonly path: string;
  readonly url: string;
  readonly bytes: number;
  readonly format: 'csv' | 'pdf';
  /** The PDF's page count; null for CSV. */
  readonly pages: number | null;
}

export interface ScenarioPackImport {
  readonly scenarioId: string;
  readonly title: string;
  /** True when an installed scenario with the same id was replaced (or is now hidden by this copy). */
  readonly replaced: boolean;
  readonly clips: number;
}

export interface SessionBundleExport extends ScenarioPackExport {
  /** How many sessions the bundle holds. */
  readonly sessions: number;
}

export interface SessionBundleImport {
  /** Sessions that were not here before. */
  readonly imported: readonly string[];
  /** Sessions already here that gained reviews (or an analysis they lacked). */
  readonly updated: readonly string[];
  /** Sessions already here with nothing new in the bundle. */
  readonly unchanged: readonly string[];
  /** Review files added to, or replaced by a later one in, sessions already here. */
  readonly reviewsMerged: number;
}

/** A tryout written by exportTryout (a JSON file, served under /media/exports/). */
export type TryoutExportFile = ScenarioPackExport;

/** The tryout day on this laptop, as the renderer needs it to choose its screens. */
export interface TryoutDayState {
  /** The tryout whose day is on, or null (the laptop is open for practice and coaching). */
  readonly tryout: Tryout | null;
  readonly startedAt: string | null;
  /** True when coach-only methods answer: no day is on, or the PIN unlocked coach mode. */
  readonly coachUnlocked: boolean;
  /** When coach mode locks itself (ISO), while unlocked during a day. */
  readonly coachUnlockedUntil: string | null;
  readonly pin: CoachPinStatus;
  /** Where the day's latest candidate continues after the app stopped mid-playlist (core/tryout/resume.ts), or null. */
  readonly resume: KioskResume | null;
  /** For the coach only (empty while locked): one line per call of the day that did not end normally. */
  readonly notices: readonly string[];
}

export interface TryoutImport {
  readonly tryout: Tryout;
  /** True when a tryout with this id was already saved here (it was replaced). */
  readonly replaced: boolean;
}

export interface CoachPinStatus {
  readonly set: boolean;
  /** ISO time until which PIN attempts are refused, or null when one may be tried now. */
  readonly lockedUntil: string | null;
}

/** The result of a PIN check: ok, or how long before the next attempt is looked at. */
export interface CoachUnlock {
  readonly ok: boolean;
  readonly retryAfterMs: number;
}

/** A session removed by the retention sweep or a candidate deletion: its id and start, no names. */
export interface RemovedSession {
  readonly sessionId: string;
  readonly createdAt: string;
}

export interface RetentionSweep {
  /** The setting the sweep ran with (null: nothing is ever swept). */
  readonly retentionDays: number | null;
  readonly removed: readonly RemovedSession[];
}

export interface CandidateDeletion {
  readonly removed: readonly RemovedSession[];
  /** Other files that named the candidate, relative to the data folder: deleted (exports, reports) or rewritten (settings). */
  readonly scrubbed: readonly string[];
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
  getPeaks: WaveformPeaks | null;
  scenarioRevision: { readonly revision: string };
  saveCoachClip: CustomerLine;
  deleteCoachClip: CustomerLine;
  exportScenarioPack: ScenarioPackExport;
  importScenarioPack: ScenarioPackImport;
  exportSessionBundle: SessionBundleExport;
  importSessionBundle: SessionBundleImport;
  createReport: ReportFile;
  getReviews: readonly Review[];
  saveReview: Review;
  getCalibration: Calibration;
  searchSessions: LibraryPage;
  compareSessions: SessionComparison;
  listTryouts: readonly Tryout[];
  saveTryout: Tryout;
  deleteTryout: { readonly deleted: boolean };
  exportTryout: TryoutExportFile;
  getConsentText: ConsentText;
  coachPinStatus: CoachPinStatus;
  setCoachPin: CoachUnlock;
  unlockCoach: CoachUnlock;
  runRetentionSweep: RetentionSweep;
  deleteCandidateData: CandidateDeletion;
  getPracticeProgress: PracticeProgress;
  importTryout: TryoutImport;
  getTryoutDay: TryoutDayState;
  startTryoutDay: TryoutDayState;
  endTryoutDay: TryoutDayState;
  lockCoach: TryoutDayState;
  getSpeechStatus: SpeechStatus;
  testRecogniser: RecogniserTest;
  getResultsBoard: ResultsBoard;
  exportResultsBoard: ResultsBoardExport;
}

