import type { Fact } from '../scenario/goals-schema.js';
import { MIN_WORD_CONFIDENCE, type AnalysedAnswer, type AnswerWord } from './cues.js';
import { analyseText, plainWords } from './text.js';
import { FIRM_MATCH } from './cues.js';
import { matchWording } from './wording-match.js';

/**
 * Whether an answer gets the scenario's facts right. Numbers and codes are compared as written
 * characters after spoken forms are folded ("h x four four seven one" -> "hx4471", "ninety" ->
 * "90"); a different number or code of the same shape is a misquote. Dates compare weekdays,
 * months and day numbers; names and text must be said (a close match of the wording).
 */
export type FactResult = 'right' | 'wrong' | 'missing' | 'unsure';

export interface FactCheck {
  readonly fact: Fact;
  readonly result: FactResult;
  /** What the answer said instead, for a misquote; what it said, when right. */
  readonly quote: string | null;
  readonly startFrame: number;
  readonly endFrame: number;
}

const DIGITS: Readonly<Record<string, number>> = { zero: 0, oh: 0, o: 0, nought: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const TEENS: Readonly<Record<string, number>> = { ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 };
const TENS: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13,
  fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30,
};
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** One piece of a folded answer: characters, and the answer words they came from. */
interface Piece {
  readonly text: string;
  readonly from: number;
  readonly to: number;
}

/**
 * Spoken numbers and spelled letters folded into runs of characters: "flight b a two one five"
 * -> ["flight", "ba215"]; "ninety pounds" -> ["90", "pounds"]; "twenty third" -> ["23"].
 */
export function foldSpoken(words: readonly string[]): Piece[] {
  const pieces: Piece[] = [];
  let run = '';
  let runFrom = -1;
  const flush = (to: number) => {
    if (run !== '') pieces.push({ text: run, from: runFrom, to });
    run = '';
    runFrom = -1;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const next = words[i + 1] ?? '';
    let chunk: string | null = null;
    let used = 1;
    const ordinal = /^(\d{1,2})(st|nd|rd|th)$/.exec(w);
    if (ordinal) chunk = ordinal[1] ?? w;
    else if (/^[a-z]*\d[a-z0-9]*$/.test(w) || (w.length === 1 && /[a-z]/.test(w) && w !== 'a' && w !== 'i')) chunk = w;
    else if (w in TENS && (next in DIGITS || next in ORDINALS) && (DIGITS[next] ?? ORDINALS[next] ?? 0) < 10 && (DIGITS[next] ?? ORDINALS[next] ?? 0) > 0) {
      chunk = String((TENS[w] ?? 0) + (DIGITS[next] ?? ORDINALS[next] ?? 0));
      used = 2;
    } else if (w in TENS) chunk = String(TENS[w]);
    else if (w in TEENS) chunk = String(TEENS[w]);
    else if (w in DIGITS && w !== 'o' && w !== 'oh') chunk = String(DIGITS[w]);
    else if ((w === 'o' || w === 'oh') && run !== '') chunk = '0';
    else if (w in ORDINALS) chunk = String(ORDINALS[w]);
    else if (w === 'double' && (next in DIGITS || next.length === 1)) {
      const c = next in DIGITS ? String(DIGITS[next]) : next;
      chunk = c + c;
      used = 2;
    } else if (w === 'hundred' && run !== '') chunk = '00';
    if (chunk === null) {
      flush(i);
      pieces.push({ text: w, from: i, to: i + 1 });
      continue;
    }
    if (run === '') runFrom = i;
    run += chunk;
    i += used - 1;
  }
  flush(words.length);
  return pieces;
}

const compact = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The folded forms a fact may take: its value and accepted wordings. */
function forms(fact: Fact): string[] {
  return [fact.value, ...fact.accept].map((f) => foldSpoken(plainWords(f)).map((p) => p.text).join('')).map(compact);
}

const hasDigit = (s: string) => /\d/.test(s);
const hasLetter = (s: string) => /[a-z]/.test(s);

/** Same shape: a code with letters and digits against another; a number against a number. */
function sameShape(fact: Fact, value: string, candidate: string): boolean {
  if (fact.kind === 'code') return hasDigit(candidate) && candidate.length >= Math.max(3, value.length - 2) && candidate.length <= value.length + 2 && hasLetter(candidate) === hasLetter(value);
  if (fact.kind === 'number') return /^\d+$/.test(candidate) && Math.abs(candidate.length - value.replace(/\D/g, '').length) <= 1;
  return false;
}

function wordsBetween(answer: AnalysedAnswer, from: number, to: number): AnswerWord[] {
  return answer.words.slice(from, Math.max(from + 1, to));
}

