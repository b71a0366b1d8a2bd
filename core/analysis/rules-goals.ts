import type { MoveId, RedFlagId } from '../scenario/goals-schema.js';
import type { Cue } from '../judgement/cues.js';
import type { JudgedAnswer } from '../judgement/judged-answers.js';
import type { Evidence } from './findings.js';
import { clock, fail, notApplicable, pass, review, type RuleContext, type RuleResult } from './rule-context.js';

/**
 * Rules on the scenario's goals, read from the judged answers (core/judgement): the expected
 * moves, the red flags, the facts, and whether every step got a real answer. Each builds its
 * status from evidence per answer: any firm failure fails; anything unsure is needs-review;
 * nothing to judge is not-applicable, never a pass.
 */
type Channel = 'spoken' | 'typed' | 'any';

const MOVE_WORDS: Readonly<Record<MoveId, string>> = {
  acknowledge: 'acknowledge the problem',
  apologise: 'apologise',
  own: 'take ownership',
  'next-step': 'give a concrete next step',
  'ask-before-hold': 'ask before the hold',
  'plain-answer': 'answer the question plainly',
  'full-repeat': 'repeat the answer in full',
  'escalate-with-facts': 'escalate with the facts',
};
const FLAG_WORDS: Readonly<Record<RedFlagId, string>> = { blame: 'blame', dismiss: 'dismissal', sarcasm: 'sarcasm', 'talk-down': 'talking down', refuse: 'refusal' };

function judged(ctx: RuleContext): readonly JudgedAnswer[] | null {
  return ctx.judged ?? null;
}

const inChannel = (a: JudgedAnswer, channel: Channel) => channel === 'any' || a.kind === channel;

function at(ctx: RuleContext, frame: number): string {
  return clock(frame, ctx.measures.sampleRate);
}

function cueEvidence(ctx: RuleContext, a: JudgedAnswer, cue: Cue, note: string): Evidence {
  return { startFrame: cue.startFrame, endFrame: cue.endFrame, stepId: a.stepId, quote: cue.quote, note: `${note} (like "${cue.example}")` };
}

function answerEvidence(a: JudgedAnswer, note: string): Evidence {
  const text = a.answer.words.map((w) => w.word).join(' ');
  return { startFrame: a.startFrame, endFrame: a.endFrame, stepId: a.stepId, ...(text ? { quote: text.length > 200 ? `${text.slice(0, 197)}...` : text } : {}), note };
}

function unsureNote(ctx: RuleContext, cue: Cue): string {
  if (cue.doubt) return `${cue.doubt} ('${cue.quote}' at ${at(ctx, cue.startFrame)})`;
  const words = cue.unsureWords.map((w) => w.word).join(' ');
  return `the recogniser was unsure of '${words || cue.quote}' at ${at(ctx, cue.unsureWords[0]?.startFrame ?? cue.startFrame)}`;
}

function noVocabulary(): RuleResult {
  return review('the scenario goals could not be read (scenarios/judgement/moves.yaml): judge by ear');
}

/** Sums per-answer outcomes into one result; the first failure or doubt becomes the summary. */
function combine(fails: Evidence[], doubts: Evidence[], passes: Evidence[], summaries: { fail: string; doubt: string; pass: string }): RuleResult {
  if (fails.length > 0) return fail(summaries.fail, [...fails, ...doubts]);
  if (doubts.length > 0) return review(summaries.doubt, doubts);
  return pass(summaries.pass, passes);
}

