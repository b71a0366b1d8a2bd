import { beforeAll, describe, expect, it } from 'vitest';
import type { RehearsalResult } from '../../../scripts/rehearse/rehearsal.js';
import { branches, rehearseWith, stepPath, stepsNotReached } from './scenario-runs.js';

const REPLIES = {
  blaming:
    'Dear Daniel, our records show you selected Saturday 15 March yourself, so this is not our fault. We can rebook you for a change fee of 80 pounds.',
  noApology:
    'Dear Daniel, I have rebooked you on flight SN 1415 on Friday 14 March at no cost. Your new confirmation will follow by email within the hour.',
  vague:
    'Dear Daniel, I am very sorry for the trouble with your booking. I have passed your complaint to the right team, and they will be in touch with you soon.',
  good:
    'Dear Daniel, I am so sorry: we put you on the wrong day, and that was our mistake. I have rebooked you on SN 1415 on Friday 14 March at no cost, ' +
    'and your new confirmation will reach you by email within the hour. If anything else goes wrong, reply to this message and I will deal with it myself. Kind regards, Alex',
};

describe('written-reply: a typed reply to a written complaint', () => {
  const runs: Record<keyof typeof REPLIES, RehearsalResult | undefined> = { blaming: undefined, noApology: undefined, vague: undefined, good: undefined };
  const run = (name: keyof typeof REPLIES): RehearsalResult => {
    const r = runs[name];
    if (!r) throw new Error(`no run for ${name}`);
    return r;
  };
  beforeAll(async () => {
    for (const name of Object.keys(REPLIES) as (keyof typeof REPLIES)[]) runs[name] = await rehearseWith('written-reply', [], [REPLIES[name]]);
  }, 300_000);

  it('shows the complaint on screen and keeps the reply exactly as typed', () => {
    const shown = run('good').detail.events.find((e) => e.type === 'prompt-shown');
    expect(shown?.stepId).toBe('reply');
    expect(run('good').summary.turns.map((t) => t.text)).toEqual([REPLIES.good]);
  });

  it('takes each branch with the reply written for it', () => {
    expect(branches(run('blaming'))).toEqual(['read-reply -> offended (rule 0)']);
    expect(branches(run('noApology'))).toEqual(['read-reply -> cold (rule 1)']);
    expect(branches(run('vague'))).toEqual(['read-reply -> vague (rule 2)']);
    expect(branches(run('good'))).toEqual(['read-reply -> relieved (otherwise)']);
    expect(stepPath(run('good'))).toEqual(['intro', 'reply', 'read-reply', 'relieved']);
  });

  it('reaches every step between the four replies', () => {
    expect(stepsNotReached('written-reply', Object.values(runs).filter((r) => r !== undefined))).toEqual([]);
  });
});
