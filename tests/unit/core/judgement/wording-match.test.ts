import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../../core/judgement/text.js';
import { matchWording } from '../../../../core/judgement/wording-match.js';

const score = (wording: string, answer: string) => matchWording(analyseText(answer), analyseText(wording))?.score ?? 0;

describe('matchWording', () => {
  it('finds a wording inside a longer answer, with words in between', () => {
    expect(score('what a mess', 'Oh, what a mess to come back to.')).toBe(1);
    expect(score("I'm so sorry", "I'm really sorry about that")).toBeGreaterThanOrEqual(0.8);
  });

  it('tells "not a problem" from "not my problem"', () => {
    expect(score('not my problem', "That's not my problem.")).toBe(1);
    expect(score('not my problem', "That's not a problem at all")).toBeLessThan(0.8);
    expect(score('not a problem', "It's not my problem")).toBeLessThan(0.8);
  });

  it('does not find a wording the answer negates', () => {
    expect(score('blaming you', "I'm not blaming you, I'm sorry this happened.")).toBe(0);
  });

  it('tolerates spelling and recogniser variants of a word', () => {
    expect(score('I apologise', 'i apologize for the wait')).toBe(1);
    expect(score('wow fascinating', 'wow fasinating')).toBeGreaterThanOrEqual(0.8);
  });

  it('finds a one-word wording only when it is said on its own', () => {
    expect(score('No.', 'No.')).toBe(1);
    expect(score('No.', 'No problem at all.')).toBe(0);
    expect(score('Whatever.', 'Whatever the problem is, I will fix it.')).toBe(0);
    expect(score('Whatever.', 'Fine. Whatever.')).toBe(1);
  });

  it('scores a half-heard wording as partial', () => {
    const s = score('calm down', 'calm got');
    expect(s).toBeGreaterThanOrEqual(0.5);
    expect(s).toBeLessThan(0.8);
  });
});