export function expectedMoves(ctx: RuleContext, p: { moves: readonly MoveId[]; in: Channel }): RuleResult {
  const answers = judged(ctx);
  if (!answers) return noVocabulary();
  const wanted = new Set(p.moves);
  const targets = answers.filter((a) => inChannel(a, p.in) && (a.goals?.expect ?? []).some((e) => wanted.has(e.move)));
  const what = p.moves.map((m) => MOVE_WORDS[m]).join(' or ');
  if (targets.length === 0) return notApplicable(`no step of this call asks to ${what}`);
  const fails: Evidence[] = [];
  const doubts: Evidence[] = [];
  const passes: Evidence[] = [];
  let firstFail = '';
  let firstDoubt = '';
  for (const a of targets) {
    for (const move of (a.goals?.expect ?? []).map((e) => e.move).filter((m) => wanted.has(m))) {
      const cue = a.cues.find((c) => c.kind === 'move' && c.id === move);
      if (!a.said) {
        fails.push(answerEvidence(a, `no answer: expected to ${MOVE_WORDS[move]}`));
        firstFail ||= `no answer at ${at(ctx, a.startFrame)} where the step asks to ${MOVE_WORDS[move]}`;
      } else if (!a.known) {
        doubts.push(answerEvidence(a, 'no transcript for this answer'));
        firstDoubt ||= `no transcript at ${at(ctx, a.startFrame)}: listen for whether they ${MOVE_WORDS[move]}`;
      } else if (cue?.firm) {
        passes.push(cueEvidence(ctx, a, cue, MOVE_WORDS[move]));
      } else if (cue) {
        doubts.push(cueEvidence(ctx, a, cue, unsureNote(ctx, cue)));
        firstDoubt ||= `${unsureNote(ctx, cue)}: listen for whether they ${MOVE_WORDS[move]}`;
      } else if (a.unsureBecause) {
        doubts.push(answerEvidence(a, a.unsureBecause));
        firstDoubt ||= `${a.unsureBecause} at ${at(ctx, a.startFrame)}: listen for whether they ${MOVE_WORDS[move]}`;
      } else {
        fails.push(answerEvidence(a, `did not ${MOVE_WORDS[move]}`));
        firstFail ||= `did not ${MOVE_WORDS[move]} at ${at(ctx, a.startFrame)}`;
      }
    }
  }
  return combine(fails, doubts, passes, { fail: firstFail, doubt: firstDoubt, pass: `did ${what} on ${targets.length === 1 ? 'the step' : `all ${targets.length} steps`} that ask for it` });
}

export function redFlags(ctx: RuleContext, p: { flags: readonly RedFlagId[]; in: Channel }): RuleResult {
  const answers = judged(ctx);
  if (!answers) return noVocabulary();
  const wanted = new Set(p.flags);
  const heard = answers.filter((a) => inChannel(a, p.in) && a.said);
  if (heard.length === 0) return notApplicable('nothing was said or written to judge');
  const fails: Evidence[] = [];
  const doubts: Evidence[] = [];
  let firstFail = '';
  let firstDoubt = '';
  for (const a of heard) {
    if (!a.known) {
      doubts.push(answerEvidence(a, 'no transcript for this answer'));
      firstDoubt ||= `no transcript for the answer at ${at(ctx, a.startFrame)}: listen to it`;
      continue;
    }
    for (const cue of a.cues.filter((c) => c.kind === 'flag' && wanted.has(c.id as RedFlagId))) {
      const flag = FLAG_WORDS[cue.id as RedFlagId];
      if (cue.firm) {
        fails.push(cueEvidence(ctx, a, cue, flag));
        firstFail ||= `${flag}: "${cue.quote}" at ${at(ctx, cue.startFrame)}`;
      } else {
        doubts.push(cueEvidence(ctx, a, cue, `possible ${flag}; ${unsureNote(ctx, cue)}`));
        firstDoubt ||= `possible ${flag}: ${unsureNote(ctx, cue)}`;
      }
    }
  }
  const what = p.flags.map((f) => FLAG_WORDS[f]).join(', ');
  return combine(fails, doubts, [], { fail: firstFail, doubt: firstDoubt, pass: `no ${what} in ${heard.length} answer(s)` });
}

