import { describe, expect, it } from 'vitest';
import { answerHeading, COACH_CHECKS_TEXT, coachListensForText, nextTimeHeading, percentText, scoreDetailText } from '../../../../../renderer/features/debrief/debrief-text.js';

describe('the debrief in the trainee\'s words', () => {
  it('says what the coach will listen for, from the item title', () => {
    expect(coachListensForText('Warmth in the voice')).toBe('Your coach will listen for warmth in the voice');
    expect(COACH_CHECKS_TEXT).toBe('Your coach will check this');
  });

  it('gives a score as a percentage with what it is made of', () => {
    expect(percentText(2 / 3)).toBe('67%');
    expect(percentText(null)).toBe('–');
    expect(scoreDetailText({ passed: 2, failed: 1, forCoach: 1 })).toBe('2 of 3 passed · 1 for your coach');
    expect(scoreDetailText({ passed: 0, failed: 0, forCoach: 2 })).toBe('nothing scored yet · 2 for your coach');
  });

  it('counts the things to do differently in words, at most three', () => {
    expect([0, 1, 2, 3].map(nextTimeHeading)).toEqual([
      'Next time',
      'One thing to do differently next time',
      'Two things to do differently next time',
      'Three things to do differently next time',
    ]);
    expect(answerHeading(0, 1)).toBe('Your answer');
    expect(answerHeading(1, 3)).toBe('Answer 2 of 3');
  });
});
