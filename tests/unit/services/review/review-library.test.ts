import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EMPTY_REVIEW_CONTENT, type ReviewContent } from '../../../../core/review/schema.js';
import { createTrainerService } from '../../../../electron/services/trainer-service.js';
import { coachReview, sessionManifest, writeSessionFolder } from '../../../support/library-sessions.js';
import { makeScenariosDir, SCENARIO_ID, tempRoot } from '../fixtures.js';

/** The review, library, calibration and compare methods through the service, on real files. */

const root = tempRoot('review-library');
const scenariosDir = makeScenariosDir(root);
const dataDir = join(root, 'data');
const logged: string[] = [];
const service = createTrainerService({ dataDir, scenariosDir, log: (m) => logged.push(m), transcriber: null, analyseFinishedCalls: false });
afterAll(() => service.close());

const TALK = 'respect/no-talk-down';
const WARMTH = 'respect/warmth';

function writeAnalysis(sessionId: string, talk: 'pass' | 'fail'): void {
  const finding = (item: string, status: string, kind: string) => ({ checklist: 'respect', item, title: `Title of ${item}`, kind, status, rule: kind === 'auto' ? 'phrasesAbsent' : 'coach-only', summary: '', evidence: [] });
  const analysis = {
    formatVersion: 1,
    sessionId,
    scenarioId: SCENARIO_ID,
    sampleRate: 16_000,
    transcriber: { engine: 'none' },
    checklists: ['respect'],
    turns: [],
    holds: [],
    findings: [finding('no-talk-down', talk, 'auto'), finding('warmth', 'needs-review', 'coach-only')],
  };
  writeFileSync(join(dataDir, 'sessions', sessionId, 'analysis.json'), JSON.stringify(analysis));
}

const decided = (status: 'pass' | 'fail', automatic: 'pass' | 'fail'): ReviewContent['decisions'] => ({
  [TALK]: { automaticStatus: automatic, status, reason: status === automatic ? '' : 'I heard it differently', decidedAt: '2026-11-24T09:00:00.000Z' },
});

