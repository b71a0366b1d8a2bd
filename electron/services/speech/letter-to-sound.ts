/**
 * A small rule-based letter-to-sound guess (ARPAbet) for words the dictionary lacks, so a grammar
 * with a name or product word still compiles. It only has to be close enough for the decoder to
 * prefer it over the phone loop when the word is said; exact vowels matter less than consonants.
 */

/** Letter groups tried longest first. */
const GROUPS: readonly (readonly [string, string])[] = [
  ['tion', 'SH AH N'], ['sion', 'ZH AH N'], ['ture', 'CH ER'], ['igh', 'AY'], ['dge', 'JH'], ['tch', 'CH'],
  ['ch', 'CH'], ['sh', 'SH'], ['th', 'TH'], ['ph', 'F'], ['ck', 'K'], ['ng', 'NG'], ['qu', 'K W'], ['wh', 'W'],
  ['kn', 'N'], ['wr', 'R'], ['gh', 'G'], ['ee', 'IY'], ['ea', 'IY'], ['oo', 'UW'], ['ou', 'AW'], ['ow', 'OW'],
  ['ai', 'EY'], ['ay', 'EY'], ['oi', 'OY'], ['oy', 'OY'], ['au', 'AO'], ['aw', 'AO'], ['ie', 'IY'], ['ei', 'EY'],
  ['ey', 'IY'], ['er', 'ER'], ['ir', 'ER'], ['ur', 'ER'], ['ar', 'AA R'], ['or', 'AO R'], ['oa', 'OW'], ['ue', 'UW'],
];

const SINGLE: Readonly<Record<string, string>> = {
  a: 'AE', b: 'B', c: 'K', d: 'D', e: 'EH', f: 'F', g: 'G', h: 'HH', i: 'IH', j: 'JH', k: 'K', l: 'L', m: 'M',
  n: 'N', o: 'AA', p: 'P', q: 'K', r: 'R', s: 'S', t: 'T', u: 'AH', v: 'V', w: 'W', x: 'K S', y: 'IY', z: 'Z',
};

/** The long vowel a silent final e makes ("kane", "pike"). */
const LONG: Readonly<Record<string, string>> = { a: 'EY', e: 'IY', i: 'AY', o: 'OW', u: 'UW', y: 'AY' };

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** ARPAbet phones for a lower-case word of letters (other characters are skipped). */
export function guessPronunciation(word: string): string {
  const letters = word.toLowerCase().replace(/[^a-z]/g, '');
  const phones: string[] = [];
  // Magic e: vowel + one consonant + final e ("keane" is in the dictionary, "kane"-like names are not).
  const magicE = letters.length > 3 && /[aeiouy][^aeiouy]e$/.test(letters);
  const end = magicE ? letters.length - 1 : letters.length;
  let i = 0;
  while (i < end) {
    const group = GROUPS.find(([g]) => letters.startsWith(g, i) && i + g.length <= end);
    if (group) {
      phones.push(group[1]);
      i += group[0].length;
      continue;
    }
    const ch = letters[i] ?? '';
    const next = letters[i + 1] ?? '';
    if (ch === next && !VOWELS.has(ch)) {
      i++; // a doubled consonant is one sound
      continue;
    }
    if (magicE && i === end - 2 && VOWELS.has(ch)) phones.push(LONG[ch] ?? SINGLE[ch] ?? '');
    else if (ch === 'c' && 'eiy'.includes(next) && next !== '') phones.push('S');
    else if (ch === 'y') phones.push(i === 0 ? 'Y' : i === end - 1 ? 'IY' : 'IH');
    else phones.push(SINGLE[ch] ?? '');
    i++;
  }
  return phones.filter(Boolean).join(' ');
}
