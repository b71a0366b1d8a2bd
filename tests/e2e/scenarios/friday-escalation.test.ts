import { beforeAll, describe, expect, it } from 'vitest';
import type { RehearsalResult } from '../../../scripts/rehearse/rehearsal.js';
import { loadShipped, branches, heard, rehearseWith, stepPath, stepsNotReached } from './scenario-runs.js';

// Verified with pocketsphinx on festival us-slt ("on call" is heard as "on kyle", so the
// answers lean on "engineer" and "ticket", which are heard every time).
const BY_THE_POLICY = [
  'This is a severity one outage. I am opening a priority ticket now and paging our on call engineer.', // ticket, paging, engineer
  'The engineer will call you back within thirty minutes. If you have not heard from us in half an hour, call me back.', // thirty minutes, half an hour
];
const OFF_THE_POLICY = [
  'I am sorry, our technical team is back on Monday morning.', // nothing from the policy
  'You are right. I will open an urgent ticket and call our engineer now.', // ticket, engineer
  'Someone will be in touch as soon as possible.', // no callback time
];

describe('friday-escalation: the on-call policy at 10 p.m. on a Friday', () => {
  let byPolicy: RehearsalResult;
  let offPolicy: RehearsalResult;
  beforeAll(async () => {
    byPolicy = await rehearseWith('friday-escalation', BY_THE_POLICY);
    offPolicy = await rehearseWith('friday-escalation', OFF_THE_POLICY);
  }, 300_000);

  it('shows the on-call escalation policy in the brief', () => {
    const brief = loadShipped('friday-escalation').brief;
    expect(brief).toContain('On-call escalation policy');
    expect(brief).toMatch(/page the on-call engineer/);
    expect(brief).toMatch(/within\s+30 minutes/);
  });

  it('is reassured by a page to the engineer and a callback within thirty minutes', () => {
    expect(branches(byPolicy), heard(byPolicy)).toEqual(['read-triage -> ask-when (rule 0)', 'read-expectations -> reassured (otherwise)']);
    expect(stepPath(byPolicy)).toEqual(['outage', 'triage', 'read-triage', 'ask-when', 'expectations', 'read-expectations', 'reassured']);
  });

  it('pushes back on "Monday", and is left unsure without a callback time', () => {
    expect(branches(offPolicy), heard(offPolicy)).toEqual(['read-triage -> pushback (otherwise)', 'read-expectations -> unclear (rule 0)']);
    expect(stepPath(offPolicy)).toEqual(['outage', 'triage', 'read-triage', 'pushback', 'triage-again', 'ask-when', 'expectations', 'read-expectations', 'unclear']);
  });

  it('reaches every step between the two variants', () => {
    expect(stepsNotReached('friday-escalation', [byPolicy, offPolicy])).toEqual([]);
  });
});
