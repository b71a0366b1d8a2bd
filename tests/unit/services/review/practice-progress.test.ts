import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTrainerService } from '../../../../electron/services/trainer-service.js';
import { finding, PRACTICE_ITEMS, writePracticeSession, writeThreeAttempts } from '../../../support/practice-sessions.js';
import { makeScenariosDir, tempRoot } from '../fixtures.js';

const root = tempRoot('practice');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('getPracticeProgress', () => {
  const dataDir = join(root, 'data');
  const ids = writeThreeAttempts(dataDir, 'Ada Byron', 'late-parcel', 'Late parcel');
  // Someone else's attempt, a tryout session, another scenario, an unanalysed one and a damaged analysis.
  writePracticeSession(dataDir, { id: '20261121-120000-other1', candidate: { name: 'Bob Marley' } }, [finding(PRACTICE_ITEMS[0], 'pass')]);
  writePracticeSession(dataDir, { id: '20261121-130000-tryout', candidate: { name: 'Ada Byron' }, tryoutId: 'day-one' }, [finding(PRACTICE_ITEMS[0], 'pass')]);
  writePracticeSession(dataDir, { id: '20261123-090000-second', candidate: { name: 'ada byron ' }, scenarioId: 'not-listening', scenarioTitle: 'Not listening' }, null);
  const damaged = writePracticeSession(dataDir, { id: '20261123-100000-broken', candidate: { name: 'Ada Byron' }, scenarioId: 'not-listening', scenarioTitle: 'Not listening' }, []);
  writeFileSync(join(damaged, 'analysis.json'), '{ not json');
  const logged: string[] = [];
  const service = createTrainerService({ dataDir, scenariosDir: makeScenariosDir(root), log: (m) => logged.push(m), transcriber: null, retentionSweepAtStartup: false });
  afterAll(() => service.close());

  it('lists one scenario\'s attempts of that candidate, oldest first, with each item\'s status from analysis.json', async () => {
    const progress = await service.api.getPracticeProgress({ candidateName: 'ADA BYRON', scenarioId: 'late-parcel' });
    expect(progress.attempts.map((a) => a.sessionId)).toEqual(ids);
    expect(progress.attempts.map((a) => a.statuses['respect/no-red-flags'])).toEqual(['fail', 'fail', 'pass']);
    expect(progress.attempts.map((a) => a.statuses['patience/answers-promptly'])).toEqual(['pass', 'needs-review', 'pass']);
    expect(progress.checklists.map((c) => [c.checklist, c.points.map((p) => p.score)])).toEqual([
      ['respect', [0, 0, 1]],
      ['patience', [1, 1, 0.5]],
    ]);
    expect(progress.changes.improved.map((c) => c.key)).toEqual(['respect/no-red-flags']);
    expect(progress.changes.slipped.map((c) => c.key)).toEqual(['patience/no-dead-air']);
    // The filter still offers every scenario the name practised, most practised first.
    expect(progress.scenarios).toEqual([
      { scenarioId: 'late-parcel', scenarioTitle: 'Late parcel', attempts: 3 },
      { scenarioId: 'not-listening', scenarioTitle: 'Not listening', attempts: 2 },
    ]);
  });

  it('without a scenario lists every practice attempt of the name, unanalysed ones too, never tryout sessions or other people', async () => {
    const progress = await service.api.getPracticeProgress({ candidateName: 'Ada Byron' });
    expect(progress.attempts.map((a) => a.sessionId)).toEqual([...ids, '20261123-090000-second', '20261123-100000-broken']);
    expect(progress.attempts.map((a) => a.analysed)).toEqual([true, true, true, false, false]);
    expect(logged.some((m) => m.includes('20261123-100000-broken'))).toBe(true);
  });

  it('refuses an empty name with a clear message', async () => {
    await expect(service.api.getPracticeProgress({ candidateName: '  ' })).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
