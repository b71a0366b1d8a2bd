import { describe, expect, it } from 'vitest';
import { analyseAnswer, type AnswerWord } from '../../../../core/judgement/cues.js';
import { checkFact, foldSpoken } from '../../../../core/judgement/facts.js';
import { FactSchema } from '../../../../core/scenario/goals-schema.js';

const heard = (text: string, confidence = 0.9): AnswerWord[] => text.split(' ').map((word, i) => ({ word, startFrame: i * 100, endFrame: i * 100 + 90, confidence }));
const spoken = (text: string, confidence?: number) => analyseAnswer(heard(text, confidence));
const typed = (text: string) => analyseAnswer([{ word: text, startFrame: 0, endFrame: 10, confidence: 1 }], text);

const booking = FactSchema.parse({ id: 'booking', label: 'the booking code', value: 'HX4471', kind: 'code' });
const amount = FactSchema.parse({ id: 'amount', label: 'the amount', value: '90 pounds', accept: ['ninety pounds'], kind: 'number' });
const day = FactSchema.parse({ id: 'day', label: 'the flight day', value: 'Friday 14 March', kind: 'date' });

describe('foldSpoken', () => {
  it('folds spelled letters and spoken digits into one code', () => {
    expect(foldSpoken('booking h x four four seven one please'.split(' ')).map((p) => p.text)).toEqual(['booking', 'hx4471', 'please']);
    expect(foldSpoken('ninety pounds'.split(' ')).map((p) => p.text)).toEqual(['90', 'pounds']);
    expect(foldSpoken('the twenty third'.split(' ')).map((p) => p.text)).toEqual(['the', '23']);
  });
});

describe('checkFact', () => {
  it('finds a code said letter by letter, or typed', () => {
    expect(checkFact(booking, spoken('your booking h x four four seven one is rebooked')).result).toBe('right');
    expect(checkFact(booking, typed('I have rebooked HX-4471 for you.')).result).toBe('right');
  });

  it('fails a misquoted code or amount, quoting what was said', () => {
    const wrong = checkFact(booking, spoken('your booking h x four four one seven is rebooked'));
    expect(wrong).toMatchObject({ result: 'wrong', quote: 'h x four four one seven' });
    expect(checkFact(amount, spoken('i will refund the eighty pounds today')).result).toBe('wrong');
    expect(checkFact(amount, spoken('i will refund the ninety pounds today')).result).toBe('right');
  });

  it('is unsure, not wrong, when the recogniser was unsure of the digits', () => {
    expect(checkFact(booking, spoken('your booking h x four four one seven', 0.3)).result).toBe('unsure');
  });

  it('fails the wrong weekday and passes the right date', () => {
    expect(checkFact(day, typed('You are now on the Thursday flight.')).result).toBe('wrong');
    expect(checkFact(day, typed('You are on the Friday flight, the 14th of March.')).result).toBe('right');
    expect(checkFact(day, typed('I have sorted it out.')).result).toBe('missing');
  });
});
