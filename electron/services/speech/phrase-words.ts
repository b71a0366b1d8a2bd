/**
 * From a scenario's wording to the words the recogniser listens for: lower case, punctuation
 * dropped, numbers and ordinals ("3rd") said as words, booking codes ("HX4471") kept as one token to be spelled out.
 */

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** 0-9999 as spoken words ("ninety", "three hundred and five"). */
export function numberWords(n: number): string[] {
  if (n < 20) return [ONES[n] ?? ''];
  if (n < 100) return [TENS[Math.floor(n / 10)] ?? '', ...(n % 10 === 0 ? [] : [ONES[n % 10] ?? ''])];
  if (n < 1000) return [ONES[Math.floor(n / 100)] ?? '', 'hundred', ...(n % 100 === 0 ? [] : ['and', ...numberWords(n % 100)])];
  return [...numberWords(Math.floor(n / 1000)), 'thousand', ...(n % 1000 === 0 ? [] : numberWords(n % 1000))];
}

const ORDINAL_ENDINGS: Record<string, string> = { one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth' };

/** 1-9999 as a spoken ordinal ("third", "fourteenth", "twenty first"). */
export function ordinalWords(n: number): string[] {
  const words = numberWords(n);
  const last = words.pop() ?? '';
  const ordinal = ORDINAL_ENDINGS[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return [...words, ordinal];
}

const ORDINAL = /^(\d{1,4})(st|nd|rd|th)$/i;

/** A token to spell letter by letter and digit by digit: a digit and a letter ("HX4471"), but not an ordinal ("3rd"). */
export function isCode(token: string): boolean {
  return /\d/.test(token) && /[a-z]/i.test(token) && !ORDINAL.test(token);
}

/** The words of a phrase as the grammar has them; codes stay one token, lower-cased. */
export function phraseWords(text: string): string[] {
  const words: string[] = [];
  const tokens = text.replace(/[\u2018\u2019]/g, "'").replace(/&/g, ' and ').split(/[^A-Za-z0-9']+/);
  for (const raw of tokens) {
    const token = raw.replace(/^'+|'+$/g, '');
    if (token === '') continue;
    const ordinal = ORDINAL.exec(token);
    if (ordinal) words.push(...ordinalWords(Number(ordinal[1])));
    else if (isCode(token)) words.push(token.toLowerCase());
    else if (/^\d+$/.test(token)) {
      const n = Number(token);
      // A plain number up to 9999 is said as a number; longer ones (or leading zeros) digit by digit.
      if (token.length <= 4 && !(token.length > 1 && token.startsWith('0'))) words.push(...numberWords(n));
      else words.push(...[...token].map((d) => ONES[Number(d)] ?? ''));
    } else words.push(token.toLowerCase());
  }
  return words;
}
