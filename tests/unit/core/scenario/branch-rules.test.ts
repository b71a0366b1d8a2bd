import { describe, expect, it } from 'vitest';
import { needsTranscript, ruleHolds } from '../../../../core/scenario/branch-rules.js';
import { hasPhrase, phraseWords } from '../../../../core/scenario/phrases.js';
import type { BranchStep } from '../../../../core/scenario/schema.js';
import type { Turn } from '../../../../core/scenario/turns.js';

const SR = 16_000;
const spoken: Turn = {
  stepId: 'answer', kind: 'spoken', invitedFrame: 0, endedFrame: 5 * SR, speechStartFrame: SR, speechEndFrame: 4 * SR,
  text: null, repeatOf: null, transcript: null, transcribedBy: null, talkedOver: false, checks: {},
};
const typed: Turn = { ...spoken, kind: 'typed', speechStartFrame: null, speechEndFrame: null, text: 'So SORRY!' };

describe('phrase words', () => {
  it('normalizes case, width and curly apostrophes and drops punctuation', () => {
    expect(phraseWords('Well… ＳＯＲＲＹ, OK?')).toEqual(['well', 'sorry', 'ok']);
    expect(phraseWords("'quoted' words, Sandra's bill")).toEqual(['quoted', 'words', "sandra's", 'bill']);
  });

  it('spells out common contractions, so "i am" and "i\'m" match alike', () => {
    expect(phraseWords("I’m sorry, you're right, I can't and won't, it's not, we'll, I've, don't, cannot, let's")).toEqual(
      'i am sorry you are right i can not and will not it is not we will i have do not can not let us'.split(' '),
    );
    expect(hasPhrase(phraseWords("i'm sorry you're upset"), 'I am sorry')).toBe(true);
    expect(hasPhrase(phraseWords('you are right'), "you're right")).toBe(true);
    expect(hasPhrase(phraseWords("that's not my problem"), 'that is not')).toBe(true);
    expect(phraseWords("i'd rather")).toEqual(["i'd", 'rather']);
  });

  it('matches phrases as consecutive whole words', () => {
    const words = phraseWords("i'm so sorry about the wait");
    expect(hasPhrase(words, 'sorry')).toBe(true);
    expect(hasPhrase(words, "i'm so sorry")).toBe(true);
    expect(hasPhrase(words, 'So Sorry')).toBe(true);
    expect(hasPhrase(words, 'about the wait')).toBe(true);
    expect(hasPhrase(words, 'sorry the')).toBe(false);
    expect(hasPhrase(words, 'sor')).toBe(false);
    expect(hasPhrase(phraseWords('i know'), 'no')).toBe(false);
    expect(hasPhrase(words, '...')).toBe(false);
  });
});

describe('branch rules on the last turn', () => {
  it('saidContains / saidLacks read the transcript of a spoken turn', () => {
    const heard = { ...spoken, transcript: 'let me check that for you', transcribedBy: 'pocketsphinx' };
    expect(ruleHolds({ saidContains: ['check'] }, heard, SR)).toBe(true);
    expect(ruleHolds({ saidContains: ['sorry', 'apologize'] }, heard, SR)).toBe(false);
    expect(ruleHolds({ saidLacks: ['sorry'] }, heard, SR)).toBe(true);
    expect(ruleHolds({ saidLacks: ['for you'] }, heard, SR)).toBe(false);
  });

  it('with speech but no transcript, neither saidContains nor saidLacks holds', () => {
    expect(ruleHolds({ saidContains: ['sorry'] }, spoken, SR)).toBe(false);
    expect(ruleHolds({ saidLacks: ['sorry'] }, spoken, SR)).toBe(false);
  });

  it('a spoken turn without speech said nothing', () => {
    const silent = { ...spoken, speechStartFrame: null, speechEndFrame: null };
    expect(ruleHolds({ saidContains: ['sorry'] }, silent, SR)).toBe(false);
    expect(ruleHolds({ saidLacks: ['sorry'] }, silent, SR)).toBe(true);
  });

  it('said rules never hold for a typed turn, typed rules never for a spoken one', () => {
    expect(ruleHolds({ saidContains: ['sorry'] }, typed, SR)).toBe(false);
    expect(ruleHolds({ saidLacks: ['sorry'] }, typed, SR)).toBe(false);
    expect(ruleHolds({ typedContains: ['sorry'] }, typed, SR)).toBe(true);
    expect(ruleHolds({ typedContains: ['sorry'] }, { ...spoken, transcript: 'sorry' }, SR)).toBe(false);
  });

  it('talkedOver compares the flag of a spoken turn', () => {
    expect(ruleHolds({ talkedOver: true }, { ...spoken, talkedOver: true }, SR)).toBe(true);
    expect(ruleHolds({ talkedOver: false }, { ...spoken, talkedOver: true }, SR)).toBe(false);
    expect(ruleHolds({ talkedOver: false }, spoken, SR)).toBe(true);
    expect(ruleHolds({ talkedOver: false }, typed, SR)).toBe(false);
  });

  it('check holds only when the result is present and equal', () => {
    const rule = { check: { checklist: 'respect', item: 'no-blame', is: 'fail' } } as const;
    expect(ruleHolds(rule, spoken, SR)).toBe(false);
    expect(ruleHolds(rule, { ...spoken, checks: { 'respect.no-blame': 'fail' } }, SR)).toBe(true);
    expect(ruleHolds(rule, { ...spoken, checks: { 'respect.no-blame': 'needs-review' } }, SR)).toBe(false);
    expect(ruleHolds(rule, { ...typed, checks: { 'respect.no-blame': 'fail' } }, SR)).toBe(true);
  });

  it('no rule holds without a turn', () => {
    expect(ruleHolds({ saidLacks: ['x'] }, undefined, SR)).toBe(false);
    expect(ruleHolds({ talkedOver: false }, undefined, SR)).toBe(false);
  });

  it('a branch needs a transcript only for an untranscribed spoken turn with speech and a said rule', () => {
    const step: BranchStep = { id: 'b', branch: { rules: [{ when: { saidContains: ['sorry'] }, goto: 'x' }], otherwise: 'y' } };
    const plain: BranchStep = { id: 'b', branch: { rules: [{ when: { noAnswer: true }, goto: 'x' }], otherwise: 'y' } };
    expect(needsTranscript(step, spoken)).toBe(true);
    expect(needsTranscript(plain, spoken)).toBe(false);
    expect(needsTranscript(step, typed)).toBe(false);
    expect(needsTranscript(step, { ...spoken, speechStartFrame: null })).toBe(false);
    expect(needsTranscript(step, { ...spoken, transcribedBy: 'none' })).toBe(false);
    expect(needsTranscript(step, undefined)).toBe(false);
  });
});