export function factsRight(ctx: RuleContext, p: { in: Channel }): RuleResult {
  const answers = judged(ctx);
  if (!answers) return noVocabulary();
  const targets = answers.filter((a) => inChannel(a, p.in) && (a.goals?.facts ?? []).length > 0);
  if (targets.length === 0) return notApplicable('no step of this call asks for the scenario\'s details');
  const fails: Evidence[] = [];
  const doubts: Evidence[] = [];
  const passes: Evidence[] = [];
  let firstFail = '';
  let firstDoubt = '';
  for (const a of targets) {
    if (!a.said) {
      fails.push(answerEvidence(a, 'no answer'));
      firstFail ||= `no answer at ${at(ctx, a.startFrame)} where the details were needed`;
      continue;
    }
    if (!a.known) {
      doubts.push(answerEvidence(a, 'no transcript for this answer'));
      firstDoubt ||= `no transcript at ${at(ctx, a.startFrame)}: check the details by ear`;
      continue;
    }
    for (const f of a.facts) {
      const where = { startFrame: f.result === 'missing' ? a.startFrame : f.startFrame, endFrame: f.result === 'missing' ? a.endFrame : f.endFrame, stepId: a.stepId };
      const expected = `${f.fact.label} is ${f.fact.value}`;
      if (f.result === 'right') passes.push({ ...where, quote: f.quote ?? '', note: expected });
      else if (f.result === 'wrong') {
        fails.push({ ...where, quote: f.quote ?? '', note: `said "${f.quote ?? ''}", but ${expected}` });
        firstFail ||= `got ${f.fact.label} wrong at ${at(ctx, where.startFrame)}: said "${f.quote ?? ''}", it is ${f.fact.value}`;
      } else if (f.result === 'unsure' || a.unsureBecause) {
        doubts.push({ ...where, ...(f.quote ? { quote: f.quote } : {}), note: `${a.unsureBecause ?? 'the recogniser was unsure of these words'}; ${expected}` });
        firstDoubt ||= `listen at ${at(ctx, where.startFrame)}: ${expected}`;
      } else {
        fails.push({ ...answerEvidence(a, `did not give ${f.fact.label} (${f.fact.value})`), ...where });
        firstFail ||= `did not give ${f.fact.label} (${f.fact.value}) at ${at(ctx, a.startFrame)}`;
      }
    }
  }
  return combine(fails, doubts, passes, { fail: firstFail, doubt: firstDoubt, pass: 'every detail asked for was given right' });
}

export function answersEveryStep(ctx: RuleContext, p: { minWords: number }): RuleResult {
  const answers = judged(ctx);
  if (!answers) return noVocabulary();
  if (answers.length === 0) return notApplicable('no step of this call waits for an answer');
  const fails: Evidence[] = [];
  const doubts: Evidence[] = [];
  let firstFail = '';
  let firstDoubt = '';
  for (const a of answers) {
    if (!a.said) {
      fails.push(answerEvidence(a, 'no answer'));
      firstFail ||= `no answer at ${at(ctx, a.startFrame)}`;
    } else if (!a.known) {
      doubts.push(answerEvidence(a, 'no transcript for this answer'));
      firstDoubt ||= `no transcript at ${at(ctx, a.startFrame)}: listen to the answer`;
    } else if (a.contentWords < p.minWords) {
      if (a.unsureBecause) {
        doubts.push(answerEvidence(a, a.unsureBecause));
        firstDoubt ||= `a very short answer at ${at(ctx, a.startFrame)}, and ${a.unsureBecause}`;
      } else {
        fails.push({ ...answerEvidence(a, 'a word or two is not an answer'), measured: a.contentWords, threshold: p.minWords, unit: 'words' });
        firstFail ||= `only "${a.answer.words.map((w) => w.word).join(' ')}" at ${at(ctx, a.startFrame)}`;
      }
    }
  }
  return combine(fails, doubts, [], { fail: firstFail, doubt: firstDoubt, pass: `a real answer on each of ${answers.length} step(s)` });
}
