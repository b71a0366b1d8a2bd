import type { MoveId, RedFlagId, StepGoals } from '../scenario/goals-schema.js';
import { analyseText, analyseWords, type TextToken } from './text.js';
import type { Vocabulary } from './vocabulary-schema.js';
import { synonymIndex, type Synonyms } from './similarity.js';
import { isContent, matchWording, tokenWeight, type WordingMatch } from './wording-match.js';

/**
 * Finding the moves and red flags in one answer. A cue is firm when an example wording matches
 * closely (score >= FIRM_MATCH) on words the recogniser was sure of; it is unsure when the match
 * rests on words it was unsure of, or is partial (>= PARTIAL_MATCH) where the rest of the span
 * is words it was unsure of ("calm got" for "calm down"). Unsure cues lead to needs-review,
 * never to a fail or a pass on their own.
 *
 * The thresholds were set from first principles before any bench run and are not tuned on it:
 * a pocketsphinx/spotter word posterior below 0.5 means the engine found another word at least
 * as likely; a match must cover four fifths of a wording's weight to be "the same words", half
 * of it to be worth a person's ear.
 */
export const FIRM_MATCH = 0.8;
export const PARTIAL_MATCH = 0.5;
/** And three quarters of its content words (not pronouns, auxiliaries, little words) found. */
export const FIRM_CONTENT = 0.75;
export const MIN_WORD_CONFIDENCE = 0.5;

export type CueKind = 'move' | 'flag';

/** An answer's words as heard (spoken) or written (typed), with where and how sure. */
export interface AnswerWord {
  readonly word: string;
  readonly startFrame: number;
  readonly endFrame: number;
  /** 1 for typed text. */
  readonly confidence: number;
}

export interface Cue {
  readonly kind: CueKind;
  readonly id: MoveId | RedFlagId;
  /** The example wording it matched. */
  readonly example: string;
  readonly score: number;
  readonly firm: boolean;
  /** The answer's words it covers, as heard. */
  readonly quote: string;
  readonly startFrame: number;
  readonly endFrame: number;
  /** Words in the match the recogniser was unsure of (empty when firm). */
  readonly unsureWords: readonly AnswerWord[];
  /** Why a match on sure words is still not firm (the phrase spotter did not hear it). */
  readonly doubt?: string;
}

export interface AnalysedAnswer {
  readonly words: readonly AnswerWord[];
  readonly tokens: readonly TextToken[];
}

/** Tokens of an answer; typed text keeps its punctuation (it ends a negation's scope). */
export function analyseAnswer(words: readonly AnswerWord[], typedText?: string): AnalysedAnswer {
  if (typedText !== undefined) {
    const tokens = analyseText(typedText);
    const span = words[0];
    // Typed text has no word times: every token points at the answer's one span.
    const typedWords = tokens.map((t) => ({ word: t.word, startFrame: span?.startFrame ?? 0, endFrame: span?.endFrame ?? 0, confidence: 1 }));
    return { words: typedWords, tokens: tokens.map((t, i) => ({ ...t, source: i })) };
  }
  return { words, tokens: analyseWords(words.map((w) => w.word)) };
}

/** The wordings to look for in one step, analysed once. */
interface CueEntry {
  readonly kind: CueKind;
  readonly id: MoveId | RedFlagId;
  readonly examples: readonly { readonly text: string; readonly tokens: readonly TextToken[] }[];
  /** Word groups that make the move when all are in one stretch of the answer (vocabulary `signals`). */
  readonly signals: readonly (readonly (readonly TextToken[])[])[];
}

export interface CueSet {
  readonly entries: readonly CueEntry[];
  readonly synonyms: Synonyms;
}

const analysedExamples = new Map<string, readonly TextToken[]>();
function exampleTokens(text: string): readonly TextToken[] {
  let tokens = analysedExamples.get(text);
  if (!tokens) {
    tokens = analyseText(text);
    analysedExamples.set(text, tokens);
  }
  return tokens;
}

/** A clause of a wording stands on its own when it has this many content words ("I'd be furious too"). */
const CLAUSE_CONTENT_WORDS = 2;

/**
 * The wordings, and each clause of a longer wording that says enough on its own: people say one
 * half of an example without the other ("...I'd be furious too" without "Three calls about it").
 */
