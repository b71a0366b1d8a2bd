import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionAnalysis } from '../../../../core/analysis/analyze.js';
import { createTrainerService, type TrainerService } from '../../../../electron/services/trainer-service.js';
import { buildSession, writeSessionFolder, type Part } from '../../../support/synthetic-session.js';
import { clipOf, IMPATIENT_NOT_LISTENING, voice } from '../../core/analysis/session-fixtures.js';
import { tempRoot } from '../fixtures.js';

const SESSION = '20261123-100000-abcdef';
const REPEATS = ['again-1', 'again-2', 'again-3'];

describe('analyzeSession (worker thread, pocketsphinx, analysis.json)', () => {
  let root: string;
  let service: TrainerService;
  let dir: string;

  beforeAll(() => {
    root = tempRoot('analysis');
    const scenariosDir = join(root, 'scenarios');
    mkdirSync(join(scenariosDir, 'checklists'), { recursive: true });
    cpSync('scenarios/not-listening.yaml', join(scenariosDir, 'not-listening.yaml'));
    cpSync('scenarios/judgement', join(scenariosDir, 'judgement'), { recursive: true });
    for (const f of readdirSync('scenarios/checklists')) cpSync(join('scenarios/checklists', f), join(scenariosDir, 'checklists', f));
    const parts: Part[] = [
      { say: 'ask-why', clip: clipOf('not-listening', 'ask-why') },
      { listen: 'answer', answer: voice(IMPATIENT_NOT_LISTENING[0] ?? ''), delaySeconds: 0.6 },
      ...REPEATS.map((id, i): Part => ({ listen: id, repeat: { clip: clipOf('not-listening', id) }, answer: voice(IMPATIENT_NOT_LISTENING[i + 1] ?? ''), delaySeconds: 0.5, gainDb: 3 * (i + 1) })),
      { say: 'wrap-up', clip: clipOf('not-listening', 'wrap-up') },
    ];
    dir = writeSessionFolder(join(root, 'data'), SESSION, 'not-listening', buildSession(parts, 'not-listening'));
    service = createTrainerService({ dataDir: join(root, 'data'), scenariosDir, log: () => undefined });
  });
  afterAll(async () => {
    await service.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('transcribes each answer, finds the impatient phrases, and writes analysis.json', async () => {
    expect(await service.api.getAnalysis({ sessionId: SESSION })).toBeNull();
    expect((await service.api.getAnalysisProgress({ sessionId: SESSION })).state).toBe('idle');
    const result = await service.api.analyzeSession({ sessionId: SESSION });
    const saved = JSON.parse(readFileSync(join(dir, 'analysis.json'), 'utf8')) as SessionAnalysis;
    expect(saved).toEqual(result);
    // The library shows the session's result as soon as its analysis is written (no re-scan).
    const row = (await service.api.searchSessions({})).rows.find((r) => r.sessionId === SESSION);
    expect(row?.result.analysed).toBe(true);
    expect(row?.result.totals.failed).toBeGreaterThan(0);
    expect(saved.transcriber.engine).toBe('pocketsphinx');
    expect(saved.turns.map((t) => t.stepId)).toEqual(['answer', ...REPEATS]);
    expect(saved.turns[0]?.transcript?.text).toContain('customer service');
    const flags = saved.findings.find((f) => f.item === 'no-red-flags');
    expect(flags?.status).toBe('fail');
    expect(flags?.evidence.map((e) => e.quote ?? '').join(' | ')).toContain('calm down');
    // Word confidences from pocketsphinx are kept for the judgement.
    expect(saved.turns[0]?.transcript?.words.every((w) => typeof w.confidence === 'number')).toBe(true);
    expect(saved.findings.find((f) => f.item === 'repeats-in-full')?.status).toBe('fail');
    expect(await service.api.getAnalysisProgress({ sessionId: SESSION })).toEqual({ state: 'done', stage: 'done', fraction: 1, message: null });
    expect(await service.api.getAnalysis({ sessionId: SESSION })).toEqual(saved);
    // The waveform for the replay screen is written beside it.
    const peaks = await service.api.getPeaks({ sessionId: SESSION });
    expect(peaks).toEqual(JSON.parse(readFileSync(join(dir, 'peaks.json'), 'utf8')));
    expect(peaks?.durationFrames).toBe(readFileSync(join(dir, 'audio.wav')).length / 4 - 11);
  }, 120_000);

  it('gives a byte-identical analysis.json when run again', async () => {
    const first = readFileSync(join(dir, 'analysis.json'));
    await service.api.analyzeSession({ sessionId: SESSION });
    const firstPeaks = readFileSync(join(dir, 'peaks.json'));
    expect(readFileSync(join(dir, 'analysis.json')).equals(first)).toBe(true);
    expect(readFileSync(join(dir, 'peaks.json')).equals(firstPeaks)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('refuses unknown and still-recording sessions with a clear message', async () => {
    await expect(service.api.analyzeSession({ sessionId: '20261123-100000-zzzzzz' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(service.api.analyzeSession({ sessionId: '../etc' })).rejects.toMatchObject({ code: 'invalid-argument' });
    expect(await service.api.getPeaks({ sessionId: '20261123-100000-zzzzzz' })).toBeNull();
  });
});
