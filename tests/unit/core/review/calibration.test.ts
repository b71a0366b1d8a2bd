import { describe, expect, it } from 'vitest';
import { calibrate, type CalibrationSession } from '../../../../core/review/calibration.js';
import { finding, review, sessionId } from './review-fixtures.js';

const TALK = 'respect/no-talk-down';
const WAIT = 'patience/waits';
const POLITE = 'respect/polite';
const WARMTH = 'respect/warmth';

/**
 * Two coaches, Ana and Bo, finished reviews of ten sessions.
 * TALK: automatic pass in sessions 1-7, fail in 8-10. Ana decides nothing (she lets the
 *   automatic result stand); Bo overrides 6 and 7 to fail. So Ana = 7 pass / 3 fail,
 *   Bo = 5 pass / 5 fail, they differ in 6 and 7: po = 0.8, pe = 0.7*0.5 + 0.3*0.5 = 0.5,
 *   kappa = (0.8 - 0.5) / 0.5 = 0.6.
 * WAIT: automatic needs-review everywhere (undecided = not rated). Ana decides pass in 1-4;
 *   Bo pass in 1-3 and fail in 4. Both rated 1-4: po = 3/4, pe = 1.0*0.75 + 0*0.25 = 0.75,
 *   kappa = (0.75 - 0.75) / 0.25 = 0.
 * POLITE: automatic pass everywhere, nobody overrides: 100 %, kappa undefined.
 * WARMTH (coach-only): Ana scores 4 in 1-2, Bo 4 in 1 and 5 in 2: 1 of 2 agree.
 * Verdicts: Ana advance everywhere, Bo advance except hold in session 10.
 */
function tenSessions(): CalibrationSession[] {
  return Array.from({ length: 10 }, (_, i) => {
    const n = i + 1;
    const auto = { [TALK]: n <= 7 ? 'pass' : 'fail', [WAIT]: 'needs-review', [POLITE]: 'pass' } as const;
    const findings = [finding(TALK, auto[TALK]), finding(WAIT, 'needs-review'), finding(POLITE, 'pass'), finding(WARMTH, 'needs-review', 'coach-only')];
    const ana = review('Ana', sessionId(n), { decisions: n <= 4 ? { [WAIT]: 'pass' } : {}, scores: n <= 2 ? { [WARMTH]: 4 } : {} }, auto);
    const bo = review(
      'Bo',
      sessionId(n),
      {
        decisions: { ...(n === 6 || n === 7 ? { [TALK]: 'fail' as const } : {}), ...(n <= 4 ? { [WAIT]: n === 4 ? ('fail' as const) : ('pass' as const) } : {}) },
        scores: n === 1 ? { [WARMTH]: 4 } : n === 2 ? { [WARMTH]: 5 } : {},
        verdict: n === 10 ? 'hold' : 'advance',
      },
      auto,
    );
    return { sessionId: sessionId(n), candidateName: `Candidate ${n}`, scenarioTitle: 'Late parcel', findings, reviews: [ana, bo] };
  });
}

