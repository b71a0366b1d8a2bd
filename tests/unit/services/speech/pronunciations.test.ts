import { describe, expect, it } from 'vitest';
import { guessPronunciation } from '../../../../electron/services/speech/letter-to-sound.js';
import { phraseWords } from '../../../../electron/services/speech/phrase-words.js';
import { loadDictionary, missingWords, pronounce } from '../../../../electron/services/speech/pronunciations.js';
import { buildSpotGrammar, PHONES } from '../../../../electron/services/speech/spot-grammar.js';

const dict = loadDictionary();
const PHONE_SET = new Set<string>(PHONES);

describe('phrase words', () => {
  it('lower-cases, drops punctuation, says numbers as words and keeps codes whole', () => {
    expect(phraseWords('I’m so sorry, Mr Keane!')).toEqual(["i'm", 'so', 'sorry', 'mr', 'keane']);
    expect(phraseWords('back in 3 to 5 days, £90')).toEqual(['back', 'in', 'three', 'to', 'five', 'days', 'ninety']);
    expect(phraseWords('booking HX4471 & 0161')).toEqual(['booking', 'hx4471', 'and', 'zero', 'one', 'six', 'one']);
    // Ordinals are said as words, not spelled like a code.
    expect(phraseWords('the 3rd, 14th, 21st and 42nd of 12th')).toEqual(['the', 'third', 'fourteenth', 'twenty', 'first', 'and', 'forty', 'second', 'of', 'twelfth']);
    expect(phraseWords('the 20th and 100th')).toEqual(['the', 'twentieth', 'and', 'one', 'hundredth']);
  });
});

describe('pronunciations', () => {
  it('takes dictionary words from the shipped CMU dictionary', () => {
    expect(pronounce('sorry', dict)).toEqual({ word: 'sorry', prons: ['S AA R IY'], source: 'dictionary' });
  });

  it('spells booking codes letter by letter and digit by digit', () => {
    expect(pronounce('hx4471', dict)).toEqual({ word: 'hx4471', prons: ['EY CH EH K S F AO R F AO R S EH V AH N W AH N'], source: 'spelled' });
  });

  it('builds unknown names from dictionary parts or letter-to-sound rules, in the model phone set only', () => {
    const payflex = pronounce('payflexes', dict);
    expect(payflex.source).not.toBe('dictionary');
    const zentrova = pronounce('zentrova', dict);
    expect(zentrova.source).toBe('letter-to-sound');
    expect(zentrova.prons[0]).toBe(guessPronunciation('zentrova'));
    for (const word of ['zentrova', 'quickshine', 'xyloth', 'brightwater', 'nguyen']) {
      const phones = guessPronunciation(word).split(' ');
      expect(phones.length).toBeGreaterThan(2);
      for (const p of phones) expect(PHONE_SET.has(p), `${word}: ${p}`).toBe(true);
    }
  });

  it('lists the words of the phrases that the dictionary lacks, once each', () => {
    const phrases = [
      { text: 'Your Zentrova account', tag: 'fact:product' },
      { text: 'booking code HX4471', tag: 'fact:code' },
      { text: 'zentrova refund', tag: 'fact:refund' },
      { text: 'I am so sorry, Mr Keane', tag: 'move:apologise' },
    ];
    expect(missingWords(phrases, dict)).toEqual(['zentrova', 'hx4471']);
  });
});

describe('spot grammar', () => {
  it('has one rule per distinct phrase, a phone loop, and every word it uses in its entries', () => {
    const grammar = buildSpotGrammar(
      [
        { text: 'calm down', tag: 'flag:dismiss' },
        { text: 'Calm down!', tag: 'flag:talk-down' },
        { text: 'Zentrova account', tag: 'fact:product' },
      ],
      dict,
    );
    expect(grammar.phrases.map((p) => [p.words, p.tags])).toEqual([
      [['calm', 'down'], ['flag:dismiss', 'flag:talk-down']],
      [['zentrova', 'account'], ['fact:product']],
    ]);
    const names = new Set(grammar.entries.map(([w]) => w));
    const used = grammar.jsgf.match(/\b(s[0-9a-f]{10}_\d+|ph_[a-z]+)\b/g) ?? [];
    expect(used.length).toBeGreaterThan(PHONES.length);
    for (const w of used) expect(names.has(w), w).toBe(true);
    for (const [, pron] of grammar.entries) for (const p of pron.split(' ')) expect(PHONE_SET.has(p), pron).toBe(true);
  });
});
