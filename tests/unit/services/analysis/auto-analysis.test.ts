import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionAnalysis } from '../../../../core/analysis/analyze.js';
import { transcriptWindow } from '../../../../core/scenario/transcript-window.js';
import type { SessionEvent } from '../../../../core/session/events.js';
import { createTrainerService, type TrainerService } from '../../../../electron/services/trainer-service.js';
import { parseTurnTranscripts } from '../../../../electron/services/transcription/turn-transcript-file.js';
import { buildSession, RATE, writeSessionFolder, type Built, type Part } from '../../../support/synthetic-session.js';
import { clipOf, voice } from '../../core/analysis/session-fixtures.js';
import { tempRoot } from '../fixtures.js';

const FINISHED = '20261203-110000-finish';
const CRASHED = '20261203-110500-crashd';

/** A short not-listening call: the question and one answer. */
function shortCall(): Built {
  const parts: Part[] = [
    { say: 'ask-why', clip: clipOf('not-listening', 'ask-why') },
    { listen: 'answer', answer: voice('I want to work in customer service because I enjoy helping people.'), delaySeconds: 0.6 },
  ];
  return buildSession(parts, 'not-listening');
}

/** The folder a call still being recorded (or cut off by a crash) leaves: manifest 'recording'. */
function recordingFolder(dataDir: string, id: string, built: Built): string {
  const dir = writeSessionFolder(dataDir, id, 'not-listening', built);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, status: 'recording', endedAt: null }));
  return dir;
}

async function analysedBy(service: TrainerService, sessionId: string): Promise<string> {
  await expect.poll(async () => (await service.api.getAnalysisProgress({ sessionId })).state, { timeout: 90_000, interval: 200 }).toMatch(/^(done|failed)$/);
  return (await service.api.getAnalysisProgress({ sessionId })).state;
}

describe('every call is analysed as soon as it ends', () => {
  let root: string;
  let scenariosDir: string;
  const services: TrainerService[] = [];
  const logged: string[] = [];
  const service = (dataDir: string) => {
    const s = createTrainerService({ dataDir, scenariosDir, log: (m) => logged.push(m), retentionSweepAtStartup: false });
    services.push(s);
    return s;
  };

  beforeAll(() => {
    root = tempRoot('auto-analysis');
    scenariosDir = join(root, 'scenarios');
    mkdirSync(join(scenariosDir, 'checklists'), { recursive: true });
    cpSync('tests/fixtures/analysis/not-listening.yaml', join(scenariosDir, 'not-listening.yaml'));
    for (const f of readdirSync('scenarios/checklists')) cpSync(join('scenarios/checklists', f), join(scenariosDir, 'checklists', f));
  });
  afterAll(async () => {
    await Promise.all(services.map((s) => s.close()));
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps the transcript of a turn made during the call, and analyses the finished call with no analyzeSession, reusing it', { timeout: 120_000 }, async () => {
    const dataDir = join(root, 'finished');
    const s = service(dataDir);
    const built = shortCall();
    const dir = recordingFolder(dataDir, FINISHED, built);
    const ended = built.events.find((e): e is Extract<SessionEvent, { type: 'turn-ended' }> => e.type === 'turn-ended');
    if (!ended || ended.speechStartFrame === null) throw new Error('the call has no spoken turn');
    const window = transcriptWindow({ invitedFrame: ended.speechStartFrame, endedFrame: ended.frame, speechStartFrame: ended.speechStartFrame, speechEndFrame: ended.speechEndFrame }, RATE);

    // During the call: the screen asks for the turn's transcript; the back end keeps it.
    const heard = await s.api.transcribeTurn({ sessionId: FINISHED, stepId: 'answer', ...window });
    expect(heard.engine).toBe('pocketsphinx');
    const kept = parseTurnTranscripts(readFileSync(join(dir, 'turn-transcripts.jsonl'), 'utf8'));
    expect(kept.skipped).toBe(0);
    expect(kept.transcripts).toEqual([{ stepId: 'answer', ...window, engine: 'pocketsphinx', text: heard.text, words: heard.words }]);
    expect(kept.transcripts[0]?.words.length).toBeGreaterThan(3);
    expect(kept.transcripts[0]?.words.every((w) => w.startFrame >= window.fromFrame && w.endFrame <= window.toFrame && w.confidence >= 0 && w.confidence <= 1)).toBe(true);

    // Hang-up: finishSession returns with the analysis already queued; nobody asks for it.
    await s.api.finishSession({ sessionId: FINISHED });
    expect(['queued', 'running', 'done']).toContain((await s.api.getAnalysisProgress({ sessionId: FINISHED })).state);
    expect(await analysedBy(s, FINISHED)).toBe('done');
    const analysis = JSON.parse(readFileSync(join(dir, 'analysis.json'), 'utf8')) as SessionAnalysis;
    expect(analysis.transcriber.note).toContain('1 of 1 answers reused the transcript made during the call');
    expect(analysis.turns[0]?.transcript?.text).toBe(heard.text);
    expect(existsSync(join(dir, 'peaks.json'))).toBe(true);
  });

  it('analyses a call recovered after a crash at the next start, and shows a failed analysis as the status', { timeout: 120_000 }, async () => {
    const dataDir = join(root, 'crashed');
    const dir = recordingFolder(dataDir, CRASHED, shortCall());
    // A second crashed call whose scenario is not installed: its analysis fails, and says why.
    const orphan = recordingFolder(dataDir, '20261203-110600-orphan', shortCall());
    const manifest = JSON.parse(readFileSync(join(orphan, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(orphan, 'manifest.json'), JSON.stringify({ ...manifest, scenarioId: 'gone-away' }));
    const s = service(dataDir);
    expect([...s.recoveredAtStartup].sort()).toEqual([CRASHED, '20261203-110600-orphan']);
    expect(await analysedBy(s, CRASHED)).toBe('done');
    expect(existsSync(join(dir, 'analysis.json'))).toBe(true);
    expect(await analysedBy(s, '20261203-110600-orphan')).toBe('failed');
    expect((await s.api.getAnalysisProgress({ sessionId: '20261203-110600-orphan' })).message).toContain('gone-away');
    expect(logged.some((m) => m.includes('20261203-110600-orphan') && m.includes('automatic analysis failed'))).toBe(true);
  });
});
