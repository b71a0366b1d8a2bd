/**
 * Phrase matching for the said-rules of branches. Text is normalized (NFKC, lower case, curly
 * apostrophes straightened), split into words (runs of letters, digits and inner apostrophes)
 * and common English contractions are spelled out ("i'm" -> "i am", "don't" -> "do not",
 * "you're" -> "you are", "cannot" -> "can not"), because the recogniser writes "I am" either
 * way. A phrase holds when its words appear in the text as consecutive whole words: "sorry"
 * matches "I'm SO sorry!" but not "sorrowful", "i am sorry" matches "i'm sorry", and "no"
 * does not match "know".
 */

/** Case- and width-insensitive text ("I’M SORRY" becomes "i'm sorry"). */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, ' ');
}

const WHOLE: Readonly<Record<string, string>> = {
  "can't": 'can not', cannot: 'can not', "won't": 'will not', "shan't": 'shall not', "let's": 'let us',
  "it's": 'it is', "that's": 'that is', "there's": 'there is', "here's": 'here is', "what's": 'what is',
  "who's": 'who is', "where's": 'where is', "how's": 'how is', "he's": 'he is', "she's": 'she is',
};

/** A contraction spelled out as words; any other word as itself. */
function spellOut(word: string): string[] {
  const whole = WHOLE[word];
  if (whole) return whole.split(' ');
  const suffix = /^(.+?)(n't|'m|'re|'ll|'ve)$/.exec(word);
  if (!suffix?.[1] || !suffix[2]) return [word];
  const full = { "n't": 'not', "'m": 'am', "'re": 'are', "'ll": 'will', "'ve": 'have' }[suffix[2]];
  return full ? [suffix[1], full] : [word];
}

/** The words of a text: "Well… I’m sorry, OK?" gives ["well", "i", "am", "sorry", "ok"]. */
export function phraseWords(text: string): string[] {
  return normalizeText(text)
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 0)
    .flatMap(spellOut);
}

/** True when the phrase's words occur, in order and adjacent, among `words`. */
export function hasPhrase(words: readonly string[], phrase: string): boolean {
  const needle = phraseWords(phrase);
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= words.length; i++) {
    if (needle.every((w, k) => words[i + k] === w)) return true;
  }
  return false;
}