function examples(texts: readonly string[], clauses = true): { text: string; tokens: readonly TextToken[] }[] {
  const out = new Map<string, readonly TextToken[]>();
  for (const text of texts) {
    out.set(text, exampleTokens(text));
    const parts = text.split(/[.,;:!?]+/).map((c) => c.trim()).filter((c) => c.length > 0);
    if (!clauses || parts.length < 2) continue;
    for (const clause of parts) {
      const tokens = exampleTokens(clause);
      if (tokens.filter(isContent).length >= CLAUSE_CONTENT_WORDS && !out.has(clause)) out.set(clause, tokens);
    }
  }
  return [...out].map(([text, tokens]) => ({ text, tokens }));
}

/** The step's expected moves, and every red flag (shared wordings plus the step's own). */
const synonymCache = new WeakMap<Vocabulary, Synonyms>();
function synonymsOf(vocabulary: Vocabulary): Synonyms {
  let index = synonymCache.get(vocabulary);
  if (!index) {
    index = synonymIndex((vocabulary.synonyms ?? []).map((group) => group.flatMap((w) => exampleTokens(w))));
    synonymCache.set(vocabulary, index);
  }
  return index;
}

const signalGroups = (signals: readonly (readonly string[])[] | undefined) => (signals ?? []).map((group) => group.map((w) => exampleTokens(w)));

export function cueSetFor(vocabulary: Vocabulary, goals: StepGoals | undefined): CueSet {
  const entries: CueEntry[] = [];
  for (const expected of goals?.expect ?? []) {
    const move = vocabulary.moves.find((m) => m.id === expected.move);
    entries.push({ kind: 'move', id: expected.move, examples: examples([...expected.examples, ...(move?.examples ?? [])]), signals: signalGroups(move?.signals) });
  }
  for (const flag of vocabulary.redFlags) {
    const own = (goals?.redFlags ?? []).filter((f) => f.flag === flag.id).flatMap((f) => f.examples);
    // Red flags match whole wordings only: half of a rude wording ("anything else?") is often polite.
    entries.push({ kind: 'flag', id: flag.id, examples: examples([...own, ...flag.examples], false), signals: signalGroups(flag.signals) });
  }
  return { entries, synonyms: synonymsOf(vocabulary) };
}

/** Signal words must fall within this many tokens of each other to count as one statement. */
const SIGNAL_WINDOW = 12;

/** Where a signal phrase occurs in the answer (lemmas in a row, none negated). */
function signalHits(answer: AnalysedAnswer, phrase: readonly TextToken[]): number[] {
  const hits: number[] = [];
  const tokens = answer.tokens;
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    if (phrase.every((p, k) => tokens[i + k]?.lemma === p.lemma && !tokens[i + k]?.negated)) hits.push(i);
  }
  return hits;
}

/** A cue from the entry's signals: one hit of every group within one window of the answer. */
function signalCue(answer: AnalysedAnswer, entry: CueEntry): Cue | null {
  if (entry.signals.length === 0) return null;
  const groups = entry.signals.map((group) => group.flatMap((phrase) => signalHits(answer, phrase).map((at) => ({ at, length: phrase.length }))));
  if (groups.some((g) => g.length === 0)) return null;
  for (const first of groups[0] ?? []) {
    const picked = groups.map((g) => g.find((h) => Math.abs(h.at - first.at) <= SIGNAL_WINDOW && answer.tokens[h.at]?.clause === answer.tokens[first.at]?.clause));
    if (picked.some((h) => h === undefined)) continue;
    const hits = picked as { at: number; length: number }[];
    const from = Math.min(...hits.map((h) => h.at));
    const to = Math.max(...hits.map((h) => h.at + h.length));
    const span = sourcesOf(answer, from, to);
    const used = hits.flatMap((h) => Array.from({ length: h.length }, (_, k) => answer.words[answer.tokens[h.at + k]?.source ?? -1])).filter((w): w is AnswerWord => w !== undefined);
    const unsure = used.filter((w) => w.confidence < MIN_WORD_CONFIDENCE);
    return {
      kind: entry.kind,
      id: entry.id,
      example: `signals: ${hits.map((h) => answer.tokens.slice(h.at, h.at + h.length).map((t) => t.word).join(' ')).join(' ... ')}`,
      score: 1,
      firm: unsure.length === 0,
      quote: span.map((w) => w.word).join(' '),
      startFrame: span[0]?.startFrame ?? 0,
      endFrame: span[span.length - 1]?.endFrame ?? 0,
      unsureWords: unsure,
    };
  }
  return null;
}