function located(fact: Fact, result: FactResult, words: readonly AnswerWord[], quote: string | null): FactCheck {
  return { fact, result, quote, startFrame: words[0]?.startFrame ?? 0, endFrame: words[words.length - 1]?.endFrame ?? 0 };
}

function checkShaped(fact: Fact, answer: AnalysedAnswer): FactCheck {
  const folded = foldSpoken(answer.words.map((w) => plainWords(w.word).join(' ')));
  const wanted = forms(fact);
  const joined = folded.map((p) => compact(p.text));
  // A value may be spread over neighbouring pieces ("hx" "4471"): look at runs of up to 3.
  for (let i = 0; i < joined.length; i++) {
    let s = '';
    for (let k = i; k < Math.min(joined.length, i + 3); k++) {
      s += joined[k];
      if (wanted.includes(s)) {
        const words = wordsBetween(answer, folded[i]?.from ?? 0, folded[k]?.to ?? 0);
        const unsure = words.some((w) => w.confidence < MIN_WORD_CONFIDENCE);
        return located(fact, unsure ? 'unsure' : 'right', words, words.map((w) => w.word).join(' '));
      }
    }
  }
  const value = wanted[0] ?? '';
  for (const piece of folded) {
    const c = compact(piece.text);
    if (c !== '' && sameShape(fact, value, c)) {
      const words = wordsBetween(answer, piece.from, piece.to);
      const unsure = words.some((w) => w.confidence < MIN_WORD_CONFIDENCE);
      return located(fact, unsure ? 'unsure' : 'wrong', words, words.map((w) => w.word).join(' '));
    }
  }
  return located(fact, 'missing', [], null);
}

function checkDate(fact: Fact, answer: AnalysedAnswer): FactCheck {
  const valueWords = forms(fact).length > 0 ? plainWords([fact.value, ...fact.accept].join(' ')) : [];
  const wantedDays = new Set(valueWords.filter((w) => WEEKDAYS.includes(w)));
  const wantedMonths = new Set(valueWords.filter((w) => MONTHS.includes(w)));
  const wantedNumbers = new Set(foldSpoken(plainWords(fact.value)).map((p) => p.text).filter((t) => /^\d{1,2}$/.test(t)));
  const heard = answer.words.map((w) => plainWords(w.word)[0] ?? '');
  const folded = foldSpoken(heard);
  let right: AnswerWord[] = [];
  for (const piece of folded) {
    const t = piece.text;
    const isDay = WEEKDAYS.includes(t);
    const isMonth = MONTHS.includes(t);
    const isNumber = /^\d{1,2}$/.test(t) && wantedNumbers.size > 0;
    if (!isDay && !isMonth && !isNumber) continue;
    const words = wordsBetween(answer, piece.from, piece.to);
    const ok = (isDay && wantedDays.has(t)) || (isMonth && wantedMonths.has(t)) || (isNumber && wantedNumbers.has(t));
    const comparable = (isDay && wantedDays.size > 0) || (isMonth && wantedMonths.size > 0) || isNumber;
    if (!ok && comparable) {
      const unsure = words.some((w) => w.confidence < MIN_WORD_CONFIDENCE);
      return located(fact, unsure ? 'unsure' : 'wrong', words, words.map((w) => w.word).join(' '));
    }
    if (ok) right = right.concat(words);
  }
  if (right.length === 0) return located(fact, 'missing', [], null);
  const unsure = right.some((w) => w.confidence < MIN_WORD_CONFIDENCE);
  return located(fact, unsure ? 'unsure' : 'right', right, right.map((w) => w.word).join(' '));
}

function checkWording(fact: Fact, answer: AnalysedAnswer): FactCheck {
  let best: { score: number; from: number; to: number } | null = null;
  for (const text of [fact.value, ...fact.accept]) {
    const m = matchWording(answer.tokens, analyseText(text));
    if (m && (!best || m.score > best.score)) best = m;
  }
  if (!best || best.score < FIRM_MATCH) return located(fact, 'missing', [], null);
  const first = answer.tokens[best.from]?.source ?? 0;
  const last = answer.tokens[best.to - 1]?.source ?? first;
  const words = answer.words.slice(first, last + 1);
  const unsure = words.some((w) => w.confidence < MIN_WORD_CONFIDENCE);
  return located(fact, unsure ? 'unsure' : 'right', words, words.map((w) => w.word).join(' '));
}

export function checkFact(fact: Fact, answer: AnalysedAnswer): FactCheck {
  if (fact.kind === 'number' || fact.kind === 'code') return checkShaped(fact, answer);
  if (fact.kind === 'date') return checkDate(fact, answer);
  return checkWording(fact, answer);
}
