import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EMPTY_REVIEW_CONTENT } from '../../../../core/review/schema.js';
import { CONSENT_VERSION } from '../../../../core/tryout/consent.js';
import { RetentionCountsSchema } from '../../../../core/tryout/retention-counts.js';
import { holdsText } from '../../../../electron/services/tryout/retention.js';
import { createTrainerService, type TrainerService } from '../../../../electron/services/trainer-service.js';
import { makeScenariosDir, SCENARIO_ID, tempRoot } from '../fixtures.js';

const root = tempRoot('retention');
const scenariosDir = makeScenariosDir(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Audio that occurs nowhere else: 2 s of seeded noise, 2 channels. */
function markerAudio(seed: number): Uint8Array<ArrayBuffer> {
  const samples = new Int16Array(16_000 * 2);
  let x = seed * 2_654_435_761;
  for (let i = 0; i < samples.length; i++) {
    // xorshift32: exact in 32-bit integers, a different stream per seed.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    samples[i] = x & 0x7fff;
  }
  return new Uint8Array(samples.buffer);
}

/** Every file under `dir` whose bytes hold `needle` (case-insensitive text or exact bytes). */
function filesHolding(dir: string, needle: string | Uint8Array): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const bytes = readFileSync(path);
      const named = typeof needle === 'string' && name.toLowerCase().includes(needle.toLowerCase().replaceAll(' ', '-'));
      if (named || (typeof needle === 'string' ? holdsText(bytes, needle) : bytes.includes(Buffer.from(needle)))) found.push(relative(dir, path));
    }
  };
  walk(dir);
  return found;
}

interface Made {
  readonly id: string;
  readonly audio: Uint8Array<ArrayBuffer>;
}

/** A finished session of `name` with marker audio, a typed answer, an analysis and peaks naming them, and a coach review. */
async function recordSession(service: TrainerService, dataDir: string, name: string, seed: number, tryoutId?: string): Promise<Made> {
  const audio = markerAudio(seed);
  const manifest = await service.api.startSession({
    scenarioId: SCENARIO_ID,
    candidate: { name, candidateId: `cand-${seed}` },
    sampleRate: 16_000,
    ...(tryoutId ? { tryoutId, consent: { version: CONSENT_VERSION, acceptedAt: new Date().toISOString() } } : {}),
  });
  await service.api.appendAudio({ sessionId: manifest.id, seq: 0, pcm: audio });
  await service.api.saveDraft({ sessionId: manifest.id, stepId: 'answer', text: `This is ${name}, sorry for the wait.` });
  await service.api.appendEvents({ sessionId: manifest.id, events: [{ type: 'typed-submitted', frame: 100, stepId: 'answer', text: `Kind regards, ${name}`, keystrokes: 30, firstKeyFrame: 10 }] });
  await service.api.finishSession({ sessionId: manifest.id });
  const dir = join(dataDir, 'sessions', manifest.id);
  writeFileSync(join(dir, 'analysis.json'), JSON.stringify({ candidate: name }));
  writeFileSync(join(dir, 'peaks.json'), JSON.stringify({ of: name }));
  await service.api.saveReview({ sessionId: manifest.id, coachName: 'Coach Kim', content: { ...EMPTY_REVIEW_CONTENT, summary: `${name} stayed calm`, verdict: 'advance' } });
  return { id: manifest.id, audio };
}

