import { describe, expect, it } from 'vitest';
import { spelledRight } from '../../../../core/analysis/rules-writing.js';
import { spellChecker } from '../../../../electron/services/analysis/spell-checker.js';

describe('spelledRight (the writing checklist\'s spelling check, with the real Hunspell dictionaries)', () => {
  it('accepts everyday re- words the dictionaries lack', async () => {
    const isWord = await spellChecker();
    expect(isWord('rebooked')).toBe(false);
    for (const word of ['rebook', 'rebooked', 'Rebooked', 'resend', 'booked', 'apologise']) expect(spelledRight(word, isWord), word).toBe(true);
  });

  it('accepts closed compounds of two dictionary words', async () => {
    const isWord = await spellChecker();
    expect(isWord('helpdesk')).toBe(false);
    for (const word of ['helpdesk', 'timeframe', 'hotline', 'dropdown', 'chargeback']) expect(spelledRight(word, isWord), word).toBe(true);
  });

  it('still rejects misspellings, including ones that start with re', async () => {
    const isWord = await spellChecker();
    for (const word of ['recieve', 'realy', 'reccomend', 'refered', 'tommorow', 'adress', 'rebok', 'definately', 'accomodation', 'occured', 'goverment', 'unfortunatly']) expect(spelledRight(word, isWord), word).toBe(false);
  });
});
