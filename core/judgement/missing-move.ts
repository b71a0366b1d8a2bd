import type { Cue } from './cues.js';

/**
 * When an expected move is not found in an answer, the lists may simply lack the answer's own
 * words for it. The absence is firm evidence only with corroboration: a firm red flag in the same
 * answer, or an answer this short, which leaves no room for a paraphrase: few content words, and
 * (spoken) little speech, since a recogniser that lost words makes a long answer look short.
 * Otherwise it is for a coach to judge by ear. Shared by the findings and the live branch checks.
 */
export const SHORT_ANSWER_WORDS = 6;
/** About eight words of calm speech. */
export const SHORT_ANSWER_SECONDS = 3;

export type MissingMove = { readonly firm: true; readonly flag: Cue | null } | { readonly firm: false };

/** `speechSeconds`: how long the spoken answer lasted; null for typed answers or where unknown. */
export function missingMove(cues: readonly Cue[], contentWords: number, speechSeconds: number | null): MissingMove {
  const flag = cues.find((c) => c.kind === 'flag' && c.firm) ?? null;
  if (flag) return { firm: true, flag };
  if (contentWords < SHORT_ANSWER_WORDS && (speechSeconds === null || speechSeconds < SHORT_ANSWER_SECONDS)) return { firm: true, flag: null };
  return { firm: false };
}
