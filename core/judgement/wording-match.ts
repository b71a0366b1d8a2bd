import { similarityOf, spellingRow, wordSimilarity, type Synonyms } from './similarity.js';
import type { TextToken } from './text.js';

/**
 * Where an example wording occurs in an answer, allowing for words in between, words left out
 * and recogniser slips: a local alignment (Smith-Waterman style) of the wording's tokens against
 * the answer's. Each wording token found gains its weight times its similarity; each extra answer
 * word inside the match costs half its weight; wording tokens not found gain nothing. The score
 * is the gain over the wording's whole weight, 0 to 1. A token found must agree on negation:
 * "blaming you" is not in "I'm not blaming you", and "not a problem" is not "not my problem".
 */
export interface WordingMatch {
  readonly score: number;
  /** The share of the wording's content words (not little or function words) that were found. */
  readonly contentScore: number;
  /** Answer token indexes: first and one past the last of the match. */
  readonly from: number;
  readonly to: number;
  /** For each wording token, the answer token it matched, or -1. */
  readonly aligned: readonly number[];
}

/** Little words that carry little of a wording's meaning. */
const LIGHT = new Set(['a', 'an', 'the', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'about', 'from', 'be', 'is', 'are', 'was', 'that', 'this', 'it', 'its', 'just', 'and', 'or', 'um', 'uh', 'oh', 'well', 'now']);
/**
 * Pronouns and auxiliaries: they decide who does what ("you should have" is blame, "I should
 * have" is not), but a wording made mostly of them is easy to find by chance.
 */
const FUNCTION = new Set([
  'i', 'you', 'we', 'they', 'he', 'she', 'me', 'my', 'your', 'our', 'their', 'us', 'them', 'him', 'her', 'do', 'have', 'will', 'can', 'would',
  'could', 'should', 'shall', 'may', 'might', 'must', 'get', 'let', 'what', 'how', 'there', 'here', 'if', 'then', 'than', 'all', 'any', 'some',
]);
/** Intensifiers change how much, not what: "so sorry", "really sorry" and "sorry" are one move. */
const INTENSIFIERS = new Set(['so', 'really', 'very', 'truly', 'terribly', 'awfully', 'extremely', 'incredibly', 'genuinely', 'honestly', 'quite', 'totally', 'completely']);
const LIGHT_WEIGHT = 0.3;
const FUNCTION_WEIGHT = 0.6;
const GAP_COST = 0.5;

export function tokenWeight(token: TextToken): number {
  if (INTENSIFIERS.has(token.word)) return 0;
  if (LIGHT.has(token.lemma) || LIGHT.has(token.word)) return LIGHT_WEIGHT;
  if (FUNCTION.has(token.lemma) || FUNCTION.has(token.word)) return FUNCTION_WEIGHT;
  return 1;
}

export const isContent = (token: TextToken): boolean => tokenWeight(token) === 1;

/**
 * A one-word wording ("No.", "Whatever.", "Obviously.") is that word said on its own: the
 * whole answer, or a whole clause of a typed one, with nothing else of weight in it. Inside a
 * sentence the same word is usually harmless ("no problem", "whatever the problem is").
 */
function wholeClause(answer: readonly TextToken[], word: TextToken, synonyms?: Synonyms): WordingMatch | null {
  for (let i = 0; i < answer.length; i++) {
    const a = answer[i] as TextToken;
    const sim = a.negated === word.negated ? wordSimilarity(a, word, synonyms) : 0;
    if (sim === 0) continue;
    const others = answer.filter((t, k) => k !== i && t.clause === a.clause && tokenWeight(t) >= FUNCTION_WEIGHT);
    if (others.length === 0) return { score: sim, contentScore: 1, from: i, to: i + 1, aligned: [i] };
  }
  return null;
}

/** A wording of little and function words only ("do you", "well done you") must be said word for word. */
function exactRun(answer: readonly TextToken[], wording: readonly TextToken[]): WordingMatch | null {
  for (let i = 0; i + wording.length <= answer.length; i++) {
    if (wording.every((w, k) => answer[i + k]?.word === w.word && answer[i + k]?.negated === w.negated)) {
      return { score: 1, contentScore: 1, from: i, to: i + wording.length, aligned: wording.map((_, k) => i + k) };
    }
  }
  return null;
}

const STOP = 0;
const DIAGONAL = 1;
const SKIP_WORDING = 2;
const SKIP_ANSWER = 3;

