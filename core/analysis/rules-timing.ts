import type { Evidence } from './findings.js';
import { clock, fail, notApplicable, pass, round, type RuleContext, type RuleResult } from './rule-context.js';

const spoken = (ctx: RuleContext) => ctx.measures.turns.filter((t) => t.kind === 'spoken');

export function noTalkOver(ctx: RuleContext, p: { toleranceSeconds: number }): RuleResult {
  const rate = ctx.measures.sampleRate;
  const evidence: Evidence[] = ctx.measures.talkOver
    .filter((s) => (s.end - s.start) / rate > p.toleranceSeconds)
    .map((s) => ({ startFrame: s.start, endFrame: s.end, ...(s.lineStepId ? { stepId: s.lineStepId } : {}), measured: round((s.end - s.start) / rate), threshold: p.toleranceSeconds, unit: 's', note: 'spoke while the customer was speaking' }));
  if (evidence.length === 0) return ctx.measures.traineeSpeech.length === 0 ? notApplicable('nothing was said') : pass('never spoke over the customer');
  const first = evidence[0];
  return fail(`spoke over the customer for ${first?.measured ?? 0} s at ${clock(first?.startFrame ?? 0, rate)}`, evidence);
}

export function answerLatency(ctx: RuleContext, p: { maxSeconds: number }): RuleResult {
  const rate = ctx.measures.sampleRate;
  const turns = spoken(ctx);
  if (turns.length === 0) return notApplicable('no spoken answers');
  const evidence: Evidence[] = turns.map((t) =>
    t.latencySeconds === null
      ? { startFrame: t.invitedFrame, endFrame: t.endedFrame, stepId: t.stepId, threshold: p.maxSeconds, unit: 's', note: 'no answer' }
      : { startFrame: t.invitedFrame, endFrame: t.speech?.start ?? t.invitedFrame, stepId: t.stepId, measured: round(Math.max(0, t.latencySeconds)), threshold: p.maxSeconds, unit: 's' },
  );
  const late = evidence.filter((e) => e.measured === undefined || e.measured > p.maxSeconds);
  if (late.length === 0) {
    const worst = Math.max(...evidence.map((e) => e.measured ?? 0));
    return pass(`every answer began within ${worst.toFixed(1)} s`, evidence);
  }
  const first = late[0];
  const what = first?.measured === undefined ? 'no answer' : `answered after ${first.measured} s`;
  return fail(`${what} at ${clock(first?.startFrame ?? 0, rate)} (limit ${p.maxSeconds} s)`, late);
}

export function deadAir(ctx: RuleContext, p: { maxSeconds: number }): RuleResult {
  const rate = ctx.measures.sampleRate;
  const evidence: Evidence[] = spoken(ctx).flatMap((t) =>
    t.silences
      .filter((s) => (s.end - s.start) / rate > p.maxSeconds)
      .map((s) => ({ startFrame: s.start, endFrame: s.end, stepId: t.stepId, measured: round((s.end - s.start) / rate), threshold: p.maxSeconds, unit: 's', note: 'silence on the line' })),
  );
  if (evidence.length === 0) return pass(`no silence longer than ${p.maxSeconds} s`);
  const first = evidence[0];
  return fail(`${first?.measured ?? 0} s of silence at ${clock(first?.startFrame ?? 0, rate)}`, evidence);
}

/** Where the trainee was back with the customer after `from`: their next speech, or a resume at `hold.endFrame`. */
function nextCheckIn(ctx: RuleContext, from: number, resumedAt: number | null): number {
  const spoke = ctx.measures.traineeSpeech.find((s) => s.start > from)?.start ?? ctx.timeline.endFrame;
  return resumedAt !== null && resumedAt > from ? Math.min(spoke, resumedAt) : spoke;
}

export function holdCheckIn(ctx: RuleContext, p: { everySeconds?: number | undefined; graceSeconds: number }): RuleResult {
  const rate = ctx.measures.sampleRate;
  const holds = ctx.timeline.holds;
  if (holds.length === 0) return notApplicable('no hold in this call');
  const evidence: Evidence[] = [];
  for (const hold of holds) {
    const every = p.everySeconds ?? hold.checkInEverySeconds;
    if (every === null) continue;
    // From the start of the hold, each check-in must follow the last within the interval,
    // until the trainee is back after the hold ends.
    let longest = { start: hold.startFrame, end: hold.startFrame };
    let at = hold.startFrame;
    for (let guard = 0; guard < 1000; guard++) {
      const next = nextCheckIn(ctx, at, hold.reason === 'resumed' ? hold.endFrame : null);
      if (next - at > longest.end - longest.start) longest = { start: at, end: next };
      if (next >= hold.endFrame || next >= ctx.timeline.endFrame) break;
      at = ctx.measures.traineeSpeech.find((s) => s.start === next)?.end ?? next;
    }
    const seconds = round((longest.end - longest.start) / rate);
    const limit = every + p.graceSeconds;
    evidence.push({ startFrame: longest.start, endFrame: longest.end, stepId: hold.stepId, measured: seconds, threshold: limit, unit: 's', note: seconds > limit ? 'left on hold without a check-in' : 'longest time on hold without hearing from the trainee' });
  }
  if (evidence.length === 0) return notApplicable('no check-in interval set for the holds');
  const over = evidence.filter((e) => (e.measured ?? 0) > (e.threshold ?? Infinity));
  if (over.length === 0) return pass(`checked back in within ${Math.max(...evidence.map((e) => e.measured ?? 0))} s on every hold`, evidence);
  return fail(`${over[0]?.measured ?? 0} s on hold without a check-in at ${clock(over[0]?.startFrame ?? 0, rate)}`, over);
}
