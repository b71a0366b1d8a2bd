import { describe, expect, it } from 'vitest';
import type { TurnMeasure } from '../../../../core/analysis/measure.js';
import type { RuleContext } from '../../../../core/analysis/rule-context.js';
import { phrasesPresent } from '../../../../core/analysis/rules-phrases.js';
import { shippedScenario } from '../../../support/judgement-fixtures.js';

const RATE = 16_000;
const scenario = shippedScenario('long-hold');
const THANKS = { phrases: ['thank you', 'thanks', 'appreciate'], in: 'spoken', where: 'after-hold' } as const;

/** A hold from 20 s to 40 s, then one spoken answer at 41 s: its words with their confidences. */
function afterHold(words: readonly (readonly [string, number])[]): RuleContext {
  const start = 41 * RATE;
  const turn = { stepId: 'back-from-hold', kind: 'spoken', invitedFrame: 40 * RATE, endedFrame: start + 6 * RATE, speech: { start, end: start + 5 * RATE }, words: words.map(([w]) => w), transcribed: true } as unknown as TurnMeasure;
  const transcript = { words: words.map(([word, confidence], i) => ({ word, confidence, startFrame: start + i * 8000, endFrame: start + i * 8000 + 7000 })) };
  // Only the fields the phrase rules read matter here.
  return { scenario, timeline: { holds: [{ startFrame: 20 * RATE, endFrame: 40 * RATE }] }, measures: { sampleRate: RATE, turns: [turn] }, transcripts: [transcript], judged: null } as unknown as RuleContext;
}

describe('phrasesPresent (patience/thanks-after-hold)', () => {
  it('passes thanks heard with confidence', () => {
    const result = phrasesPresent(afterHold([['thank', 0.9], ['you', 0.9], ['for', 0.9], ['holding', 0.8]]), THANKS);
    expect(result.status).toBe('pass');
    expect(result.evidence[0]?.note).toBe('"thank you"');
  });

  it('fails when every word was heard with confidence and none of them thanks', () => {
    const result = phrasesPresent(afterHold([['right', 0.9], ['your', 0.9], ['refund', 0.9], ['is', 0.9], ['done', 0.9]]), THANKS);
    expect(result.status).toBe('fail');
  });

  it('sends the absence to the coach when the recogniser was unsure of some words (the thanks may be in them)', () => {
    const result = phrasesPresent(afterHold([['think', 0.31], ['ewe', 0.22], ['for', 0.9], ['holding', 0.8], ['your', 0.9], ['refund', 0.9]]), THANKS);
    expect(result.status).toBe('needs-review');
    expect(result.summary).toBe(`not found, but the recogniser was unsure of 'think ewe' at 0:41.0: listen for "thank you" or "thanks"`);
    expect(result.evidence).toEqual([{ startFrame: 41 * RATE, endFrame: 41 * RATE + 8000 + 7000, stepId: 'back-from-hold', quote: 'think ewe for holding your refund', note: "the recogniser was unsure of 'think ewe'" }]);
  });
});
