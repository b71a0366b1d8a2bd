import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * Text for judging meaning: words lower-cased, contractions expanded, lemmatised ("waiting" and
 * "waited" -> "wait"), with negation marked ("not blaming you": "blame" and "you" are negated).
 * wink-nlp with its 4 MB English lite model does the lemmas and the negation scope (measured:
 * 0.16 ms a sentence, 0.14 s to load; see README, "Judgement").
 */
export interface TextToken {
  /** The word as written or heard, lower case. */
  readonly word: string;
  readonly lemma: string;
  /** Inside the scope of a negation ("not", "never", "n't", "no"). */
  readonly negated: boolean;
  /** Index of the word it came from in the caller's word list (several tokens may share one). */
  readonly source: number;
  /** Which clause of the text it is in (punctuation separates clauses; a transcript is one). */
  readonly clause: number;
}

const nlp = winkNLP(model);
const its = nlp.its;

/** Contractions wink leaves whole in lower case; expanded so "i'm sorry" matches "I am sorry". */
const CONTRACTIONS: Readonly<Record<string, string>> = {
  "i'm": 'i am',
  "i've": 'i have',
  "i'll": 'i will',
  "i'd": 'i would',
  "you're": 'you are',
  "you've": 'you have',
  "you'll": 'you will',
  "you'd": 'you would',
  "we're": 'we are',
  "we've": 'we have',
  "we'll": 'we will',
  "they're": 'they are',
  "it's": 'it is',
  "that's": 'that is',
  "there's": 'there is',
  "what's": 'what is',
  "let's": 'let us',
  "can't": 'can not',
  "cannot": 'can not',
  "won't": 'will not',
  "don't": 'do not',
  "doesn't": 'does not',
  "didn't": 'did not',
  "isn't": 'is not',
  "aren't": 'are not',
  "wasn't": 'was not',
  "weren't": 'were not',
  "haven't": 'have not',
  "hasn't": 'has not',
  "shouldn't": 'should not',
  "wouldn't": 'would not',
  "couldn't": 'could not',
  "should've": 'should have',
  "would've": 'would have',
  "could've": 'could have',
  "must've": 'must have',
};

/** Plain lower-case words: curly quotes straightened, punctuation other than apostrophes dropped. */
export function plainWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .split(' ')
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 0);
}

const NEGATORS = new Set(['not', 'never', 'no', 'nothing', 'nobody', 'nowhere', 'neither', 'nor']);
/**
 * Words that end a negation's scope: conjunctions, and the subject pronouns that start a new
 * clause in an unpunctuated transcript ("not a problem i will refund it": "refund" is not negated).
 */
const SCOPE_ENDS = new Set(['but', 'and', 'so', 'because', 'though', 'although', 'however', 'instead', 'i', 'we', 'they', 'he', 'she']);
/** A negation covers this many words after it at most (transcripts have no punctuation). */
const NEGATION_SCOPE = 4;

interface RawWord {
  readonly word: string;
  readonly source: number;
  /** A clause boundary (punctuation) came right before this word. */
  readonly boundary: boolean;
  readonly clause: number;
}

function lemmasOf(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    // One word at a time keeps the mapping exact; wink's lemma needs no sentence context.
    const tokens = nlp.readDoc(word).tokens();
    // wink's .d.ts types its.lemma's addons parameter more narrowly than out() accepts.
    const lemmas = tokens.out(its.lemma as unknown as Parameters<typeof tokens.out>[0]) as unknown as string[];
    out.push(lemmas.length === 1 ? (lemmas[0] ?? word).toLowerCase() : word);
  }
  return out;
}

const lemmaCache = new Map<string, string>();
function lemma(word: string): string {
  let cached = lemmaCache.get(word);
  if (cached === undefined) {
    cached = lemmasOf([word])[0] ?? word;
    if (lemmaCache.size > 50_000) lemmaCache.clear();
    lemmaCache.set(word, cached);
  }
  return cached;
}

function tokensOf(raw: readonly RawWord[]): TextToken[] {
  const expanded: RawWord[] = [];
  for (const r of raw) {
    const full = CONTRACTIONS[r.word] ?? r.word;
    full.split(' ').forEach((part, i) => expanded.push({ word: part, source: r.source, boundary: r.boundary && i === 0, clause: r.clause }));
  }
  const tokens: TextToken[] = [];
  let scope = 0;
  for (const e of expanded) {
    if (e.boundary || SCOPE_ENDS.has(e.word)) scope = 0;
    const negator = NEGATORS.has(e.word);
    tokens.push({ word: e.word, lemma: lemma(e.word), negated: !negator && scope > 0, source: e.source, clause: e.clause });
    if (negator) scope = NEGATION_SCOPE;
    else if (scope > 0) scope -= 1;
  }
  return tokens;
}

/** Tokens of a list of words (a transcript's words: no punctuation, so no clause boundaries). */
export function analyseWords(words: readonly string[]): TextToken[] {
  const raw: RawWord[] = [];
  words.forEach((w, source) => {
    for (const word of plainWords(w)) raw.push({ word, source, boundary: false, clause: 0 });
  });
  return tokensOf(raw);
}

/** Tokens of written text (typed answers, example wordings): punctuation ends a negation. */
export function analyseText(text: string): TextToken[] {
  const raw: RawWord[] = [];
  let source = 0;
  text.split(/[.,;:!?\n]+/).forEach((clause, c) => {
    plainWords(clause).forEach((word, i) => raw.push({ word, source: source++, boundary: i === 0, clause: c }));
  });
  return tokensOf(raw);
}
