import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../core/analysis/findings.js';
import type { RehearsalResult } from '../../../scripts/rehearse/rehearsal.js';
import { branches, heard, rehearseWith, SILENCE, stepPath, stepsNotReached } from './scenario-runs.js';

// Verified with pocketsphinx; the phrases in the comments are heard. (us-slt's "hold" is heard
// as "held", so the permission is asked in the kal voice.)
const COURTEOUS = [
  { text: 'I am so sorry about the wait. May I put you on hold for a minute?', voice: 'kal' as const }, // hold, a minute
  'Thank you for your patience. I am still checking, it will be one more minute.',
  'Thank you for your patience, and thank you for waiting. It was sent today, and it arrives tomorrow.', // both thanks
];
const CARELESS = [
  'Calm down. Let me look at your order.', // dismissive; no hold, no "a moment"
  SILENCE, // no check-in
  'It was sent today, and it arrives tomorrow morning.', // no thanks
  'I am sorry, you are right. I will send you the tracking number by email today.',
];
const NOTE = 'Waited 20 min in the queue. Router for order 47291 shipped today, due tomorrow; apologised.';

describe('long-hold: permission before the hold, a check-in, thanks after', () => {
  let courteous: RehearsalResult;
  let careless: RehearsalResult;
  beforeAll(async () => {
    courteous = await rehearseWith('long-hold', COURTEOUS, [NOTE]);
    careless = await rehearseWith('long-hold', CARELESS, [NOTE]);
  }, 300_000);

  it('holds willingly when asked, and thanks back when thanked for waiting', () => {
    expect(branches(courteous), heard(courteous)).toEqual([
      'hold-asked -> hold-ok (rule 0)',
      'checked-in -> check-in-ok (otherwise)',
      'after-hold -> thank-close (rule 0)',
    ]);
    expect(stepPath(courteous)).toEqual([
      'complain-wait', 'answer-wait', 'hold-asked', 'hold-ok', 'on-hold', 'check-in', 'checked-in', 'check-in-ok',
      'on-hold-more', 'answer-back', 'after-hold', 'thank-close', 'account-note',
    ]);
  });

  it('objects to an unannounced hold, asks if anyone is there, and complains when not thanked', () => {
    expect(branches(careless), heard(careless)).toEqual([
      'hold-asked -> hold-unasked (otherwise)',
      'checked-in -> still-there (rule 0)',
      'after-hold -> complain-again (otherwise)',
    ]);
    expect(stepPath(careless)).toEqual([
      'complain-wait', 'answer-wait', 'hold-asked', 'hold-unasked', 'on-hold', 'check-in', 'checked-in', 'still-there',
      'on-hold-more', 'answer-back', 'after-hold', 'complain-again', 'final-answer', 'account-note',
    ]);
  });

  it('holds twice, each for its full time, and ends with the account note', () => {
    for (const run of [courteous, careless]) {
      const holds = run.detail.events.filter((e) => e.type === 'hold-ended');
      expect(holds.map((e) => (e.type === 'hold-ended' ? `${e.stepId} ${e.reason}` : ''))).toEqual(['on-hold elapsed', 'on-hold-more elapsed']);
      expect(run.summary.turns.at(-1)?.text).toBe(NOTE);
    }
  });

  it('gives the courteous call passing hold findings and the careless one failures, with evidence', () => {
    const finding = (run: RehearsalResult, checklist: string, item: string): Finding => {
      const f = run.summary.findings.find((x) => x.checklist === checklist && x.item === item);
      if (!f) throw new Error(`no finding ${checklist}/${item}`);
      return f;
    };
    const holdItems = [['patience', 'asks-before-hold'], ['patience', 'checks-back-in'], ['patience', 'thanks-after-hold']] as const;
    for (const [checklist, item] of [...holdItems, ['respect', 'no-red-flags'], ['respect', 'apologises']] as const) {
      const f = finding(courteous, checklist, item);
      // The recording through Chromium differs a little from run to run, and pocketsphinx is
      // sometimes unsure of a short word ("may" at 0.4). That doubt must reach the coach as
      // needs-review with the words named; anything else is a wrong judgement.
      if (f.status === 'needs-review' && f.summary.includes('the recogniser was unsure of')) {
        console.log(`long-hold courteous ${item}: needs-review on the recogniser's doubt (${f.summary})`);
        continue;
      }
      expect(f.status, `courteous ${item}: ${f.summary}`).toBe('pass');
    }
    for (const [checklist, item] of [...holdItems, ['respect', 'no-red-flags']] as const) {
      const f = finding(careless, checklist, item);
      expect(f.status, `careless ${item}: ${f.summary}`).toBe('fail');
      expect(f.evidence.length, `careless ${item} has evidence`).toBeGreaterThan(0);
      for (const e of f.evidence) expect(e.endFrame).toBeGreaterThanOrEqual(e.startFrame);
    }
    const calm = finding(careless, 'respect', 'no-red-flags').evidence.find((e) => e.note?.startsWith('dismissal') && e.quote?.includes('calm down'));
    expect(calm?.stepId).toBe('answer-wait');
    expect(calm?.quote).toContain('calm down');
    // The missed check-in is placed in the hold it belongs to.
    const hold = careless.detail.events.find((e) => e.type === 'hold-started' && e.stepId === 'on-hold');
    const checkIn = finding(careless, 'patience', 'checks-back-in').evidence[0];
    expect(checkIn?.startFrame).toBeGreaterThanOrEqual(hold?.frame ?? Infinity);
  });

  it('reaches every step between the two variants', () => {
    expect(stepsNotReached('long-hold', [courteous, careless])).toEqual([]);
  });
});
