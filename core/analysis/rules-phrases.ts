import type { Scenario } from '../scenario/schema.js';
import type { Evidence } from './findings.js';
import { clock, fail, notApplicable, pass, placedTokens, review, type RuleContext, type RuleResult, turnSpan } from './rule-context.js';
import { findPhrases, quoteAround } from './transcript.js';
import { MIN_WORD_CONFIDENCE } from '../judgement/cues.js';

type Channel = 'spoken' | 'typed' | 'any';
type Where = 'any' | 'first' | 'every' | 'before-hold' | 'after-hold';

/** Indexes of the answers a phrase rule reads. */
function answerIndexes(ctx: RuleContext, channel: Channel, where: Where = 'any'): number[] {
  const turns = ctx.measures.turns;
  const all = turns.flatMap((t, i) => (channel === 'any' || t.kind === channel ? [i] : []));
  if (where === 'first') return all.slice(0, 1);
  if (where === 'before-hold' || where === 'after-hold') {
    // Permission is asked before the first hold; a check-in can lead back into the same hold.
    const holds = where === 'before-hold' ? ctx.timeline.holds.slice(0, 1) : ctx.timeline.holds;
    return holds.flatMap((hold) => {
      const pick = where === 'before-hold' ? all.findLast((i) => (turns[i]?.endedFrame ?? Infinity) <= hold.startFrame) : all.find((i) => (turns[i]?.invitedFrame ?? -1) >= hold.endFrame);
      return pick === undefined ? [] : [pick];
    });
  }
  return all;
}

function hitsIn(ctx: RuleContext, index: number, phrases: readonly string[]): Evidence[] {
  const placed = placedTokens(ctx, index);
  const words = placed.map((p) => p.token);
  const stepId = ctx.measures.turns[index]?.stepId;
  return findPhrases(words, phrases).map((hit) => ({
    startFrame: placed[hit.from]?.startFrame ?? 0,
    endFrame: placed[hit.to - 1]?.endFrame ?? 0,
    ...(stepId ? { stepId } : {}),
    quote: quoteAround(words, hit),
    note: `"${hit.phrase}"`,
  }));
}

/** Spoken answers without a transcript cannot be judged on words. */
function untranscribed(ctx: RuleContext, indexes: readonly number[]): Evidence[] {
  return indexes.flatMap((i) => {
    const t = ctx.measures.turns[i];
    if (!t || t.kind !== 'spoken' || t.transcribed || !t.speech) return [];
    return [{ ...turnSpan(t), stepId: t.stepId, note: 'no transcript for this answer' }];
  });
}

/**
 * A phrase missing from a spoken answer whose transcript has words the recogniser was unsure of
 * may be hidden in them ("thank you" heard as "think ewe"): that absence is for the coach, never
 * a fail. Evidence for that answer, or nothing when every word was heard with confidence.
 */
function unsureWordsIn(ctx: RuleContext, index: number): Evidence[] {
  const turn = ctx.measures.turns[index];
  const words = ctx.transcripts[index]?.words ?? [];
  if (!turn || turn.kind !== 'spoken') return [];
  const unsure = words.filter((w) => (w.confidence ?? 1) < MIN_WORD_CONFIDENCE);
  const first = unsure[0];
  const last = unsure[unsure.length - 1];
  if (!first || !last) return [];
  const heard = unsure.map((w) => w.word).join(' ');
  return [{ startFrame: first.startFrame, endFrame: last.endFrame, stepId: turn.stepId, quote: words.map((w) => w.word).join(' '), note: `the recogniser was unsure of '${heard}'` }];
}