describe('calibrate', () => {
  const result = calibrate(tenSessions());
  const item = (key: string) => result.items.find((i) => i.key === key);

  it("gives the hand-computed percent agreement and Cohen's kappa per checklist item", () => {
    expect(item(TALK)?.pairs).toEqual([
      { coachA: { id: 'ana', name: 'Ana' }, coachB: { id: 'bo', name: 'Bo' }, rated: 10, agreed: 8, percent: 80, kappa: 0.6, kappaNote: null },
    ]);
    expect(item(TALK)).toMatchObject({ title: 'Title of no-talk-down', scale: 'pass-fail', sessions: 10, disagreements: 2, average: null });
    expect(item(WAIT)?.pairs[0]).toMatchObject({ rated: 4, agreed: 3, percent: 75, kappa: 0 });
  });

  it('shows kappa as undefined, with the reason, when every rating is the same', () => {
    expect(item(POLITE)?.pairs[0]).toMatchObject({ rated: 10, percent: 100, kappa: null });
    expect(item(POLITE)?.pairs[0]?.kappaNote).toContain('kappa is undefined');
  });

  it('compares coach-only scores and verdicts as categories', () => {
    expect(item(WARMTH)).toMatchObject({ scale: 'score', sessions: 2, disagreements: 1 });
    expect(item(WARMTH)?.pairs[0]).toMatchObject({ rated: 2, agreed: 1, percent: 50 });
    // Verdicts: 9 of 10 agree; Ana all advance -> pe = 1.0*0.9 = 0.9; kappa = (0.9-0.9)/0.1 = 0.
    expect(result.verdict.pairs[0]).toMatchObject({ rated: 10, agreed: 9, percent: 90, kappa: 0 });
  });

  it('lists every session and item where the coaches disagree, with their ratings and reasons', () => {
    expect(result.disagreements.map((d) => [d.sessionId, d.key])).toEqual([
      [sessionId(2), WARMTH],
      [sessionId(4), WAIT],
      [sessionId(6), TALK],
      [sessionId(7), TALK],
      [sessionId(10), 'verdict'],
    ]);
    const six = result.disagreements.find((d) => d.sessionId === sessionId(6));
    expect(six?.ratings).toEqual([
      { coach: { id: 'ana', name: 'Ana' }, rating: 'pass', reason: '' },
      { coach: { id: 'bo', name: 'Bo' }, rating: 'fail', reason: 'Bo disagrees' },
    ]);
    expect(six).toMatchObject({ candidateName: 'Candidate 6', scenarioTitle: 'Late parcel', title: 'Title of no-talk-down' });
  });

  it('leaves out sessions with fewer than two finished reviews and unfinished reviews', () => {
    const sessions = tenSessions();
    const unfinished = review('Cy', sessionId(11), { verdict: null });
    const [firstSession] = sessions;
    if (!firstSession?.reviews[0]) throw new Error('fixture has no first session');
    const onlyOne: CalibrationSession = { ...firstSession, sessionId: sessionId(11), reviews: [firstSession.reviews[0], unfinished] };
    const again = calibrate([...sessions, onlyOne]);
    expect(again.sessions).toHaveLength(10);
    expect(again.coaches).toEqual([{ id: 'ana', name: 'Ana' }, { id: 'bo', name: 'Bo' }]);
    expect(again.items.find((i) => i.key === TALK)?.pairs[0]?.kappa).toBe(0.6);
  });

  it('averages the pairs when more than two coaches rated an item', () => {
    // Three coaches, four sessions of TALK (all decided):
    //   Ana: P P F F   Bo: P P F P   Cy: P F F F
    // Ana-Bo: po 3/4; pA(P)=.5 pB(P)=.75 -> pe = .5*.75 + .5*.25 = .5; kappa = .25/.5 = 0.5
    // Ana-Cy: po 3/4; pC(P)=.25 -> pe = .5*.25 + .5*.75 = .5; kappa = 0.5
    // Bo-Cy:  po 2/4; pe = .75*.25 + .25*.75 = .375; kappa = (.5-.375)/.625 = 0.2
    // mean kappa (Light's) = (0.5 + 0.5 + 0.2) / 3 = 0.4; mean percent = (75+75+50)/3 = 66.6667
    const ratings: Record<string, ('pass' | 'fail')[]> = { Ana: ['pass', 'pass', 'fail', 'fail'], Bo: ['pass', 'pass', 'fail', 'pass'], Cy: ['pass', 'fail', 'fail', 'fail'] };
    const sessions = [0, 1, 2, 3].map((i) => ({
      sessionId: sessionId(i + 1),
      candidateName: 'C',
      scenarioTitle: 'S',
      findings: [finding(TALK, 'needs-review')],
      reviews: Object.entries(ratings).map(([name, r]) => review(name, sessionId(i + 1), { decisions: { [TALK]: r[i] ?? 'pass' } })),
    }));
    const talk = calibrate(sessions).items.find((i) => i.key === TALK);
    expect(talk?.pairs.map((p) => [p.coachA.id, p.coachB.id, p.kappa])).toEqual([
      ['ana', 'bo', 0.5],
      ['ana', 'cy', 0.5],
      ['bo', 'cy', 0.2],
    ]);
    expect(talk?.average).toEqual({ percent: 66.6667, kappa: 0.4, kappaNote: null, pairs: 3 });
  });
});

describe('calibrate: not-applicable', () => {
  const HOLD = 'patience/asks-before-hold';
  // Three sessions with no hold: the check says not-applicable. Ana and Bo let it stand in 1-2;
  // in 3 Bo overrides it to fail (there was a hold the check missed) and Ana lets it stand.
  const sessions: CalibrationSession[] = [1, 2, 3].map((n) => {
    const auto = { [HOLD]: 'not-applicable' } as const;
    return {
      sessionId: sessionId(n),
      candidateName: `Candidate ${n}`,
      scenarioTitle: 'Late parcel',
      findings: [finding(HOLD, 'not-applicable')],
      reviews: [review('Ana', sessionId(n), {}, auto), review('Bo', sessionId(n), { decisions: n === 3 ? { [HOLD]: 'fail' } : {} }, auto)],
    };
  });

  it('never counts a not-applicable item as a rating, so two coaches letting it stand do not "agree" on a pass', () => {
    const result = calibrate(sessions);
    // Only Bo rated the item (in session 3): no session has two ratings, so it is not calibrated.
    expect(result.items.find((i) => i.key === HOLD)).toBeUndefined();
    expect(result.disagreements.filter((d) => d.key === HOLD)).toEqual([]);
  });
});
