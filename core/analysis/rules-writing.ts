import type { Evidence } from './findings.js';
import { fail, notApplicable, pass, review, type RuleContext, type RuleResult } from './rule-context.js';
import { tokens } from './transcript.js';

const typed = (ctx: RuleContext) => ctx.measures.turns.filter((t) => t.kind === 'typed');

/** A word as written, and whether a name may stand there (capitalised, not starting a sentence). */
interface WrittenWord {
  readonly word: string;
  readonly mayBeName: boolean;
}

function textWords(text: string): WrittenWord[] {
  // Words as written (case kept, for the dictionary): letters or digits with inner apostrophes or hyphens.
  const clean = text.normalize('NFKC').replace(/[\u2018\u2019]/g, "'");
  const out: WrittenWord[] = [];
  for (const m of clean.matchAll(/[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*/g)) {
    const before = clean.slice(0, m.index).trimEnd();
    const startsSentence = before === '' || /[.!?:\n]$/.test(before) || /\n\s*$/.test(clean.slice(0, m.index));
    out.push({ word: m[0], mayBeName: /^[A-Z]/.test(m[0]) && !startsSentence });
  }
  return out;
}

/**
 * Hunspell's English lists lack many everyday re- words ("rebook", "rebooked", "resend") and
 * closed compounds ("helpdesk"), so a word is also accepted as re + a dictionary word of at
 * least four letters, or as two dictionary words of three letters or more.
 */
export function spelledRight(word: string, isWord: (w: string) => boolean): boolean {
  if (isWord(word)) return true;
  const rest = /^re[a-z]/i.test(word) ? word.slice(2) : '';
  return (rest.length >= 4 && isWord(rest)) || closedCompound(word, isWord);
}

/** Closed compounds the lists lack (helpdesk, timeframe, hotline, signup): two words of three letters or more. */
function closedCompound(word: string, isWord: (w: string) => boolean): boolean {
  if (word.length < 7 || !/^[a-z]+$/i.test(word)) return false;
  for (let i = 3; i <= word.length - 3; i++) {
    if (isWord(word.slice(0, i)) && isWord(word.slice(i))) return true;
  }
  return false;
}

/** Ordinary hyphenated words (mix-up, e-ticket, next-day): right when each part is. */
function hyphenatedRight(word: string, isWord: (w: string) => boolean): boolean {
  const parts = word.split('-');
  return parts.length > 1 && parts.every((p) => p.length === 1 || spelledRight(p, isWord));
}

/** Words the scenario itself uses (names, products, codes): never spelling mistakes. */
function scenarioWords(ctx: RuleContext): Set<string> {
  const s = ctx.scenario;
  const texts = [s.customer.name, s.brief, s.title, ...(s.facts ?? []).flatMap((f) => [f.value, ...f.accept])];
  for (const step of s.steps) {
    if ('say' in step) texts.push(step.say);
    if ('type' in step) texts.push(step.type.prompt, step.type.message ?? '');
    if ('repeat' in step) texts.push(step.repeat.say);
  }
  return new Set(texts.flatMap((t) => t.toLowerCase().match(/[a-z0-9]+(?:['-][a-z0-9]+)*/g) ?? []));
}

/** Not a word to look up: codes and numbers (HX4471, 47291), and short all-capital codes (BA, PNR). */
function isCode(word: string): boolean {
  return /\d/.test(word) || (/^[A-Z]{2,5}$/.test(word) && word !== 'I');
}

export function spelling(ctx: RuleContext, p: { maxErrors: number; ignore: readonly string[] }): RuleResult {
  const turns = typed(ctx);
  if (turns.length === 0) return notApplicable('no typed answers');
  if (!ctx.isWord) return review('no dictionary available to check spelling');
  const isWord = ctx.isWord;
  const ignore = new Set([...p.ignore.map((w) => w.toLowerCase()), ...scenarioWords(ctx)]);
  const misspelt = (w: WrittenWord) =>
    !ignore.has(w.word.toLowerCase()) && !isCode(w.word) && !w.mayBeName && !spelledRight(w.word, isWord) && !hyphenatedRight(w.word, isWord);
  const evidence: Evidence[] = [];
  let errors = 0;
  for (const t of turns) {
    const wrong = [...new Set(textWords(t.text ?? '').filter(misspelt).map((w) => w.word))];
    errors += wrong.length;
    if (wrong.length > 0) evidence.push({ startFrame: t.invitedFrame, endFrame: t.endedFrame, stepId: t.stepId, quote: wrong.join(', '), measured: wrong.length, threshold: p.maxErrors, unit: 'errors', note: 'not in the dictionary' });
  }
  if (errors <= p.maxErrors) return pass(errors === 0 ? 'no spelling mistakes' : `${errors} spelling mistake(s), within the limit`, evidence);
  return fail(`${errors} spelling mistake(s): ${evidence.map((e) => e.quote).join('; ')}`, evidence);
}

export function concise(ctx: RuleContext, p: { maxWords: number; maxSentenceWords: number }): RuleResult {
  const turns = typed(ctx);
  if (turns.length === 0) return notApplicable('no typed answers');
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