export function phrasesAbsent(ctx: RuleContext, p: { phrases: readonly string[]; in: Channel }): RuleResult {
  const indexes = answerIndexes(ctx, p.in);
  const hits = indexes.flatMap((i) => hitsIn(ctx, i, p.phrases));
  const rate = ctx.measures.sampleRate;
  if (hits.length > 0) {
    const first = hits[0];
    const more = hits.length > 1 ? ` (and ${hits.length - 1} more)` : '';
    return fail(`said or wrote ${first?.note ?? ''} at ${clock(first?.startFrame ?? 0, rate)}${more}`, hits);
  }
  const missing = untranscribed(ctx, indexes);
  if (missing.length > 0) return review('some spoken answers have no transcript to check', missing);
  if (indexes.length === 0) return notApplicable('no answers of this kind to check');
  if (indexes.every((i) => (ctx.measures.turns[i]?.words.length ?? 0) === 0)) return notApplicable('nothing was said or written to check');
  return pass(`none of the ${p.phrases.length} phrases in ${indexes.length} answer(s)`);
}

export function phrasesPresent(ctx: RuleContext, p: { phrases: readonly string[]; in: Channel; where: Where }): RuleResult {
  const indexes = answerIndexes(ctx, p.in, p.where);
  if (indexes.length === 0) {
    const none = p.where === 'before-hold' || p.where === 'after-hold' ? 'no hold in this call' : 'no answers of this kind';
    return notApplicable(`${none}`);
  }
  const perAnswer = indexes.map((i) => ({ i, hits: hitsIn(ctx, i, p.phrases) }));
  const missing = perAnswer.filter((a) => a.hits.length === 0);
  const found = perAnswer.flatMap((a) => a.hits);
  const needAll = p.where === 'every' || p.where === 'before-hold' || p.where === 'after-hold';
  const ok = needAll ? missing.length === 0 : found.length > 0;
  const rate = ctx.measures.sampleRate;
  if (ok) return pass(`${found[0]?.note ?? 'found'} at ${clock(found[0]?.startFrame ?? 0, rate)}`, found);
  const gaps = untranscribed(ctx, missing.map((a) => a.i));
  if (gaps.length > 0) return review('not found, but some spoken answers have no transcript', gaps);
  const doubts = missing.flatMap(({ i }) => unsureWordsIn(ctx, i));
  if (doubts.length > 0 && doubts.length === missing.length) {
    const first = doubts[0];
    return review(`not found, but ${first?.note ?? ''} at ${clock(first?.startFrame ?? 0, rate)}: listen for ${p.phrases.slice(0, 2).map((x) => `"${x}"`).join(' or ')}`, doubts);
  }
  const evidence: Evidence[] = missing.flatMap(({ i }) => {
    const t = ctx.measures.turns[i];
    if (!t) return [];
    const text = t.words.join(' ');
    return [{ ...turnSpan(t), stepId: t.stepId, ...(text ? { quote: text.length > 160 ? `${text.slice(0, 157)}...` : text } : {}), note: 'none of the phrases here' }];
  });
  return fail(`none of the phrases (${p.phrases.slice(0, 3).map((x) => `"${x}"`).join(', ')}, ...) ${needAll ? 'in every answer that needs one' : 'anywhere'}`, evidence);
}

/** The customer's names as they would be said ("Dana", "Whitfield"). */
export function customerNames(scenario: Scenario): string[] {
  return scenario.customer.name.split(/\s+/).filter((n) => n.length > 1);
}

/**
 * The name in the recogniser's words passes. A name the transcript lacks but the phrase spotter
 * heard in the audio is needs-review (recognisers often miss names); neither is a fail.
 */
export function usesCustomerName(ctx: RuleContext, p: { in: Channel }): RuleResult {
  const names = customerNames(ctx.scenario);
  const result = phrasesPresent(ctx, { phrases: names, in: p.in, where: 'any' });
  if (result.status !== 'fail') return result;
  const heard = (ctx.judged ?? []).filter((a) => a.nameHeard === true && (p.in === 'any' || a.kind === p.in));
  const first = heard[0];
  if (first) {
    const evidence: Evidence[] = heard.map((a) => ({ startFrame: a.startFrame, endFrame: a.endFrame, stepId: a.stepId, note: 'the phrase spotter heard the name here; the transcript lacks it' }));
    return review(`the transcript lacks the name, but the phrase spotter heard "${names.join(' ')}" at ${clock(first.startFrame, ctx.measures.sampleRate)}: listen`, evidence);
  }
  return fail(`did not use the customer's name (${names.join(' ')}) in any answer`, result.evidence);
}