/** Moves a session's start `days` days into the past (as if recorded then). */
function age(dataDir: string, sessionId: string, days: number): string {
  const path = join(dataDir, 'sessions', sessionId, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { createdAt: string };
  manifest.createdAt = new Date(Date.now() - days * 86_400_000).toISOString();
  writeFileSync(path, JSON.stringify(manifest));
  return manifest.createdAt;
}

const TRYOUT = { name: 'Tryout day', date: '2026-10-01', scenarioIds: [SCENARIO_ID], checklistIds: ['respect' as const], typedStepsAllowed: true };

describe('retention sweep', () => {
  it('deletes tryout sessions past retentionDays, keeps anonymous counts and a log, and leaves no trace of name or audio', async () => {
    const dataDir = join(root, 'sweep');
    const service = createTrainerService({ dataDir, scenariosDir, log: () => undefined, transcriber: null, analyseFinishedCalls: false });
    try {
      const tryout = await service.api.saveTryout(TRYOUT);
      const old = await recordSession(service, dataDir, 'Zelda Quartermaine', 1, tryout.id);
      const oldAt = age(dataDir, old.id, 40);
      const recent = await recordSession(service, dataDir, 'Yusuf Recentman', 2, tryout.id);
      age(dataDir, recent.id, 5);
      const practice = await recordSession(service, dataDir, 'Xavier Practiceson', 3);
      age(dataDir, practice.id, 400);
      const bundle = await service.api.exportSessionBundle({ sessionIds: [old.id] });
      const report = await service.api.createReport({ kind: 'candidate', candidateName: 'Zelda Quartermaine' });
      await service.api.updateSettings({ patch: { lastCandidateName: 'Zelda Quartermaine' } });
      expect(filesHolding(dataDir, 'Zelda Quartermaine').length).toBeGreaterThan(3);

      // No setting: nothing is swept.
      expect(await service.api.runRetentionSweep({})).toEqual({ retentionDays: null, removed: [] });
      expect(existsSync(join(dataDir, 'sessions', old.id))).toBe(true);

      await service.api.updateSettings({ patch: { retentionDays: 30 } });
      const sweep = await service.api.runRetentionSweep({});
      expect(sweep).toEqual({ retentionDays: 30, removed: [{ sessionId: old.id, createdAt: oldAt }] });

      expect(existsSync(join(dataDir, 'sessions', old.id))).toBe(false);
      expect(existsSync(join(dataDir, 'sessions', recent.id, 'audio.wav'))).toBe(true);
      expect(existsSync(join(dataDir, 'sessions', practice.id, 'audio.wav'))).toBe(true);
      expect(existsSync(bundle.path)).toBe(false);
      expect(existsSync(report.path)).toBe(false);
      expect((await service.api.getSettings({})).lastCandidateName).toBe('');
      expect((await service.api.listSessions({})).map((m) => m.id).sort()).toEqual([recent.id, practice.id].sort());

      const counts = RetentionCountsSchema.parse(JSON.parse(readFileSync(join(dataDir, 'retention', 'counts.json'), 'utf8')));
      expect(counts.months).toEqual({ [oldAt.slice(0, 7)]: { [SCENARIO_ID]: { sessions: 1, verdicts: { advance: 1, hold: 0, 'not-a-fit': 0 }, noVerdict: 0 } } });
      const log = readFileSync(join(dataDir, 'retention', 'log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(log).toEqual([{ at: expect.any(String), reason: 'retention', retentionDays: 30, sessions: [{ sessionId: old.id, createdAt: oldAt }] }]);

      expect(filesHolding(dataDir, 'Zelda Quartermaine')).toEqual([]);
      expect(filesHolding(dataDir, 'Quartermaine')).toEqual([]);
      expect(filesHolding(dataDir, old.audio.subarray(1000, 1400))).toEqual([]);
      // The kept sessions are untouched.
      expect(filesHolding(dataDir, recent.audio.subarray(1000, 1400))).toEqual([`sessions/${recent.id}/audio.wav`]);
      expect(filesHolding(dataDir, 'Yusuf Recentman').length).toBeGreaterThan(0);

      // A second sweep finds nothing more and adds to the counts only what it removes.
      expect((await service.api.runRetentionSweep({})).removed).toEqual([]);
    } finally {
      await service.close();
    }
  });

  it('sweeps at start-up', async () => {
    const dataDir = join(root, 'startup');
    const first = createTrainerService({ dataDir, scenariosDir, log: () => undefined, transcriber: null, analyseFinishedCalls: false });
    const tryout = await first.api.saveTryout(TRYOUT);
    const old = await recordSession(first, dataDir, 'Wanda Startup', 4, tryout.id);
    age(dataDir, old.id, 10);
    await first.api.updateSettings({ patch: { retentionDays: 7 } });
    await first.close();

    const second = createTrainerService({ dataDir, scenariosDir, log: () => undefined, transcriber: null, analyseFinishedCalls: false });
    await second.close(); // waits for the start-up sweep
    expect(existsSync(join(dataDir, 'sessions', old.id))).toBe(false);
    expect(readFileSync(join(dataDir, 'retention', 'log.jsonl'), 'utf8')).toContain(old.id);
    expect(filesHolding(dataDir, 'Wanda Startup')).toEqual([]);
  });
});

describe('deleting one candidate', () => {
  it('removes every session of the name (any case), its copies and the remembered name, and nothing of anyone else', async () => {
    const dataDir = join(root, 'delete');
    const service = createTrainerService({ dataDir, scenariosDir, log: () => undefined, transcriber: null, analyseFinishedCalls: false });
    try {
      const tryout = await service.api.saveTryout(TRYOUT);
      const first = await recordSession(service, dataDir, 'Ada Lovelace', 11, tryout.id);
      const second = await recordSession(service, dataDir, 'ada  LOVELACE', 12);
      const other = await recordSession(service, dataDir, 'Charles Babbage', 13, tryout.id);
      const bundleOfBoth = await service.api.exportSessionBundle({ sessionIds: [first.id, other.id] });
      const otherBundle = await service.api.exportSessionBundle({ sessionIds: [other.id] });
      const sessionReport = await service.api.createReport({ kind: 'session', sessionId: second.id });
      const candidateReport = await service.api.createReport({ kind: 'candidate', candidateName: 'Ada Lovelace' });
      const otherReport = await service.api.createReport({ kind: 'candidate', candidateName: 'Charles Babbage' });
      await service.api.updateSettings({ patch: { lastCandidateName: 'Ada Lovelace' } });
      expect(filesHolding(dataDir, first.audio.subarray(2000, 2400))).toContain(`sessions/${first.id}/audio.wav`);
      expect(filesHolding(dataDir, 'Ada Lovelace')).toEqual(expect.arrayContaining([`sessions/${first.id}/manifest.json`, `sessions/${first.id}/drafts.json`, 'settings.json']));

      const result = await service.api.deleteCandidateData({ candidateName: 'ADA LOVELACE ' });
      expect(result.removed.map((r) => r.sessionId).sort()).toEqual([first.id, second.id].sort());
      expect([...result.scrubbed].sort()).toEqual(
        [`exports/${bundleOfBoth.fileName}`, `reports/${sessionReport.fileName}`, `reports/${candidateReport.fileName}`, 'settings'].sort(),
      );

      for (const needle of ['Ada Lovelace', 'ada  lovelace', 'Lovelace']) expect(filesHolding(dataDir, needle), needle).toEqual([]);
      expect(filesHolding(dataDir, first.audio.subarray(2000, 2400))).toEqual([]);
      expect(filesHolding(dataDir, second.audio.subarray(2000, 2400))).toEqual([]);
      expect((await service.api.getSettings({})).lastCandidateName).toBe('');

      expect(existsSync(join(dataDir, 'sessions', other.id, 'audio.wav'))).toBe(true);
      expect(existsSync(otherBundle.path)).toBe(true);
      expect(existsSync(otherReport.path)).toBe(true);
      expect((await service.api.listSessions({})).map((m) => m.candidate.name)).toEqual(['Charles Babbage']);
      const log = readFileSync(join(dataDir, 'retention', 'log.jsonl'), 'utf8');
      expect(log).toContain(first.id);
      expect(JSON.parse(log.trim()) as unknown).toMatchObject({ reason: 'candidate-request' });
      expect(await service.api.deleteCandidateData({ candidateName: 'Ada Lovelace' })).toEqual({ removed: [], scrubbed: [] });
    } finally {
      await service.close();
    }
  });

  it('refuses while the candidate is being recorded', async () => {
    const dataDir = join(root, 'recording');
    const service = createTrainerService({ dataDir, scenariosDir, log: () => undefined, transcriber: null, analyseFinishedCalls: false });
    try {
      const open = await service.api.startSession({ scenarioId: SCENARIO_ID, candidate: { name: 'Vera Live' }, sampleRate: 16_000 });
      await expect(service.api.deleteCandidateData({ candidateName: 'vera live' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/being recorded/) });
      expect(existsSync(join(dataDir, 'sessions', open.id, 'manifest.json'))).toBe(true);
      expect(service.recordingSessionIds()).toEqual([open.id]);
      expect(await service.finishRecordings()).toEqual([open.id]);
      expect(JSON.parse(readFileSync(join(dataDir, 'sessions', open.id, 'manifest.json'), 'utf8'))).toMatchObject({ status: 'complete' });
      expect((await service.api.deleteCandidateData({ candidateName: 'vera live' })).removed).toHaveLength(1);
      expect(filesHolding(dataDir, 'Vera Live')).toEqual([]);
    } finally {
      await service.close();
    }
  });
});
