import { describe, expect, it } from 'vitest';
import type { TurnReport } from '../../../../core/analysis/analyze.js';
import { ChecklistSchema, type Checklist } from '../../../../core/analysis/checklist-schema.js';
import type { Evidence, Finding, FindingStatus } from '../../../../core/analysis/findings.js';
import { debriefOf, momentOf, tipOf, type DebriefAnalysis } from '../../../../core/debrief/debrief.js';
import type { Vocabulary } from '../../../../core/judgement/vocabulary-schema.js';
import { sessionResult } from '../../../../core/result/session-result.js';
import type { Scenario } from '../../../../core/scenario/schema.js';

function finding(key: string, status: FindingStatus, rule: string, evidence: Evidence[] = [], kind: 'auto' | 'coach-only' = 'auto'): Finding {
  const [checklist = '', item = ''] = key.split('/');
  return { checklist: checklist as Finding['checklist'], item, title: `Title of ${item}`, kind, status, rule, summary: `for the coach: ${item}`, evidence };
}

function turn(stepId: string, kind: 'spoken' | 'typed', text: string | null, start: number): TurnReport {
  const speech = kind === 'spoken' ? { start, end: start + 16_000 } : null;
  return {
    stepId, kind, repeatOf: null, invitedFrame: start - 8000, endedFrame: start + 20_000, speech, segments: speech ? [speech] : [],
    latencySeconds: null, loudnessDb: null, pitchMedianHz: null, pitchRangeSemitones: null, wordsPerMinute: null, talkOver: [], sighs: [], text, transcript: null,
  };
}

const RESPECT: Checklist = ChecklistSchema.parse({
  id: 'respect',
  title: 'Respect',
  items: [
    { id: 'no-red-flags', title: 'No red flags', kind: 'auto', tip: 'Never blame the customer.', rule: { redFlags: { flags: ['blame'] } } },
    { id: 'acknowledges', title: 'Acknowledges', kind: 'auto', rule: { moves: { moves: ['acknowledge'] } } },
    { id: 'warmth', title: 'Warmth in the voice', kind: 'coach-only', note: 'For a person.', tip: 'Smile.' },
  ],
});
const VOCABULARY = {
  moves: [{ id: 'acknowledge', title: 'Acknowledge', item: 'respect/acknowledges', tip: 'Name what went wrong first.', examples: ['x'] }],
  redFlags: [],
  synonyms: [],
} as unknown as Vocabulary; // Only the fields tipOf reads.

const SCENARIO = {
  steps: [
    { id: 'open', say: 'Hello.' },
    { id: 'first-answer', listen: {}, goals: { expect: [], redFlags: [], facts: [], modelAnswer: 'You are right, that is wrong. I will fix it now.' } },
    { id: 'note', type: { prompt: 'Write a note' }, goals: { expect: [], redFlags: [], facts: [] } },
  ],
} as unknown as Scenario; // Only the steps' ids and goals are read.

const HANG_UP: Evidence = { startFrame: 160_000, endFrame: 170_000, stepId: 'hang-up', quote: 'Goodbye.', note: 'the customer cancelled' };
const CALM_DOWN: Evidence = { startFrame: 48_000, endFrame: 60_000, stepId: 'first-answer', quote: 'calm down', note: 'dismissal (for the coach)' };

const analysis: DebriefAnalysis = {
  checklists: ['respect', 'patience'],
  turns: [turn('first-answer', 'spoken', 'Calm down, you must have paid twice.', 40_000), turn('note', 'typed', 'Sorry for the trouble.', 90_000), turn('first-answer', 'spoken', null, 120_000)],
  outcome: { outcome: 'cancelled', item: 'respect/no-red-flags', line: { stepId: 'hang-up', caption: 'Goodbye.', startFrame: 160_000, endFrame: 170_000 }, answerStepId: 'first-answer' },
  findings: [
    finding('patience/answers-promptly', 'fail', 'answerLatency', [{ startFrame: 30_000, endFrame: 40_000, stepId: 'first-answer', measured: 4.2 }]),
    finding('patience/no-dead-air', 'pass', 'deadAir'),
    finding('respect/acknowledges', 'fail', 'moves', [{ startFrame: 90_000, endFrame: 90_000, stepId: 'note', quote: 'Sorry for the trouble.' }]),
    finding('respect/no-red-flags', 'fail', 'redFlags', [HANG_UP, CALM_DOWN]),
    finding('respect/warmth', 'needs-review', 'coach-only', [], 'coach-only'),
    finding('patience/asks-before-hold', 'not-applicable', 'moves'),
    finding('patience/not-rushing', 'needs-review', 'maxPace'),
  ],
};

