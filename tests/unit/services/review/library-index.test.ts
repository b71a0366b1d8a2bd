import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryQuerySchema } from '../../../../core/library/library-query.js';
import { jsonText } from '../../../../electron/services/storage/atomic-write.js';
import { LibraryIndex } from '../../../../electron/services/review/library-index.js';
import { generateSessions } from '../../../support/library-sessions.js';
import { tempRoot } from '../fixtures.js';

const query = (q: object = {}) => LibraryQuerySchema.parse(q);

describe('LibraryIndex', () => {
  it('builds from the session folders on disk, skipping and reporting damaged ones', async () => {
    const dataDir = join(tempRoot('library-index'), 'data');
    const ids = generateSessions(dataDir, 60);
    const [damaged = '', badReview = '', removed = ''] = [ids[1], ids[0], ids[2]];
    writeFileSync(join(dataDir, 'sessions', damaged, 'manifest.json'), '{"formatVersion":1,');
    writeFileSync(join(dataDir, 'sessions', badReview, 'reviews', 'bo-berg.json'), '[]');
    const logs: string[] = [];
    const index = new LibraryIndex({ dataDir, log: (m) => logs.push(m) });

    const page = await index.search(query({ limit: 500 }));
    expect(page.total).toBe(59);
    expect(page.rows.map((r) => r.sessionId)).toEqual(ids.filter((id) => id !== damaged).reverse());
    expect(logs.sort()).toEqual([
      `library: skipping ${damaged}: manifest.json is not valid JSON`,
      `reviews: skipping sessions/${badReview}/reviews/bo-berg.json: it is not a valid review (input: Invalid input: expected object, received array)`,
    ]);
    // Session 0 keeps Ana's review although Bo's file is damaged.
    expect((await index.row(badReview))?.reviewers.map((c) => c.id)).toEqual(['ana-lima']);
    expect(page.scenarios.map((s) => [s.title, s.sessions])).toEqual([
      ['Angry refund', 15],
      ['Double charge', 15],
      ['Late parcel', 15],
      ['Not listening', 14],
    ]);

    rmSync(join(dataDir, 'sessions', removed), { recursive: true });
    await index.refresh(removed);
    expect((await index.search(query())).total).toBe(58);
    expect(await index.row(removed)).toBeUndefined();
  });

  it("reads each session's analysis.json after the scan and shows the session's result (not-applicable never scored)", async () => {
    const dataDir = join(tempRoot('library-results'), 'data');
    const [pretty = '', compact = '', damaged = '', none = ''] = generateSessions(dataDir, 4);
    const finding = (item: string, status: string) => ({ checklist: 'patience', item, title: item, kind: 'auto', status, rule: 'test', summary: '', evidence: [{ startFrame: 0, endFrame: 1, quote: 'a "quoted"\n  ] line' }] });
    const analysis = (id: string) => ({
      formatVersion: 1,
      sessionId: id,
      scenarioId: 'late-parcel',
      sampleRate: 16_000,
      transcriber: { engine: 'none' },
      checklists: ['patience'],
      turns: [{ stepId: 'answer', findings: ['a nested "findings" key'] }],
      holds: [],
      findings: [finding('answer-delay', 'pass'), finding('asks-before-hold', 'not-applicable'), finding('repeats', 'fail')],
    });
    // As the analysis runner writes it (indented, read without parsing the turns), and compact.
    writeFileSync(join(dataDir, 'sessions', pretty, 'analysis.json'), jsonText(analysis(pretty)));
    writeFileSync(join(dataDir, 'sessions', compact, 'analysis.json'), JSON.stringify(analysis(compact)));
    writeFileSync(join(dataDir, 'sessions', damaged, 'analysis.json'), '{"formatVersion":1,');
    const logs: string[] = [];
    const index = new LibraryIndex({ dataDir, log: (m) => logs.push(m) });
    await index.resultsRead();
    for (const id of [pretty, compact]) {
      expect((await index.row(id))?.result).toMatchObject({
        analysed: true,
        checklists: [{ checklist: 'patience', passed: 1, failed: 1, notApplicable: 1, needsReview: 0, score: 0.5 }],
      });
    }
    expect((await index.row(damaged))?.result.analysed).toBe(false);
    expect((await index.row(none))?.result.analysed).toBe(false);
    expect(logs).toEqual([`library: ${damaged}: analysis.json is not valid JSON; its result is left out`]);
    // The searches see the results too (the cached orderings were dropped when they came in).
    expect((await index.search(query({ limit: 10 }))).rows.filter((r) => r.result.analysed).map((r) => r.sessionId).sort()).toEqual([pretty, compact].sort());
  });

  it('is empty when there is no sessions folder', async () => {
    const index = new LibraryIndex({ dataDir: join(tempRoot('library-empty'), 'data'), log: () => undefined });
    expect(await index.search(query())).toEqual({ total: 0, offset: 0, rows: [], scenarios: [] });
  });

  it('refuses a bad session id', async () => {
    const index = new LibraryIndex({ dataDir: join(tempRoot('library-bad'), 'data'), log: () => undefined });
    await expect(index.refresh('../../x')).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