/** A wording as the alignment reads it: worked out once per wording (wordings are matched against every answer). */
interface PreparedWording {
  /** Indexes of the tokens of weight in the full wording. */
  readonly kept: readonly number[];
  readonly wording: readonly TextToken[];
  readonly weights: readonly number[];
  readonly total: number;
  readonly hasContent: boolean;
  /** Indexes (in `wording`) of its content words. */
  readonly content: readonly number[];
}

const preparedWordings = new WeakMap<readonly TextToken[], PreparedWording>();
function prepareWording(fullWording: readonly TextToken[]): PreparedWording {
  let prepared = preparedWordings.get(fullWording);
  if (!prepared) {
    // Words of no weight are left out of the wording; in the answer they cost nothing to skip.
    const kept = fullWording.map((w, k) => (tokenWeight(w) > 0 ? k : -1)).filter((k) => k >= 0);
    const wording = kept.map((k) => fullWording[k] as TextToken);
    const weights = wording.map(tokenWeight);
    const total = weights.reduce((a, b) => a + b, 0);
    const content = wording.map((w, k) => (isContent(w) ? k : -1)).filter((k) => k >= 0);
    prepared = { kept, wording, weights, total, hasContent: wording.some(isContent), content };
    preparedWordings.set(fullWording, prepared);
  }
  return prepared;
}

export function matchWording(answer: readonly TextToken[], fullWording: readonly TextToken[], synonyms?: Synonyms): WordingMatch | null {
  const prepared = prepareWording(fullWording);
  const { kept, wording } = prepared;
  const found = wording.length === 1 ? wholeClause(answer, wording[0] as TextToken, synonyms) : alignWording(answer, prepared, synonyms);
  if (!found) return null;
  const aligned = new Array<number>(fullWording.length).fill(-1);
  kept.forEach((k, j) => (aligned[k] = found.aligned[j] ?? -1));
  return { ...found, aligned };
}

function alignWording(answer: readonly TextToken[], prepared: PreparedWording, synonyms?: Synonyms): WordingMatch | null {
  const { wording, weights, total, content } = prepared;
  const n = answer.length;
  const m = wording.length;
  if (n === 0 || m === 0) return null;
  if (!prepared.hasContent) return exactRun(answer, wording);
  // What skipping each answer word inside a match costs.
  const gapCost = answer.map((a) => tokenWeight(a) * GAP_COST);
  const wordingGroups = wording.map((w) => synonyms?.get(w.lemma));
  // score[i * width + j]: best gain aligning wording[0..j) with a match that ends at answer token i-1.
  const width = m + 1;
  const score = new Float64Array((n + 1) * width);
  const move = new Uint8Array((n + 1) * width);
  let best = 0;
  let bestI = 0;
  for (let i = 1; i <= n; i++) {
    const a = answer[i - 1] as TextToken;
    const above = (i - 1) * width;
    const row = i * width;
    const gap = gapCost[i - 1] as number;
    const group = synonyms?.get(a.lemma);
    const spelling = spellingRow(a.word);
    for (let j = 1; j <= m; j++) {
      const w = wording[j - 1] as TextToken;
      const sim = a.negated === w.negated ? similarityOf(a, w, group, wordingGroups[j - 1], spelling) : 0;
      const diagonal = sim > 0 ? (score[above + j - 1] as number) + (weights[j - 1] as number) * sim : -Infinity;
      const skipWording = score[row + j - 1] as number;
      const up = score[above + j] as number;
      const skipAnswer = up > 0 ? up - gap : -Infinity;
      let value = 0;
      let how = STOP;
      if (diagonal > value) [value, how] = [diagonal, DIAGONAL];
      if (skipWording > value) [value, how] = [skipWording, SKIP_WORDING];
      if (skipAnswer > value) [value, how] = [skipAnswer, SKIP_ANSWER];
      score[row + j] = value;
      move[row + j] = how;
    }
    const end = score[row + m] as number;
    if (end > best) [best, bestI] = [end, i];
  }
  if (best <= 0) return null;
  const aligned = new Array<number>(m).fill(-1);
  let i = bestI;
  let j = m;
  let from = bestI;
  let to = -1;
  while (i > 0 && j > 0) {
    const how = move[i * width + j];
    if (how === DIAGONAL) {
      aligned[j - 1] = i - 1;
      if (to < 0) to = i;
      from = i - 1;
      i -= 1;
      j -= 1;
    } else if (how === SKIP_WORDING) {
      j -= 1;
    } else if (how === SKIP_ANSWER) {
      i -= 1;
    } else {
      break;
    }
  }
  if (to < 0) return null;
  const found = content.filter((k) => (aligned[k] ?? -1) >= 0).length;
  return { score: best / total, contentScore: found / content.length, from, to, aligned };
}
