/**
 * Agreement between two raters who each put the same subjects into categories: percent
 * agreement and Cohen's kappa, kappa = (po - pe) / (1 - pe), where po is the observed share of
 * subjects both put in the same category and pe the share expected by chance from each rater's
 * own category frequencies (pe = sum over categories of pA(c) * pB(c)).
 */

export interface Agreement {
  /** Subjects both raters rated. */
  readonly rated: number;
  /** Of those, how many they put in the same category. */
  readonly agreed: number;
  /** 0 to 100, or null when nothing was rated by both. */
  readonly percent: number | null;
  /** -1 to 1, or null when undefined (see kappaNote). */
  readonly kappa: number | null;
  /** Why kappa is null, in plain words; null when kappa is set. */
  readonly kappaNote: string | null;
}

/** Rounds to 4 decimals so results compare and print cleanly (and re-runs give the same JSON). */
function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** Agreement over the pairs [categoryOfA, categoryOfB], one pair per subject both rated. */
export function agreementOf(pairs: readonly (readonly [string, string])[]): Agreement {
  const n = pairs.length;
  if (n === 0) return { rated: 0, agreed: 0, percent: null, kappa: null, kappaNote: 'no session was rated by both coaches' };
  const countsA = new Map<string, number>();
  const countsB = new Map<string, number>();
  let agreed = 0;
  for (const [a, b] of pairs) {
    if (a === b) agreed++;
    countsA.set(a, (countsA.get(a) ?? 0) + 1);
    countsB.set(b, (countsB.get(b) ?? 0) + 1);
  }
  const po = agreed / n;
  let pe = 0;
  for (const [category, countA] of countsA) pe += (countA / n) * ((countsB.get(category) ?? 0) / n);
  const percent = round4(po * 100);
  // pe = 1 only when both raters used one and the same category for every subject: chance
  // alone explains all the agreement, and kappa is 0/0.
  if (pe >= 1 - 1e-12) {
    const only = [...countsA.keys()][0] ?? '';
    return { rated: n, agreed, percent, kappa: null, kappaNote: `both coaches rated every session "${only}", so agreement by chance is 100% and kappa is undefined` };
  }
  return { rated: n, agreed, percent, kappa: round4((po - pe) / (1 - pe)), kappaNote: null };
}

/** Mean of the defined values, or null when none is defined. */
export function meanOf(values: readonly (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length === 0 ? null : round4(defined.reduce((a, b) => a + b, 0) / defined.length);
}
