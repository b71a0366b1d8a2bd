import { describe, expect, it } from 'vitest';
import type { TurnMeasure } from '../../../../core/analysis/measure.js';
import type { RuleContext } from '../../../../core/analysis/rule-context.js';
import { usesCustomerName } from '../../../../core/analysis/rules-phrases.js';
import type { JudgedAnswer } from '../../../../core/judgement/judged-answers.js';
import { shippedScenario } from '../../../support/judgement-fixtures.js';

const RATE = 16_000;
const scenario = shippedScenario('long-hold'); // the customer is Dana Whitfield

/** One spoken answer at 10 s whose transcript is `text`, and whether the phrase spotter heard the name in it. */
function call(text: string, nameHeard: boolean | null): RuleContext {
  const words = text.split(' ');
  const start = 10 * RATE;
  const turn = { stepId: 'answer-wait', kind: 'spoken', invitedFrame: start - RATE, endedFrame: start + 5 * RATE, speech: { start, end: start + 4 * RATE }, words, transcribed: true } as unknown as TurnMeasure;
  const transcript = { words: words.map((word, i) => ({ word, startFrame: start + i * 8000, endFrame: start + i * 8000 + 7000 })) };
  const judged = [{ index: 0, stepId: 'answer-wait', kind: 'spoken', startFrame: start, endFrame: start + 4 * RATE, nameHeard } as unknown as JudgedAnswer];
  // Only the fields the name rule reads matter here.
  return { scenario, measures: { sampleRate: RATE, turns: [turn] }, transcripts: [transcript], judged } as unknown as RuleContext;
}

describe('usesCustomerName (respect/uses-name)', () => {
  it('passes the name in the transcript', () => {
    expect(usesCustomerName(call('thank you for waiting dana', null), { in: 'spoken' })).toMatchObject({ status: 'pass', evidence: [{ stepId: 'answer-wait', note: '"Dana"' }] });
  });

  it('sends a name only the phrase spotter heard to the coach', () => {
    const result = usesCustomerName(call('thank you for waiting donna', true), { in: 'spoken' });
    expect(result.status).toBe('needs-review');
    expect(result.summary).toBe('the transcript lacks the name, but the phrase spotter heard "Dana Whitfield" at 0:10.0: listen');
  });

  it('fails when neither the transcript nor the audio has it', () => {
    const result = usesCustomerName(call('thank you for waiting', false), { in: 'spoken' });
    expect(result.status).toBe('fail');
    expect(result.summary).toBe("did not use the customer's name (Dana Whitfield) in any answer");
  });
});
