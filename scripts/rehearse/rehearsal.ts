import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SessionAnalysis } from '../../core/analysis/analyze.js';
import type { SessionDetail } from '../../core/api.js';
import { driveCall, type DriveResult } from './call-driver.js';
import { launchChromium } from './chromium.js';
import { callApi, startShellProcess } from './shell-process.js';
import { summarize, type RehearsalSummary } from './summary.js';
import { typedAnswersProblem } from './typed-answers.js';
import { loadLibrary } from '../../electron/services/scenarios/scenario-repository.js';
import { speechStatusLine, type SpeechStatus } from '../../core/speech/engine-status.js';

/** The back end's own account of its speech engines (getSpeechStatus), as one line. */
async function speechLine(shell: { origin: string; token: string }): Promise<string> {
  try {
    return speechStatusLine(await callApi<SpeechStatus>(shell, 'getSpeechStatus', {}));
  } catch (error) {
    return `speech: the engines could not be asked (${error instanceof Error ? error.message : String(error)})`;
  }
}

export interface RehearsalOptions {
  readonly scenarioId: string;
  readonly voices: readonly Float32Array[];
  readonly typed: readonly string[];
  /** Data folder for the session; a fresh temporary one by default. */
  readonly dataDir?: string;
  readonly scenariosDir?: string;
  readonly answerDelayMs?: number;
  /** Told, before the call, which engine transcribes and which decides branches, and why (one line). */
  readonly onSpeechStatus?: (line: string) => void;
}

export interface RehearsalResult {
  readonly dataDir: string;
  readonly sessionDir: string;
  readonly drive: DriveResult;
  readonly detail: SessionDetail;
  /** The checks run after the call (analysis.json); absent where a caller skipped them. */
  readonly analysis?: SessionAnalysis;
  readonly summary: RehearsalSummary;
}

/** Thrown before anything starts when the rehearsal cannot run as asked (unknown scenario, missing typed answers). */
export class RehearsalInputError extends Error {}

/** Checks the scenario and the typed answers before any process or browser starts. */
export function checkRehearsal(opts: Pick<RehearsalOptions, 'scenarioId' | 'typed' | 'scenariosDir' | 'dataDir'>): void {
  const shipped = resolve(opts.scenariosDir ?? 'scenarios');
  // A rehearsal without --out runs on a fresh folder, which has no user scenarios yet (a folder that does not exist reads as none).
  const user = opts.dataDir ? join(resolve(opts.dataDir), 'scenarios') : join(tmpdir(), `tryout-rehearsal-none-${process.pid}-${Date.now()}`);
  const library = loadLibrary({ shipped, user });
  const scenario = library.entries.get(opts.scenarioId)?.scenario;
  if (!scenario) throw new RehearsalInputError(`there is no scenario "${opts.scenarioId}" in ${shipped} (or its file has problems: npm run scenarios:check)`);
  const problem = typedAnswersProblem(scenario, opts.typed);
  if (problem !== null) throw new RehearsalInputError(problem);
}

/** One scenario run in the real app: browser shell + headless Chromium + virtual microphone. */
export async function rehearse(opts: RehearsalOptions): Promise<RehearsalResult> {
  checkRehearsal(opts);
  const dataDir = resolve(opts.dataDir ?? mkdtempSync(join(tmpdir(), 'tryout-rehearsal-')));
  const shell = await startShellProcess({ dataDir, ...(opts.scenariosDir ? { scenariosDir: opts.scenariosDir } : {}) });
  const chromium = await launchChromium({ virtualMic: true });
  try {
    if (opts.onSpeechStatus) opts.onSpeechStatus(await speechLine(shell));
    await chromium.page.goto(shell.url);
    const drive = await driveCall(chromium.page, {
      scenarioId: opts.scenarioId,
      voices: opts.voices,
      typed: opts.typed,
      ...(opts.answerDelayMs !== undefined ? { answerDelayMs: opts.answerDelayMs } : {}),
    });
    if (drive.finalPhase !== 'ended') {
      const error = await chromium.page.textContent('[data-testid="call-error"]').catch(() => null);
      throw new Error(`the call ended in phase "${drive.finalPhase}"${error ? `: ${error}` : ''}`);
    }
    const detail = await callApi<SessionDetail>(shell, 'getSession', { sessionId: drive.sessionId });
    // The checks run after the call, as in the app: transcription and findings, saved as analysis.json.
    // A failed analysis does not hide the call's own results: the summary says why it failed.
    const analysis = await callApi<SessionAnalysis>(shell, 'analyzeSession', { sessionId: drive.sessionId }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    const sessionDir = join(dataDir, 'sessions', drive.sessionId);
    if (analysis instanceof Error) return { dataDir, sessionDir, drive, detail, summary: { ...summarize(detail), analysisError: analysis.message } };
    return { dataDir, sessionDir, drive, detail, analysis, summary: summarize(detail, analysis) };
  } finally {
    await chromium.close();
    await shell.stop();
  }
}