function sourcesOf(answer: AnalysedAnswer, from: number, to: number): AnswerWord[] {
  const first = answer.tokens[Math.max(0, from)]?.source ?? 0;
  const last = answer.tokens[Math.min(answer.tokens.length - 1, Math.max(from, to - 1))]?.source ?? first;
  return answer.words.slice(first, last + 1);
}

/** For a partial match, the answer words where the wording's missing ends would be ("calm got"). */
function partialSpan(answer: AnalysedAnswer, match: WordingMatch): AnswerWord[] {
  const firstAligned = match.aligned.findIndex((i) => i >= 0);
  const lastAligned = match.aligned.length - 1 - [...match.aligned].reverse().findIndex((i) => i >= 0);
  const before = firstAligned;
  const after = match.aligned.length - 1 - lastAligned;
  return sourcesOf(answer, match.from - before, match.to + after);
}

function cueFrom(answer: AnalysedAnswer, entry: CueEntry, example: string, match: WordingMatch, wording: readonly TextToken[]): Cue | null {
  const firm = match.score >= FIRM_MATCH && match.contentScore >= FIRM_CONTENT;
  const span = firm ? sourcesOf(answer, match.from, match.to) : partialSpan(answer, match);
  // The meaning rests on the content words: an unsure "may" or "you're" does not put a match in doubt.
  const alignedContent = match.aligned.filter((i, k) => i >= 0 && wording[k] !== undefined && isContent(wording[k] as TextToken));
  const alignedWords = alignedContent.map((i) => answer.words[answer.tokens[i]?.source ?? -1]).filter((w): w is AnswerWord => w !== undefined);
  const unsureInMatch = alignedWords.filter((w) => w.confidence < MIN_WORD_CONFIDENCE);
  const unsureInSpan = span.filter((w) => w.confidence < MIN_WORD_CONFIDENCE);
  const base = {
    kind: entry.kind,
    id: entry.id,
    example,
    score: Math.round(match.score * 1000) / 1000,
    quote: span.map((w) => w.word).join(' '),
    startFrame: span[0]?.startFrame ?? 0,
    endFrame: span[span.length - 1]?.endFrame ?? 0,
  };
  if (firm) return { ...base, firm: unsureInMatch.length === 0, unsureWords: unsureInMatch };
  // A partial match is worth a person's ear only when the missing part could be a slip.
  // A near miss needs a wording of two or more content words, one of them heard exactly and
  // surely ("calm" of "calm down"), and the missing part where the recogniser was unsure.
  const close = span.length <= match.aligned.length + 2;
  const contentWords = wording.filter(isContent).length;
  const anchored = alignedContent.some((i) => answer.tokens[i]?.lemma !== undefined && wording.some((w) => isContent(w) && w.lemma === answer.tokens[i]?.lemma) && (answer.words[answer.tokens[i]?.source ?? -1]?.confidence ?? 0) >= MIN_WORD_CONFIDENCE);
  if (match.score >= PARTIAL_MATCH && match.contentScore >= PARTIAL_MATCH && contentWords >= 2 && anchored && unsureInSpan.length > 0 && close) return { ...base, firm: false, unsureWords: unsureInSpan };
  return null;
}

/** The best cue per move and red flag found in the answer (firm ones preferred). */
export function findCues(answer: AnalysedAnswer, set: CueSet): Cue[] {
  const cues: Cue[] = [];
  if (answer.tokens.length === 0) return cues;
  for (const entry of set.entries) {
    let best: Cue | null = null;
    for (const ex of entry.examples) {
      if (ex.tokens.length === 0) continue;
      const match = matchWording(answer.tokens, ex.tokens, set.synonyms);
      if (!match) continue;
      const cue = cueFrom(answer, entry, ex.text, match, ex.tokens);
      if (cue && (!best || rank(cue) > rank(best))) best = cue;
    }
    if (!best?.firm) {
      const signalled = signalCue(answer, entry);
      if (signalled && (!best || rank(signalled) > rank(best))) best = signalled;
    }
    if (best) cues.push(best);
  }
  return cues;
}

/** Firm beats unsure; then the closer match; then the longer wording (more evidence). */
function rank(cue: Cue): number {
  return (cue.firm ? 10 : 0) + cue.score + cue.example.length / 10_000;
}

/** Weight of the content of an answer (for "a word or two" and "off the point"). */
export function contentWeight(answer: AnalysedAnswer): number {
  return answer.tokens.reduce((sum, t) => sum + (tokenWeight(t) === 1 ? 1 : 0), 0);
}
