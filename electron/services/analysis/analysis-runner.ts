import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SessionAnalysis } from '../../../core/analysis/analyze.js';
import { PEAKS_FORMAT_VERSION, WaveformPeaksSchema, type WaveformPeaks } from '../../../core/analysis/peaks.js';
import { IDLE_ANALYSIS, type AnalysisStatus } from '../../../core/analysis/progress.js';
import { TryoutError } from '../../../core/errors.js';
import { jsonText, writeFileAtomic } from '../storage/atomic-write.js';
import type { Scenario } from '../../../core/scenario/schema.js';
import { readManifest } from '../session/session-files.js';
import { sessionPaths } from '../session/session-paths.js';
import { defaultModelsDir, type SpeechChoice } from '../transcription/choose-transcriber.js';
import { readSessionAnalysis } from './analysis-file.js';
import { defaultParallelism, type AnalysisJob, type AnalysisJobResult } from './analysis-job.js';
import type { AheadMessage, JobMessage, ParallelismMessage, WarmMessage, WorkerReply, WorkerRequest } from './worker-messages.js';

export interface AnalysisRunnerOptions {
  readonly dataDir: string;
  /** The shipped scenarios folder (its checklists/ subfolder holds the checklists). */
  readonly scenariosDir: string;
  /** The scenario with this id in the library, or undefined. */
  readonly findScenario: (scenarioId: string) => Scenario | undefined;
  readonly log: (message: string) => void;
  /** The speech recogniser the settings ask for, read at each analysis; auto with `<dataDir>/models` by default. */
  readonly speech?: () => Promise<SpeechChoice>;
  /** Told after analysis.json is written (the library index re-reads the session's result). */
  readonly onAnalysed?: (sessionId: string) => Promise<void>;
  /** Recogniser processes an analysis may run at once, asked again while it runs (1 during a call); min(4, cores) by default. */
  readonly parallelism?: () => number;
  /** Awaited just before a queued analysis starts (the transcripts still being made during the call). */
  readonly beforeRun?: (sessionId: string) => Promise<void>;
}

/** How often a running analysis is told a new recogniser limit (a call started or ended). */
const PARALLELISM_CHECK_MS = 250;

/**
 * How to start the worker. From source (tsx: the browser shell, tests, rehearse) the worker is a
 * .ts file, so the thread registers tsx first; in the Electron bundle it is analysis-worker.js
 * next to main.js (scripts/build-electron.mjs builds it).
 */