describe('library, reviews, calibration and compare through the service', () => {
  let first = '';
  let second = '';

  it('lists a started session at once and its finished state after finishSession', async () => {
    expect((await service.api.searchSessions({})).total).toBe(0);
    const started = await service.api.startSession({ scenarioId: SCENARIO_ID, candidate: { name: 'Ada Byron', candidateId: 'A-17' }, sampleRate: 16_000 });
    first = started.id;
    expect((await service.api.searchSessions({})).rows).toMatchObject([{ sessionId: first, status: 'recording', reviewState: { kind: 'unreviewed' } }]);
    await service.api.finishSession({ sessionId: first });
    const page = await service.api.searchSessions({ query: 'a-17' });
    expect(page.rows).toMatchObject([{ sessionId: first, candidateName: 'Ada Byron', candidateId: 'A-17', scenarioTitle: 'Test call', status: 'complete', recovered: false }]);
    second = (await service.api.startSession({ scenarioId: SCENARIO_ID, candidate: { name: 'Ada Byron' }, sampleRate: 16_000 })).id;
    await service.api.finishSession({ sessionId: second });
    writeAnalysis(first, 'pass');
    writeAnalysis(second, 'fail');
  });

  it('saves reviews under the coach name and shows the review state in the library', async () => {
    const saved = await service.api.saveReview({ sessionId: first, coachName: 'Ana Lima', content: { ...EMPTY_REVIEW_CONTENT, summary: 'Good start.' } });
    expect(saved.coach).toEqual({ id: 'ana-lima', name: 'Ana Lima' });
    expect(JSON.parse(readFileSync(join(dataDir, 'sessions', first, 'reviews', 'ana-lima.json'), 'utf8'))).toEqual(saved);
    expect((await service.api.searchSessions({ reviewState: 'in-review' })).rows.map((r) => r.sessionId)).toEqual([first]);

    for (const [id, automatic] of [[first, 'pass'], [second, 'fail']] as const) {
      await service.api.saveReview({ sessionId: id, coachName: 'Ana Lima', content: { ...EMPTY_REVIEW_CONTENT, decisions: decided('pass', automatic), scores: { [WARMTH]: { score: 4, note: '' } }, verdict: 'advance' } });
      await service.api.saveReview({ sessionId: id, coachName: 'Bo Berg', content: { ...EMPTY_REVIEW_CONTENT, scores: { [WARMTH]: { score: 4, note: '' } }, verdict: id === first ? 'advance' : 'hold' } });
    }
    const reviewed = await service.api.searchSessions({ reviewState: 'reviewed', sort: 'date', direction: 'asc' });
    expect(reviewed.rows.map((r) => [r.sessionId, r.reviewState, r.verdicts.map((v) => `${v.coach.id}:${v.verdict}`)])).toEqual([
      [first, { kind: 'reviewed', coaches: 2 }, ['ana-lima:advance', 'bo-berg:advance']],
      [second, { kind: 'reviewed', coaches: 2 }, ['ana-lima:advance', 'bo-berg:hold']],
    ]);
    expect((await service.api.searchSessions({ verdict: 'hold' })).rows.map((r) => r.sessionId)).toEqual([second]);
    // Each row carries the session's result: Ana's call over the automatic one (confirmed in the
    // first session, overridden in the second), warmth scored 4 by both (a pass), the verdict.
    expect(reviewed.rows.map((r) => [r.result.totals.passed, r.result.totals.failed, r.result.totals.overridden, r.result.verdict.state, r.result.verdict.final])).toEqual([
      [2, 0, 0, 'agreed', 'advance'],
      [2, 0, 1, 'split', null],
    ]);
    expect((await service.api.getReviews({ sessionId: first })).map((r) => r.coach.name)).toEqual(['Ana Lima', 'Bo Berg']);
  });

  it('calibrates the two coaches over the sessions both finished', async () => {
    // TALK: Ana pass/pass (decided); Bo undecided, so the automatic pass/fail stands: pass/fail.
    // 1 of 2 agree; pe = 1.0*0.5 + 0*0.5 = 0.5; kappa = (0.5 - 0.5) / 0.5 = 0.
    const calibration = await service.api.getCalibration({});
    expect(calibration.sessions.map((s) => s.sessionId).sort()).toEqual([first, second].sort());
    const talk = calibration.items.find((i) => i.key === TALK);
    expect(talk?.pairs).toMatchObject([{ coachA: { id: 'ana-lima' }, coachB: { id: 'bo-berg' }, rated: 2, agreed: 1, percent: 50, kappa: 0 }]);
    expect(calibration.items.find((i) => i.key === WARMTH)?.pairs[0]).toMatchObject({ percent: 100, kappa: null });
    expect(calibration.disagreements.map((d) => [d.sessionId, d.key])).toEqual([
      [second, 'verdict'],
      [second, TALK],
    ]);
    expect((await service.api.getCalibration({ sessionIds: [first] })).sessions).toHaveLength(1);
    await expect(service.api.getCalibration({ sessionIds: ['20261123-100000-nowhere'] })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('compares sessions side by side', async () => {
    const comparison = await service.api.compareSessions({ sessionIds: [first, second] });
    expect(comparison.sessions.map((s) => [s.row.sessionId, s.analysed])).toEqual([
      [first, true],
      [second, true],
    ]);
    const talk = comparison.items.find((i) => i.key === TALK);
    // Each cell: the automatic status, the session's final result (Ana's call wins; Bo made
    // none) and each coach's own decision.
    expect(talk?.cells.map((c) => [c.automatic, c.final, c.source, ...c.coaches.map((k) => `${k.coach.id}:${k.decision}`)])).toEqual([
      ['pass', 'pass', 'confirmed', 'ana-lima:pass', 'bo-berg:null'],
      ['fail', 'pass', 'overridden', 'ana-lima:pass', 'bo-berg:null'],
    ]);
    await expect(service.dispatch('compareSessions', { sessionIds: [] })).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('choose at least one session') });
  });

  it('answers from memory, and picks up a session when told it changed', async () => {
    const id = '20261120-090000-copied';
    writeSessionFolder(dataDir, sessionManifest(id, { candidate: { name: 'Zoe Quinn' }, createdAt: '2026-11-20T09:00:00.000Z' }), [coachReview(id, 'Cy', { verdict: 'not-a-fit' })]);
    // Written behind the index's back: not seen until refreshed (no folder scan per query).
    expect((await service.api.searchSessions({ query: 'zoe' })).total).toBe(0);
    await service.api.saveReview({ sessionId: id, coachName: 'Ana Lima', content: EMPTY_REVIEW_CONTENT });
    const page = await service.api.searchSessions({ query: 'zoe' });
    expect(page.rows.map((r) => [r.sessionId, r.reviewState])).toEqual([[id, { kind: 'reviewed', coaches: 1 }]]);
  });

  it('validates the inputs', async () => {
    await expect(service.dispatch('saveReview', { sessionId: first, coachName: '', content: EMPTY_REVIEW_CONTENT })).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('coachName') });
    await expect(service.dispatch('saveReview', { sessionId: first, coachName: 'Bo', content: { ...EMPTY_REVIEW_CONTENT, verdict: 'maybe' } })).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('content.verdict') });
    await expect(service.dispatch('searchSessions', { sort: 'size' })).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('sort') });
    await expect(service.dispatch('getReviews', { sessionId: '../x' })).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
