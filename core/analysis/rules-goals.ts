import type { MoveId, RedFlagId } from '../scenario/goals-schema.js';
import type { Cue } from '../judgement/cues.js';
import type { JudgedAnswer } from '../judgement/judged-answers.js';
import { missingMove } from '../judgement/missing-move.js';
import type { Evidence } from './findings.js';
import { clock, fail, notApplicable, pass, review, round, type RuleContext, type RuleResult } from './rule-context.js';

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
/** With a phrase spotter's partial words, an answer this long is an answer (a few words' worth). */
const MIN_SPOKEN_ANSWER_SECONDS = 1.5;
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

/** Per-answer evidence summed into one result: any failure fails, else any doubt is needs-review; the first of each is the summary. */
class Tally {
  private readonly fails: Evidence[] = [];
  private readonly doubts: Evidence[] = [];
  private readonly passes: Evidence[] = [];
  private firstFail = '';
  private firstDoubt = '';

  fail(evidence: Evidence, summary: string): void {
    this.fails.push(evidence);
    this.firstFail ||= summary;
  }

  doubt(evidence: Evidence, summary: string): void {
    this.doubts.push(evidence);
    this.firstDoubt ||= summary;
  }

  pass(evidence: Evidence): void {
    this.passes.push(evidence);
  }

  result(passSummary: string): RuleResult {
    if (this.fails.length > 0) return fail(this.firstFail, [...this.fails, ...this.doubts]);
    if (this.doubts.length > 0) return review(this.firstDoubt, this.doubts);
    return pass(passSummary, this.passes);
  }
}

export function expectedMoves(ctx: RuleContext, p: { moves: readonly MoveId[]; in: Channel }): RuleResult {
  const answers = judged(ctx);
  if (!answers) return noVocabulary();
  const wanted = new Set(p.moves);
  const targets = answers.filter((a) => inChannel(a, p.in) && (a.goals?.expect ?? []).some((e) => wanted.has(e.move)));
  const what = p.moves.map((m) => MOVE_WORDS[m]).join(' or ');
  if (targets.length === 0) return notApplicable(`no step of this call asks to ${what}`);
  const tally = new Tally();
  for (const a of targets) {
    for (const move of (a.goals?.expect ?? []).map((e) => e.move).filter((m) => wanted.has(m))) {
      const cue = a.cues.find((c) => c.kind === 'move' && c.id === move);
      if (!a.said) {
        tally.fail(answerEvidence(a, `no answer: expected to ${MOVE_WORDS[move]}`), `no answer at ${at(ctx, a.startFrame)} where the step asks to ${MOVE_WORDS[move]}`);
      } else if (!a.known) {
        tally.doubt(answerEvidence(a, 'no transcript for this answer'), `no transcript at ${at(ctx, a.startFrame)}: listen for whether they ${MOVE_WORDS[move]}`);
      } else if (cue?.firm) {
        tally.pass(cueEvidence(ctx, a, cue, MOVE_WORDS[move]));
      } else if (cue) {
        tally.doubt(cueEvidence(ctx, a, cue, unsureNote(ctx, cue)), `${unsureNote(ctx, cue)}: listen for whether they ${MOVE_WORDS[move]}`);
      } else if (a.unsureBecause) {
        tally.doubt(answerEvidence(a, a.unsureBecause), `${a.unsureBecause} at ${at(ctx, a.startFrame)}: listen for whether they ${MOVE_WORDS[move]}`);
      } else {
        const missing = missingMove(a.cues, a.contentWords, a.kind === 'spoken' ? (a.endFrame - a.startFrame) / ctx.measures.sampleRate : null);
        if (missing.firm && missing.flag) {
          const flag = FLAG_WORDS[missing.flag.id as RedFlagId];
          tally.fail(answerEvidence(a, `did not ${MOVE_WORDS[move]}; ${flag}: "${missing.flag.quote}"`), `did not ${MOVE_WORDS[move]} at ${at(ctx, a.startFrame)}, and ${flag}: "${missing.flag.quote}"`);
        } else if (missing.firm) {
          tally.fail(answerEvidence(a, `did not ${MOVE_WORDS[move]}`), `did not ${MOVE_WORDS[move]} at ${at(ctx, a.startFrame)}`);
        } else {
          // A polite answer may make the move in words no list holds: only a coach can tell.
          tally.doubt(answerEvidence(a, `no wording found that would ${MOVE_WORDS[move]}`), `found no wording that would ${MOVE_WORDS[move]} at ${at(ctx, a.startFrame)}, but nothing rude either: listen`);
        }
      }
    }
  }
  return tally.result(`did ${what} on ${targets.length === 1 ? 'the step that asks for it' : `all ${targets.length} steps that ask for it`}`);
}

