import { describe, expect, it } from 'vitest';
import { nextTimeRank, NEXT_TIME_RANK, orderNextTime, RULE_RANK } from '../../../../core/debrief/next-time-order.js';

const item = (key: string, rule: string | null) => ({ key, rule });

describe('the order of the things to do differently next time', () => {
  it('puts the item the bad outcome is blamed on first, then red flags, expected moves, timing, delivery, coach-only', () => {
    const items = [
      item('writing/spelling', 'spelling'),
      item('patience/answers-promptly', 'answerLatency'),
      item('respect/warmth', 'coach-only'),
      item('respect/acknowledges', 'moves'),
      item('patience/no-dead-air', 'deadAir'),
      item('respect/no-red-flags', 'redFlags'),
      item('respect/gives-next-step', 'moves'),
      item('escalation/no-stonewalling', 'redFlags'),
    ];
    expect(orderNextTime(items, 'respect/gives-next-step').map((i) => i.key)).toEqual([
      'respect/gives-next-step',
      'respect/no-red-flags',
      'escalation/no-stonewalling',
      'respect/acknowledges',
      'patience/answers-promptly',
      'patience/no-dead-air',
      'writing/spelling',
      'respect/warmth',
    ]);
  });

  it('keeps the checklist order among items of equal rank, and needs no outcome', () => {
    const items = [item('patience/no-dead-air', 'deadAir'), item('respect/no-talk-over', 'noTalkOver'), item('patience/answers-promptly', 'answerLatency')];
    expect(orderNextTime(items, null).map((i) => i.key)).toEqual(['patience/no-dead-air', 'respect/no-talk-over', 'patience/answers-promptly']);
  });

  it('ranks an item the analysis does not know, or an unknown rule, with the coach-only items', () => {
    expect(nextTimeRank(item('respect/gone', null), null)).toBe(NEXT_TIME_RANK.coachOnly);
    expect(nextTimeRank(item('respect/odd', 'toString'), null)).toBe(NEXT_TIME_RANK.coachOnly);
    expect(nextTimeRank(item('respect/gone', null), 'respect/gone')).toBe(NEXT_TIME_RANK.outcomeCause);
  });

  it('gives red-flag rules a higher rank than move rules, and move rules than timing rules', () => {
    expect(RULE_RANK.phrasesAbsent).toBeLessThan(RULE_RANK.moves);
    expect(RULE_RANK.factsRight).toBeLessThan(RULE_RANK.holdCheckIn);
    expect(RULE_RANK.noTalkOver).toBeLessThan(RULE_RANK.voiceSteady);
  });

  it('does not change the list it is given', () => {
    const items = [item('a/timing', 'deadAir'), item('a/flag', 'redFlags')];
    orderNextTime(items, null);
    expect(items.map((i) => i.key)).toEqual(['a/timing', 'a/flag']);
  });
});
