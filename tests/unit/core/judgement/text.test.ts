import { describe, expect, it } from 'vitest';
import { analyseText, analyseWords } from '../../../../core/judgement/text.js';

const lemmas = (text: string) => analyseText(text).map((t) => `${t.lemma}${t.negated ? '~' : ''}`);

describe('analyseText', () => {
  it('expands contractions and lemmatises', () => {
    expect(lemmas("I'm sorry you've been waiting")).toEqual(['i', 'be', 'sorry', 'you', 'have', 'be', 'wait']);
  });

  it('marks the words a negation covers, up to the end of the clause', () => {
    expect(lemmas("I'm not blaming you, I'm sorry")).toEqual(['i', 'be', 'not', 'blame~', 'you~', 'i', 'be', 'sorry']);
    expect(lemmas("That's not my problem")).toEqual(['that', 'be', 'not', 'my~', 'problem~']);
  });

  it('ends a negation at "but" in a transcript without punctuation', () => {
    const tokens = analyseWords('i can not refund it but i will escalate it today'.split(' '));
    expect(tokens.find((t) => t.word === 'refund')?.negated).toBe(true);
    expect(tokens.find((t) => t.word === 'escalate')?.negated).toBe(false);
  });

  it('keeps each token pointing at the word it came from', () => {
    const tokens = analyseWords(["i'm", 'sorry']);
    expect(tokens.map((t) => [t.word, t.source])).toEqual([['i', 0], ['am', 0], ['sorry', 1]]);
  });
});