export function redFlags(ctx: RuleContext, p: { flags: readonly RedFlagId[]; in: Channel }): RuleResult {
  const answers = judged(ctx);
  if (!answers) return noVocabulary();
  const wanted = new Set(p.flags);
  const heard = answers.filter((a) => inChannel(a, p.in) && a.said);
  if (heard.length === 0) return notApplicable('nothing was said or written to judge');
  const tally = new Tally();
  for (const a of heard) {
    if (!a.known) {
      tally.doubt(answerEvidence(a, 'no transcript for this answer'), `no transcript for the answer at ${at(ctx, a.startFrame)}: listen to it`);
      continue;
    }
    for (const cue of a.cues.filter((c) => c.kind === 'flag' && wanted.has(c.id as RedFlagId))) {
      const flag = FLAG_WORDS[cue.id as RedFlagId];
      if (cue.firm) {
        tally.fail(cueEvidence(ctx, a, cue, flag), `${flag}: "${cue.quote}" at ${at(ctx, cue.startFrame)}`);
      } else {
        tally.doubt(cueEvidence(ctx, a, cue, `possible ${flag}; ${unsureNote(ctx, cue)}`), `possible ${flag}: ${unsureNote(ctx, cue)}`);
      }
    }
  }
  const what = p.flags.map((f) => FLAG_WORDS[f]).join(', ');
  return tally.result(`no ${what} in ${heard.length} answer(s)`);
}

export function factsRight(ctx: RuleContext, p: { in: Channel }): RuleResult {
  const answers = judged(ctx);
  if (!answers) return noVocabulary();
  const targets = answers.filter((a) => inChannel(a, p.in) && (a.goals?.facts ?? []).length > 0);
  if (targets.length === 0) return notApplicable('no step of this call asks for the scenario\'s details');
  const tally = new Tally();
  for (const a of targets) {
    if (!a.said) {
      tally.fail(answerEvidence(a, 'no answer'), `no answer at ${at(ctx, a.startFrame)} where the details were needed`);
      continue;
    }
    if (!a.known) {
      tally.doubt(answerEvidence(a, 'no transcript for this answer'), `no transcript at ${at(ctx, a.startFrame)}: check the details by ear`);
      continue;
    }
    for (const f of a.facts) {
      const where = { startFrame: f.result === 'missing' ? a.startFrame : f.startFrame, endFrame: f.result === 'missing' ? a.endFrame : f.endFrame, stepId: a.stepId };
      const expected = `${f.fact.label} is ${f.fact.value}`;
      if (f.result === 'right') tally.pass({ ...where, quote: f.quote ?? '', note: expected });
      else if (f.result === 'wrong') {
        tally.fail({ ...where, quote: f.quote ?? '', note: `said "${f.quote ?? ''}", but ${expected}` }, `got ${f.fact.label} wrong at ${at(ctx, where.startFrame)}: said "${f.quote ?? ''}", it is ${f.fact.value}`);
      } else if (f.result === 'unsure' || a.unsureBecause || a.partialWords) {
        tally.doubt({ ...where, ...(f.quote ? { quote: f.quote } : {}), note: `${a.unsureBecause ?? 'the recogniser was unsure of these words'}; ${expected}` }, `listen at ${at(ctx, where.startFrame)}: ${expected}`);
      } else {
        tally.fail({ ...answerEvidence(a, `did not give ${f.fact.label} (${f.fact.value})`), ...where }, `did not give ${f.fact.label} (${f.fact.value}) at ${at(ctx, a.startFrame)}`);
      }
    }
  }
  return tally.result('every detail asked for was given right');
}

export function answersEveryStep(ctx: RuleContext, p: { minWords: number }): RuleResult {
  const answers = judged(ctx);
  if (!answers) return noVocabulary();
  if (answers.length === 0) return notApplicable('no step of this call waits for an answer');
  const tally = new Tally();
  for (const a of answers) {
    if (!a.said) {
      tally.fail(answerEvidence(a, 'no answer'), `no answer at ${at(ctx, a.startFrame)}`);
    } else if (!a.known) {
      tally.doubt(answerEvidence(a, 'no transcript for this answer'), `no transcript at ${at(ctx, a.startFrame)}: listen to the answer`);
    } else if (a.contentWords < p.minWords) {
      const seconds = (a.endFrame - a.startFrame) / ctx.measures.sampleRate;
      if (a.partialWords && seconds >= MIN_SPOKEN_ANSWER_SECONDS) {
        // The spotter's words are only the phrases it listened for: the length of the speech says it was an answer.
        tally.pass({ ...answerEvidence(a, `${seconds.toFixed(1)} s of speech`), measured: round(seconds, 1), unit: 's' });
      } else if (a.unsureBecause) {
        tally.doubt(answerEvidence(a, a.unsureBecause), `a very short answer at ${at(ctx, a.startFrame)}, and ${a.unsureBecause}`);
      } else {
        tally.fail({ ...answerEvidence(a, 'a word or two is not an answer'), measured: a.contentWords, threshold: p.minWords, unit: 'words' }, `only "${a.answer.words.map((w) => w.word).join(' ')}" at ${at(ctx, a.startFrame)}`);
      }
    }
  }
  return tally.result(`a real answer on each of ${answers.length} step(s)`);
}