function startWorker(request: WorkerRequest | null): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const target = new URL('./analysis-worker.ts', here).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`;
    return new Worker(code, { eval: true, workerData: request });
  }
  const bundled = fileURLToPath(new URL('./analysis-worker.js', here));
  if (!existsSync(bundled)) throw new Error(`the analysis worker is missing: ${bundled}`);
  return new Worker(bundled, { workerData: request });
}

/**
 * Runs session analyses in worker threads, one at a time (2 cores are shared with a live call),
 * keeps their progress for the UI to poll, and writes peaks.json and analysis.json atomically.
 */
export class AnalysisRunner {
  private readonly status = new Map<string, AnalysisStatus>();
  private readonly running = new Map<string, Promise<SessionAnalysis>>();
  private chain: Promise<unknown> = Promise.resolve();
  /** A worker with its modules loaded, waiting for the next job (see prewarm). */
  private spare: Worker | null = null;
  /** The session whose scenario prewarm looked up last. */
  private lookedUp: string | null = null;
  private closed = false;

  constructor(private readonly opts: AnalysisRunnerOptions) {}

  progress(sessionId: string): AnalysisStatus {
    sessionPaths(this.opts.dataDir, sessionId);
    return this.status.get(sessionId) ?? IDLE_ANALYSIS;
  }

  /** The job for a finished session, or why it cannot be analysed. */
  private async jobFor(sessionId: string): Promise<AnalysisJob> {
    const paths = sessionPaths(this.opts.dataDir, sessionId);
    const read = await readManifest(paths.manifest, sessionId);
    if (!read.ok) throw new TryoutError(read.missing ? 'not-found' : 'conflict', read.missing ? `There is no session ${sessionId}.` : `Session ${sessionId} cannot be analysed: ${read.reason}.`);
    const manifest = read.manifest;
    if (manifest.status === 'recording') throw new TryoutError('conflict', `Session ${sessionId} is still recording; analyse it after the call ends.`);
    const scenario = this.opts.findScenario(manifest.scenarioId);
    if (!scenario) throw new TryoutError('not-found', `Session ${sessionId} used scenario "${manifest.scenarioId}", which is not installed (or its file has problems).`);
    return { sessionId, sessionDir: paths.dir, scenario, scenariosDir: this.opts.scenariosDir, ...(manifest.checklistIds ? { checklistIds: manifest.checklistIds } : {}) };
  }

  /**
   * Analyses the session (again), after the analyses queued before it; a second call while one
   * is queued or runs gets the same result. The status is 'queued' as soon as this returns.
   */
  async analyze(sessionId: string): Promise<SessionAnalysis> {
    const paths = sessionPaths(this.opts.dataDir, sessionId);
    const current = this.running.get(sessionId);
    if (current) return current;
    this.status.set(sessionId, { state: 'queued', stage: null, fraction: 0, message: null });
    const ready = this.jobFor(sessionId);
    const previous = this.chain;
    const run = ready.then(async (job) => {
      await previous;
      await this.opts.beforeRun?.(sessionId);
      return this.runInWorker(job, await this.speechChoice());
    }).then(
      async ({ analysis, peaks }) => {
        // Peaks first: a session with analysis.json always has its waveform too.
        await writeFileAtomic(join(paths.dir, 'peaks.json'), jsonText(peaks));
        await writeFileAtomic(join(paths.dir, 'analysis.json'), jsonText(analysis));
        await this.opts.onAnalysed?.(sessionId).catch((error: unknown) => this.opts.log(`session ${sessionId}: analysed, but the library was not updated (${error instanceof Error ? error.message : String(error)})`));
        this.status.set(sessionId, { state: 'done', stage: 'done', fraction: 1, message: null });
        return analysis;
      },
      (error: unknown) => {
        const message = error instanceof TryoutError ? error.message : 'The analysis failed; the back end log has the details.';
        this.status.set(sessionId, { state: 'failed', stage: null, fraction: 0, message });
        throw error;
      },
    );
    const settled = run.finally(() => this.running.delete(sessionId));
    this.running.set(sessionId, settled);
    // The next analysis waits for this one and, when this one failed early, for the one before it.
    this.chain = settled.catch(() => undefined).then(() => previous);
    return settled;
  }

  /** The saved analysis.json of a session, or null when it has not been analysed. */
  async saved(sessionId: string): Promise<SessionAnalysis | null> {
    // An older format, or a damaged file, is treated as not analysed yet (run again), and logged.
    const saved = await readSessionAnalysis(this.opts.dataDir, sessionId);
    if (saved.state === 'unusable') this.opts.log(`session ${sessionId}: ${saved.reason}; it will be made again`);
    return saved.state === 'analysed' ? saved.analysis : null;
  }

  /** The saved peaks.json of a session, or null when it has none (not analysed yet, or an older format). */
  async savedPeaks(sessionId: string): Promise<WaveformPeaks | null> {
    const path = join(sessionPaths(this.opts.dataDir, sessionId).dir, 'peaks.json');
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      const raw = JSON.parse(text) as { formatVersion?: unknown };
      if (raw.formatVersion !== PEAKS_FORMAT_VERSION) return null;
      return WaveformPeaksSchema.parse(raw);
    } catch (error) {
      this.opts.log(`session ${sessionId}: peaks.json is unreadable (${error instanceof Error ? error.message : String(error)})`);
      return null;
    }
  }

  /**
   * Starts the next analysis's worker now (a call is under way), so the analysis at hang-up does
   * not wait for the worker to load its modules (about 0.6 s from source). One at most; it holds
   * no job and does not keep the process alive. With a session (a turn of its call has just
   * ended), the worker also tracks the pitch of what it has recorded so far (pitch-ahead.ts).
   */
  prewarm(sessionId?: string): void {
    this.startSpare();
    if (sessionId === undefined || !this.spare) return;
    let sessionDir: string;
    try {
      sessionDir = sessionPaths(this.opts.dataDir, sessionId).dir;
    } catch {
      return;
    }
    const message: AheadMessage = { type: 'ahead', sessionDir };
    this.spare.postMessage(message);
    if (this.lookedUp === sessionId) return;
    // The scenario is looked up once now, so finding it at hang-up is quick (scenario-library.ts).
    this.lookedUp = sessionId;
    readManifest(sessionPaths(this.opts.dataDir, sessionId).manifest, sessionId)
      .then((read) => (read.ok ? this.opts.findScenario(read.manifest.scenarioId) : undefined))
      .catch(() => undefined);
  }

  private startSpare(): void {
    if (this.spare || this.closed) return;
    try {
      const worker = startWorker(null);
      worker.unref();
      const forget = () => {
        if (this.spare === worker) this.spare = null;
      };
      worker.on('error', forget);
      worker.on('exit', forget);
      const warm: WarmMessage = { type: 'warm', scenariosDir: this.opts.scenariosDir };
      worker.postMessage(warm);
      this.spare = worker;
    } catch (error) {
      this.opts.log(`analysis: no worker could be started ahead (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  /** Stops the waiting worker (at shutdown); analyses asked for later start their own. */
  async close(): Promise<void> {
    this.closed = true;
    const spare = this.spare;
    this.spare = null;
    await spare?.terminate();
  }

  private workerFor(request: WorkerRequest): Worker {
    const spare = this.spare;
    this.spare = null;
    if (!spare) return startWorker(request);
    spare.ref();
    const message: JobMessage = { type: 'job', request };
    spare.postMessage(message);
    return spare;
  }

  /** Waits for queued analyses (at shutdown). */
  async idle(): Promise<void> {
    await this.chain;
  }

  private speechChoice(): Promise<SpeechChoice> {
    return this.opts.speech ? this.opts.speech() : Promise.resolve({ engine: 'auto', whisperModel: defaultModelsDir(this.opts.dataDir) });
  }

  private parallelism(): number {
    return this.opts.parallelism?.() ?? defaultParallelism();
  }

  private runInWorker(job: AnalysisJob, speech: SpeechChoice): Promise<AnalysisJobResult> {
    this.status.set(job.sessionId, { state: 'running', stage: 'reading', fraction: 0, message: null });
    let stopWatching: () => void = () => undefined;
    const work = new Promise<AnalysisJobResult>((resolve, reject) => {
      let worker: Worker;
      let told = this.parallelism();
      try {
        worker = this.workerFor({ job, speech, parallelism: told });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      // A call that starts mid-analysis gets its core back at the next answer.
      const watch = setInterval(() => {
        const now = this.parallelism();
        if (now === told) return;
        told = now;
        const message: ParallelismMessage = { type: 'parallelism', limit: now };
        worker.postMessage(message);
      }, PARALLELISM_CHECK_MS);
      watch.unref();
      stopWatching = () => clearInterval(watch);
      let settled = false;
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'progress') {
          this.status.set(job.sessionId, { state: 'running', stage: reply.progress.stage, fraction: reply.progress.fraction, message: null });
          return;
        }
        settled = true;
        void worker.terminate();
        if (reply.type === 'done') resolve({ analysis: reply.analysis, peaks: reply.peaks });
        else if (reply.code === 'internal') reject(new Error(reply.message));
        else reject(new TryoutError(reply.code, reply.message));
      });
      worker.on('error', (error) => {
        if (!settled) reject(error);
        settled = true;
      });
      worker.on('exit', (code) => {
        if (!settled) reject(new Error(`the analysis worker stopped (exit code ${code})`));
        settled = true;
      });
    });
    return work.finally(() => stopWatching());
  }
}
