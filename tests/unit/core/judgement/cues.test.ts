import { describe, expect, it } from 'vitest';
import { cuesAt, heard } from '../../../support/judgement-fixtures.js';

/** The issue's own examples (issue 14), on the shipped scenarios and vocabulary. */
const found = (cues: ReturnType<typeof cuesAt>) => cues.map((c) => `${c.kind}:${c.id}${c.firm ? '' : '?'}`);

describe('moves and red flags on meaning', () => {
  it('hears sarcasm without any listed word of the respect checklist', () => {
    expect(found(cuesAt('not-listening', 'again-2', { spoken: heard('wow fascinating anything else') }))).toContain('flag:sarcasm');
    expect(found(cuesAt('written-reply', 'reply', { typed: 'Wow. Fascinating. Anything else?' }))).toContain('flag:sarcasm');
  });

  it('acknowledges a problem said in plain words, with no stock phrase', () => {
    const cues = cuesAt('angry-caller', 'first-answer', { spoken: heard("that's not good enough at all being charged twice i'd be furious too") });
    expect(found(cues)).toContain('move:acknowledge');
    expect(found(cues).filter((c) => c.startsWith('flag:'))).toEqual([]);
  });

  it('tells "not a problem" from "not my problem"', () => {
    const polite = cuesAt('angry-caller', 'second-answer', { spoken: heard("not a problem i'll refund the second ninety pounds today and email you the confirmation") });
    expect(found(polite)).toEqual(['move:next-step']);
    const rude = cuesAt('angry-caller', 'second-answer', { spoken: heard("that's not my problem you'll have to ask your bank") });
    expect(found(rude)).toContain('flag:dismiss');
    expect(found(rude)).not.toContain('move:next-step');
  });

  it('hears condescension and mock praise wherever they fall in the answer', () => {
    expect(found(cuesAt('obvious-question', 'answer-plug', { spoken: heard("it's on the website obviously") }))).toContain('flag:talk-down');
    expect(found(cuesAt('written-reply', 'reply', { typed: 'As already stated in the chat, we cannot change a booking you made.' }))).toContain('flag:talk-down');
    expect(found(cuesAt('written-reply', 'reply', { typed: 'Wow, a whole hour in the chat. Fascinating. We have changed it to Friday.' }))).toContain('flag:sarcasm');
    expect(found(cuesAt('written-reply', 'reply', { typed: "I'm so sorry about the mix-up. We have changed it to Friday and emailed your new ticket." })).filter((c) => c.startsWith('flag:'))).toEqual([]);
  });

  it('hears deflecting the fault as a red flag, and not its denial', () => {
    expect(found(cuesAt('angry-caller', 'first-answer', { spoken: heard("it's not my fault you must have clicked it twice") })).filter((c) => c.startsWith('flag:') && !c.endsWith('?'))).not.toEqual([]);
    expect(found(cuesAt('angry-caller', 'first-answer', { spoken: heard("it's not your fault at all i can see both payments") })).filter((c) => c.startsWith('flag:'))).toEqual([]);
  });

  it('does not take a denial for the thing denied', () => {
    const cues = cuesAt('angry-caller', 'first-answer', { spoken: heard("i'm not saying you paid it twice you've done nothing wrong here") });
    expect(found(cues).filter((c) => c === 'flag:blame')).toEqual([]);
  });

  it('sends a red flag heard through a recogniser slip to the coach, naming the words', () => {
    const cues = cuesAt('angry-caller', 'first-answer', { spoken: heard('look calm got it will be fine', 0.9, { got: 0.3 }) });
    const dismiss = cues.find((c) => c.id === 'dismiss');
    expect(dismiss).toMatchObject({ firm: false, quote: 'calm got' });
    expect(dismiss?.unsureWords.map((w) => w.word)).toEqual(['got']);
  });

  it('is firm about the same words heard clearly', () => {
    const cues = cuesAt('angry-caller', 'first-answer', { spoken: heard('look calm down it will be fine') });
    expect(cues.find((c) => c.id === 'dismiss')).toMatchObject({ firm: true, quote: 'calm down' });
  });

  it('finds condescension whatever the exact wording', () => {
    expect(found(cuesAt('obvious-question', 'answer-plug', { spoken: heard('do you need me to spell it out for you') }))).toContain('flag:talk-down');
  });
});
