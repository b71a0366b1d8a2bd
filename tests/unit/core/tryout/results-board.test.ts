import { describe, expect, it } from 'vitest';
import { sessionResult } from '../../../../core/result/session-result.js';
import { candidateKeyOf, resultsBoardOf } from '../../../../core/tryout/results-board.js';
import { anaReview, FINDINGS } from '../../services/report-fixtures.js';
import { AT, daySessions, review, session, TRYOUT } from './board-fixtures.js';

/** Real session results (sessionResult over the report fixtures' findings and reviews) on one board. */

describe('the results board of a tryout day', () => {
  const board = resultsBoardOf(TRYOUT, daySessions());
  const row = (name: string) => {
    const r = board.rows.find((x) => x.candidateName === name);
    if (!r) throw new Error(`no row for ${name}`);
    return r;
  };

  it('has one row per candidate, by name, and the tryout’s checklists as columns', () => {
    expect(board.rows.map((r) => r.candidateName)).toEqual(['Ada Byron', 'Bo Berg', 'Cy Young']);
    expect(board.checklists).toEqual(['respect', 'patience']);
    expect(board.sessions).toBe(4);
  });

  it('scores each checklist as passed over decided over the candidate’s calls, leaving not-applicable out', () => {
    const [respect, patience] = row('Ada Byron').cells;
    // Call 1: dismissive pass, lets-them-finish overridden to pass, warmth scored 4 (pass). Call 2: pass, fail, warmth needs review.
    expect(respect).toMatchObject({ checklist: 'respect', passed: 4, failed: 1, needsReview: 1, notApplicable: 0, score: 0.8 });
    // The hold item is not applicable in both calls: out of the score, counted apart.
    expect(patience).toMatchObject({ checklist: 'patience', passed: 2, failed: 0, needsReview: 0, notApplicable: 2, score: 1 });
    expect(row('Ada Byron')).toMatchObject({ fails: 1, needsReview: 1 });
  });

  it('opens each cell at the first failing item, else the first item to review, else the first call', () => {
    const ada = row('Ada Byron');
    expect(ada.cells[0]?.open).toEqual({ sessionId: 's-ada-2', itemKey: 'respect/lets-them-finish', itemTitle: 'Lets the customer finish', reason: 'fail' });
    expect(ada.cells[1]?.open).toEqual({ sessionId: 's-ada-1', itemKey: null, itemTitle: null, reason: 'session' });
    expect(ada.open?.itemKey).toBe('respect/lets-them-finish');
    // Bo's coaches differ on the talk-over item: needs review, nothing failed.
    expect(row('Bo Berg').cells[0]?.open).toMatchObject({ sessionId: 's-bo-1', itemKey: 'respect/lets-them-finish', reason: 'needs-review' });
  });

  it('gives the verdict over the calls: agreed where every verdict given is the same, split where coaches differ', () => {
    expect(row('Ada Byron').verdict).toEqual({ state: 'agreed', final: 'advance', decidedCalls: 1, calls: 2 });
    expect(row('Bo Berg').verdict).toEqual({ state: 'split', final: null, decidedCalls: 0, calls: 1 });
    expect(row('Cy Young').verdict).toEqual({ state: 'none', final: null, decidedCalls: 0, calls: 1 });
  });

  it('says who reviewed and how many of the playlist’s calls are done, with calls still under way apart', () => {
    expect(row('Ada Byron').reviewedBy.map((c) => c.name)).toEqual(['Ana Ruiz']);
    expect(row('Bo Berg').reviewedBy.map((c) => c.name)).toEqual(['Ana Ruiz', 'Björn Larsen']);
    expect(row('Ada Byron')).toMatchObject({ callsDone: 2, callsTotal: 2, pending: 0 });
    expect(row('Ada Byron').calls.map((c) => c.sessionId)).toEqual(['s-ada-1', 's-ada-2']);
    // On a call now: not done, not analysed, nothing scored yet.
    expect(row('Cy Young')).toMatchObject({ callsDone: 0, pending: 1, fails: 0 });
    expect(row('Cy Young').cells.map((c) => c.score)).toEqual([null, null]);
  });

  it('splits opposite verdicts given on two calls', () => {
    const ada1 = session('a1', 'Ada Byron', 'angry-caller', AT, [review('Ana Ruiz', { ...anaReview(AT), verdict: 'advance' })]);
    const ada2 = session('a2', 'Ada Byron', 'obvious-question', AT, [review('Ana Ruiz', { ...anaReview(AT), verdict: 'not-a-fit' })]);
    expect(resultsBoardOf(TRYOUT, [ada1, ada2]).rows[0]?.verdict).toEqual({ state: 'split', final: null, decidedCalls: 2, calls: 2 });
  });

  it('takes the same name typed differently as one candidate, and the candidate number apart namesakes', () => {
    expect(candidateKeyOf('  Ada   BYRON ', null)).toBe(candidateKeyOf('ada byron', null));
    const sessions = [
      session('a', 'Ada Byron', 'angry-caller', AT, []),
      session('b', 'ada  byron', 'obvious-question', '2026-11-24T09:30:00.000Z', []),
      session('c', 'Ada Byron', 'angry-caller', AT, [], true, { candidateId: 'C-7' }),
    ];
    const rows = resultsBoardOf(TRYOUT, sessions).rows;
    expect(rows.map((r) => [r.candidateName, r.candidateId, r.calls.length])).toEqual([
      ['ada  byron', null, 2],
      ['Ada Byron', 'C-7', 1],
    ]);
  });

  it('adds a checklist a result holds beyond the tryout’s own after them', () => {
    const writing = sessionResult([...FINDINGS, { checklist: 'writing', item: 'spelling', title: 'Spelling', kind: 'auto', status: 'fail' }], []);
    const board2 = resultsBoardOf(TRYOUT, [{ ...session('w', 'Wen Li', 'angry-caller', AT, []), result: writing }]);
    expect(board2.checklists).toEqual(['respect', 'patience', 'writing']);
    expect(board2.rows[0]?.cells[2]).toMatchObject({ checklist: 'writing', failed: 1, score: 0, open: { sessionId: 'w', itemKey: 'writing/spelling' } });
  });
});
