/**
 * Findings ready after hang-up: a 10-minute not-listening call (tests/support/synthetic-session.ts)
 * whose spoken turns were transcribed during the call, as the call screen does (transcribeTurn
 * for each turn's window, pocketsphinx), then finishSession: the time until the back end's
 * automatic analysis (worker thread, the real job) has written analysis.json. Needs pocketsphinx.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionAnalysis } from '../../core/analysis/analyze.js';
import { transcriptWindow } from '../../core/scenario/transcript-window.js';
import { createTrainerService } from '../../electron/services/trainer-service.js';
import { readWav } from '../../electron/services/session/wav.js';
import { speech } from '../../scripts/rehearse/speech.js';
import { buildSession, RATE, writeSessionFolder, type Part } from '../support/synthetic-session.js';

const GOAL_SECONDS = 2;
const SESSION = '20261203-120000-hangup';
const REPEATS = ['again-1', 'again-2', 'again-3'] as const;
const ANSWERS = [
  'I want to work in customer service because I enjoy helping people solve their problems.',
  'Of course. I enjoy helping people, and I like solving their problems calmly.',
  'No problem at all. I really enjoy helping people and solving their problems.',
  'Happy to repeat it. Helping people and solving their problems is what I enjoy most.',
];

const mono = (path: string) => readWav(path).samples[0] ?? new Int16Array(0);

/** The interview's question and three repeats, over and over, until the call lasts `minSeconds`. */
function longCall(minSeconds: number) {
  const clip = (id: string) => mono(join('scenarios', 'audio', 'not-listening', `${id}.wav`));
  const answers = ANSWERS.map((text) => mono(speech(text)));
  const parts: Part[] = [];
  let built = buildSession(parts, 'not-listening');
  while (built.trainee.length < minSeconds * RATE) {
    parts.push({ say: 'ask-why', clip: clip('ask-why') }, { listen: 'answer', answer: answers[0] ?? null, delaySeconds: 0.6 });
    REPEATS.forEach((id, i) => parts.push({ listen: id, repeat: { clip: clip(id) }, answer: answers[i + 1] ?? null, delaySeconds: 0.5 }));
    built = buildSession(parts, 'not-listening');
  }
  return built;
}

export async function afterHangUpBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tryout-hangup-'));
  const service = createTrainerService({ dataDir, scenariosDir: 'scenarios', log: (m) => console.error(`  back end: ${m}`), retentionSweepAtStartup: false });
  try {
    const built = longCall(600);
    // The folder as the call leaves it just before hang-up: everything recorded, manifest 'recording'.
    const dir = writeSessionFolder(dataDir, SESSION, 'not-listening', built);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, status: 'recording', endedAt: null }));

    // During the call: each spoken turn transcribed once it ends (the call screen's background requests).
    const live0 = performance.now();
    let turns = 0;
    for (const e of built.events) {
      if (e.type !== 'turn-ended' || e.speechStartFrame === null) continue;
      const window = transcriptWindow({ invitedFrame: e.speechStartFrame, endedFrame: e.frame, speechStartFrame: e.speechStartFrame, speechEndFrame: e.speechEndFrame }, RATE);
      await service.api.transcribeTurn({ sessionId: SESSION, stepId: e.stepId, ...window });
      turns++;
    }
    const liveSeconds = (performance.now() - live0) / 1000;

    const analysisFile = join(dir, 'analysis.json');
    // Other work on the 2 cores stretches this figure; the load is printed with it.
    const load = loadavg()[0] ?? 0;
    const t0 = performance.now();
    await service.api.finishSession({ sessionId: SESSION });
    const queuedMs = performance.now() - t0;
    while (!existsSync(analysisFile)) {
      const status = await service.api.getAnalysisProgress({ sessionId: SESSION });
      if (status.state === 'failed') throw new Error(`the analysis failed: ${status.message ?? ''}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const seconds = (performance.now() - t0) / 1000;
    const analysis = JSON.parse(readFileSync(analysisFile, 'utf8')) as SessionAnalysis;
    const minutes = built.trainee.length / RATE / 60;
    console.log(
      `findings ready after hang-up, ${minutes.toFixed(1)}-minute call, ${turns} answers transcribed during the call: ${seconds.toFixed(2)} s (finishSession returned in ${queuedMs.toFixed(0)} ms)   goal <= ${GOAL_SECONDS} s: ${seconds <= GOAL_SECONDS ? 'met' : 'NOT MET'}`,
    );
    console.log(`  ${analysis.transcriber.engine}: ${analysis.transcriber.note ?? 'no transcript reused'}; the turns' transcription during the call took ${liveSeconds.toFixed(1)} s in all; load average ${load.toFixed(2)} on ${cpus().length} cores`);
  } finally {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('after-hang-up.ts')) await afterHangUpBench();
