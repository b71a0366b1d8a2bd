import type { Evidence } from './findings.js';
import { fail, pass, review, type RuleContext, type RuleResult } from './rule-context.js';
import { tokens } from './transcript.js';

const typed = (ctx: RuleContext) => ctx.measures.turns.filter((t) => t.kind === 'typed');

function textWords(text: string): string[] {
  // Words as written (case kept, for the dictionary): letters with inner apostrophes or hyphens.
  return text.normalize('NFKC').replace(/[\u2018\u2019]/g, "'").match(/[A-Za-z]+(?:['-][A-Za-z]+)*/g) ?? [];
}

/**
 * Hunspell's English lists lack many everyday re- words ("rebook", "rebooked", "resend"), so a
 * word is also accepted as re + a dictionary word of at least four letters.
 */
export function spelledRight(word: string, isWord: (w: string) => boolean): boolean {
  if (isWord(word)) return true;
  const rest = /^re[a-z]/i.test(word) ? word.slice(2) : '';
  return rest.length >= 4 && isWord(rest);
}

export function spelling(ctx: RuleContext, p: { maxErrors: number; ignore: readonly string[] }): RuleResult {
  const turns = typed(ctx);
  if (turns.length === 0) return pass('not applicable: no typed answers');
  if (!ctx.isWord) return review('no dictionary available to check spelling');
  const isWord = ctx.isWord;
  const ignore = new Set([...p.ignore, ...ctx.scenario.customer.name.split(/\s+/)].map((w) => w.toLowerCase()));
  const evidence: Evidence[] = [];
  let errors = 0;
  for (const t of turns) {
    const wrong = [...new Set(textWords(t.text ?? '').filter((w) => !ignore.has(w.toLowerCase()) && !spelledRight(w, isWord)))];
    errors += wrong.length;
    if (wrong.length > 0) evidence.push({ startFrame: t.invitedFrame, endFrame: t.endedFrame, stepId: t.stepId, quote: wrong.join(', '), measured: wrong.length, threshold: p.maxErrors, unit: 'errors', note: 'not in the dictionary' });
  }
  if (errors <= p.maxErrors) return pass(errors === 0 ? 'no spelling mistakes' : `${errors} spelling mistake(s), within the limit`, evidence);
  return fail(`${errors} spelling mistake(s): ${evidence.map((e) => e.quote).join('; ')}`, evidence);
}

export function concise(ctx: RuleContext, p: { maxWords: number; maxSentenceWords: number }): RuleResult {
  const turns = typed(ctx);
  if (turns.length === 0) return pass('not applicable: no typed answers');
  const evidence: Evidence[] = [];
  for (const t of turns) {
    const text = t.text ?? '';
    const at = { startFrame: t.invitedFrame, endFrame: t.endedFrame, stepId: t.stepId };
    const words = tokens(text).length;
    if (words > p.maxWords) evidence.push({ ...at, measured: words, threshold: p.maxWords, unit: 'words', note: 'too long' });
    for (const sentence of text.split(/[.!?]+\s*/)) {
      const n = tokens(sentence).length;
      if (n > p.maxSentenceWords) evidence.push({ ...at, quote: sentence.length > 160 ? `${sentence.slice(0, 157)}...` : sentence, measured: n, threshold: p.maxSentenceWords, unit: 'words', note: 'a very long sentence' });
    }
  }
  if (evidence.length === 0) return pass('clear and concise');
  return fail(evidence[0]?.note ?? 'too long', evidence);
}
