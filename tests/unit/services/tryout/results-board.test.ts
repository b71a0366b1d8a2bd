import { readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTrainerService } from '../../../../electron/services/trainer-service.js';
import { RESULTS_BOARD_FILE_NAME } from '../../../../electron/services/tryout/results-board-service.js';
import { tryoutOf, writeTryoutDay } from '../../../support/tryout-day-sessions.js';
import { tempRoot } from '../fixtures.js';
import { pdfPages, pdfText } from '../pdf-tools.js';
import { anaReview, bjornReview } from '../report-fixtures.js';

/** getResultsBoard and exportResultsBoard on a real service over a tryout day written to disk. */

const ROOT = resolve(import.meta.dirname, '../../../..');
const root = tempRoot('results-board');
const dataDir = join(root, 'data');
const AT = '2026-11-24T09:00:00.000Z';
const TRYOUT = tryoutOf('t-20261124-board1', 'Support tryout, November', '2026-11-24', ['angry-caller', 'obvious-question']);
writeTryoutDay(dataDir, TRYOUT, [
  { id: '20261124-090000-ada001', candidate: 'Ada Byron', candidateId: 'C-101', scenarioId: 'angry-caller', scenarioTitle: 'The angry caller', createdAt: AT, reviews: [{ coach: 'Ana Ruiz', content: anaReview(AT) }] },
  { id: '20261124-091500-ada002', candidate: 'Ada Byron', candidateId: 'C-101', scenarioId: 'obvious-question', scenarioTitle: 'The obvious question', createdAt: '2026-11-24T09:15:00.000Z' },
  {
    id: '20261124-100000-jose01',
    candidate: 'José "Pepe" Núñez, Jr.',
    scenarioId: 'angry-caller',
    scenarioTitle: 'The angry caller',
    createdAt: '2026-11-24T10:00:00.000Z',
    reviews: [
      { coach: 'Ana Ruiz', content: anaReview(AT) },
      { coach: 'Björn Larsen', content: bjornReview(AT) },
    ],
  },
]);
const service = createTrainerService({ dataDir, scenariosDir: join(ROOT, 'scenarios'), transcriber: null, analyseFinishedCalls: false, retentionSweepAtStartup: false, log: () => undefined });
afterAll(async () => {
  await service.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the results board through the API', () => {
  it('gives a row per candidate of the day from each session’s result', async () => {
    const board = await service.api.getResultsBoard({ tryoutId: TRYOUT.id });
    expect(board.tryout).toMatchObject({ id: TRYOUT.id, name: 'Support tryout, November', date: '2026-11-24' });
    expect(board.rows.map((r) => [r.candidateName, r.candidateId, r.callsDone, r.callsTotal])).toEqual([
      ['Ada Byron', 'C-101', 2, 2],
      ['José "Pepe" Núñez, Jr.', null, 1, 2],
    ]);
    const [ada, jose] = board.rows;
    expect(ada?.cells.map((c) => [c.checklist, c.score])).toEqual([
      ['respect', 0.8],
      ['patience', 1],
    ]);
    expect(ada?.cells[0]?.open).toMatchObject({ sessionId: '20261124-091500-ada002', itemKey: 'respect/lets-them-finish', reason: 'fail' });
    expect(ada?.verdict).toMatchObject({ state: 'agreed', final: 'advance' });
    expect(jose?.verdict.state).toBe('split');
    expect(jose?.reviewedBy.map((c) => c.name)).toEqual(['Ana Ruiz', 'Björn Larsen']);
  });

  it('says so when there is no such tryout', async () => {
    await expect(service.api.getResultsBoard({ tryoutId: 't-20261124-none01' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('exports the board as CSV in the order asked, served for download', async () => {
    const file = await service.api.exportResultsBoard({ tryoutId: TRYOUT.id, format: 'csv', sort: { column: 'checklist:respect', direction: 'descending' } });
    expect(file.fileName).toMatch(RESULTS_BOARD_FILE_NAME);
    expect(file.fileName).toMatch(/^results-t-20261124-board1-\d{8}-\d{6}\.csv$/);
    expect(file.path).toBe(join(dataDir, 'exports', file.fileName));
    expect(service.resolveMedia(file.url)).toBe(file.path);
    expect(statSync(file.path).size).toBe(file.bytes);
    expect(file.pages).toBeNull();
    const text = readFileSync(file.path, 'utf8');
    expect(text.split('\r\n')).toEqual([
      '\uFEFFCandidate,Candidate number,Respect score (%),Respect fails,Respect needs review,Patience score (%),Patience fails,Patience needs review,Fails,Needs review,Verdict,Calls with a verdict,Reviewed by,Calls done',
      // José: talk-over needs review (coaches differ), warmth passed by both: 2 of 2 decided.
      '"José ""Pepe"" Núñez, Jr.",,100,0,1,100,0,0,0,1,Split,0,"Ana Ruiz, Björn Larsen",1 of 2',
      'Ada Byron,C-101,80,1,1,100,0,0,1,1,Advance,1,Ana Ruiz,2 of 2',
      '',
    ]);
  });

  it('exports one PDF for the hiring meeting: the day, its date and the table of candidates', async () => {
    const file = await service.api.exportResultsBoard({ tryoutId: TRYOUT.id, format: 'pdf' });
    expect(file.fileName).toMatch(/^results-t-20261124-board1-\d{8}-\d{6}(?:-\d+)?\.pdf$/);
    expect(readFileSync(file.path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(service.resolveMedia(file.url)).toBe(file.path);
    expect(file.pages).toBe(pdfPages(file.path));
    expect(file.pages).toBe(1);
    const text = pdfText(file.path);
    expect(text).toContain('Results board: Support tryout, November');
    expect(text).toContain('Tryout day 2026-11-24');
    for (const header of ['Candidate', 'Respect', 'Patience', 'Fails', 'To review', 'Verdict', 'Reviewed by', 'Calls']) expect(text).toContain(header);
    // Each candidate's cells: scores with what is left open, the verdict over the calls, who reviewed, calls done.
    for (const cell of ['Ada Byron (C-101)', '80% · 4 of 5', '1 fail · 1 to review', '100% · 2 of 2', 'Advance (1 of 2 calls)', '2 of 2']) expect(text).toContain(cell);
    for (const cell of ['José "Pepe" Núñez, Jr.', '100% · 1 of 1', 'Split (0 of 1 call)', 'Ana Ruiz, Björn Larsen', '1 of 2']) expect(text).toContain(cell);
    // Rows in name order (the default).
    expect(text.indexOf('Ada Byron')).toBeLessThan(text.indexOf('José'));
  });

  it('refuses a format or a column it does not know', async () => {
    await expect(service.dispatch('exportResultsBoard', { tryoutId: TRYOUT.id, format: 'xlsx' })).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(service.dispatch('exportResultsBoard', { tryoutId: TRYOUT.id, format: 'csv', sort: { column: 'name', direction: 'ascending' } })).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