describe('the debrief of a practice call', () => {
  const result = sessionResult(analysis.findings, []);
  const debrief = debriefOf({ result, analysis, scenario: SCENARIO, checklists: [RESPECT], vocabulary: VOCABULARY });

  it('takes each checklist score from the session result, in the analysis order, titled from the checklist', () => {
    expect(debrief.scores).toEqual([
      { checklist: 'respect', title: 'Respect', score: 0, passed: 0, failed: 2, forCoach: 1 },
      { checklist: 'patience', title: 'Patience', score: 0.5, passed: 1, failed: 1, forCoach: 1 },
    ]);
    expect(debrief.scores.map((s) => s.score)).toEqual(result.checklists.map((c) => c.score).reverse());
  });

  it('lists the failed items, the outcome cause first, each with its tip and the trainee\'s own moment', () => {
    expect(debrief.nextTime.map((i) => i.key)).toEqual(['respect/no-red-flags', 'respect/acknowledges', 'patience/answers-promptly']);
    expect(debrief.nextTime[0]).toEqual({ key: 'respect/no-red-flags', title: 'Title of no-red-flags', tip: 'Never blame the customer.', moment: { startFrame: 48_000, endFrame: 60_000, quote: 'calm down' } });
    // No tip on the item: the vocabulary's tip for the move counted toward it.
    expect(debrief.nextTime[1]?.tip).toBe('Name what went wrong first.');
    // At a typed answer there is nothing to replay.
    expect(debrief.nextTime[1]?.moment).toBeNull();
    expect(debrief.nextTime[2]).toMatchObject({ tip: null, moment: { startFrame: 30_000, endFrame: 40_000, quote: null } });
  });

  it('says what went well, and what is left to the coach, without the checks\' own notes', () => {
    expect(debrief.wentWell).toEqual([{ key: 'patience/no-dead-air', title: 'Title of no-dead-air' }]);
    expect(debrief.coachListensFor).toEqual([{ key: 'respect/warmth', title: 'Title of warmth' }]);
    expect(debrief.coachChecks).toEqual([{ key: 'patience/not-rushing', title: 'Title of not-rushing' }]);
    expect(JSON.stringify(debrief)).not.toContain('for the coach');
  });

  it('puts each answered step\'s model answer beside the trainee\'s words, in the order of the call', () => {
    expect(debrief.answers).toEqual([
      { stepId: 'first-answer', kind: 'spoken', modelAnswer: 'You are right, that is wrong. I will fix it now.', yours: ['Calm down, you must have paid twice.'], moment: { startFrame: 40_000, endFrame: 56_000 } },
      { stepId: 'note', kind: 'typed', modelAnswer: null, yours: ['Sorry for the trouble.'], moment: null },
    ]);
  });
});

describe('tipOf and momentOf', () => {
  it('finds no tip for an item nobody wrote one for', () => {
    expect(tipOf('respect/unknown', [RESPECT], VOCABULARY)).toBeNull();
    expect(tipOf('respect/acknowledges', [RESPECT], null)).toBeNull();
    expect(tipOf('respect/warmth', [RESPECT], null)).toBe('Smile.');
  });

  it('replays the customer\'s line when no evidence is at an answer, and nothing without evidence', () => {
    expect(momentOf([HANG_UP], analysis.turns)).toEqual({ startFrame: 160_000, endFrame: 170_000, quote: null });
    expect(momentOf([], analysis.turns)).toBeNull();
  });
});
