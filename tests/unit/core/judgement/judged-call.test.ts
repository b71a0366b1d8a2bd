import { describe, expect, it } from 'vitest';
import { analyzeSession, type SessionAnalysis } from '../../../../core/analysis/analyze.js';
import type { Finding } from '../../../../core/analysis/findings.js';
import { transcriptionSpans } from '../../../../core/analysis/measure.js';
import { buildTimeline } from '../../../../core/analysis/timeline.js';
import type { TurnTranscript } from '../../../../core/analysis/transcript.js';
import type { SessionEvent } from '../../../../core/session/events.js';
import { buildSession, evenTranscript, RATE, type Built, type Part } from '../../../support/synthetic-session.js';
import { shippedScenario, shippedVocabulary } from '../../../support/judgement-fixtures.js';
import { shippedChecklists, voice } from '../analysis/session-fixtures.js';

/** The angry caller, answered as in issue 14: not at all, or curtly; she cancels either way. */
const scenario = shippedScenario('angry-caller');
const line = (id: string) => {
  const step = scenario.steps.find((s) => s.id === id);
  return voice(step && 'say' in step ? step.say : '', 'us-slt');
};

function angryCall(first: string, second: string): { built: Built; texts: Record<string, string> } {
  const parts: Part[] = [
    { say: 'open', clip: line('open') },
    { listen: 'first-answer', answer: first ? voice(first, 'kal') : null, delaySeconds: 0.6 },
    { say: 'escalate', clip: line('escalate') },
    { listen: 'second-answer', answer: second ? voice(second, 'kal') : null, delaySeconds: 0.6 },
    { say: 'hang-up-angry', clip: line('hang-up-angry') },
  ];
  const built = buildSession(parts, 'angry-caller');
  // The branches the app took, just before each line began.
  const startOf = (stepId: string) => built.events.find((e) => e.type === 'line-started' && e.stepId === stepId)?.frame ?? 0;
  const branches: SessionEvent[] = [
    { type: 'branch-taken', frame: startOf('escalate') - 1, stepId: 'read-first', rule: null, to: 'escalate' },
    { type: 'branch-taken', frame: startOf('hang-up-angry') - 1, stepId: 'read-second', rule: null, to: 'hang-up-angry' },
  ];
  const events = [...built.events, ...branches].sort((a, b) => a.frame - b.frame);
  return { built: { ...built, events }, texts: { 'first-answer': first, 'second-answer': second } };
}

function analyse({ built, texts }: ReturnType<typeof angryCall>, engine = 'test', heardTexts: Record<string, string> = texts): SessionAnalysis {
  const audio = { sampleRate: RATE, customer: built.customer, trainee: built.trainee };
  const timeline = buildTimeline(scenario, built.events, built.trainee.length);
  const spans = transcriptionSpans(audio, timeline);
  const transcripts: (TurnTranscript | null)[] = timeline.answers.map((a, i) => {
    const span = spans[i];
    const text = heardTexts[a.stepId];
    return span && text !== undefined && texts[a.stepId] ? evenTranscript(text, span.start, span.end) : null;
  });
  return analyzeSession({ sessionId: 'angry-session-1', scenario, events: built.events, audio, transcripts, checklists: shippedChecklists(), isWord: null, vocabulary: shippedVocabulary(), transcriber: { engine } });
}

const item = (a: SessionAnalysis, key: string): Finding => {
  const f = a.findings.find((x) => `${x.checklist}/${x.item}` === key);
  if (!f) throw new Error(`no ${key}`);
  return f;
};

describe('a call where the trainee says nothing', () => {
  const silent = analyse(angryCall('', ''));

  it('passes no respect or patience item because nothing was said', () => {
    const passed = silent.findings.filter((f) => f.status === 'pass').map((f) => `${f.checklist}/${f.item}: ${f.summary}`);
    expect(passed).toEqual([]);
    expect(item(silent, 'respect/no-red-flags').status).toBe('not-applicable');
    expect(item(silent, 'respect/acknowledges')).toMatchObject({ status: 'fail' });
    expect(item(silent, 'patience/answers-every-step').status).toBe('fail');
  });

  it('fails the step goal that made the customer cancel, with her line as evidence', () => {
    expect(silent.outcome).toMatchObject({ outcome: 'cancelled', item: 'respect/gives-next-step', answerStepId: 'second-answer' });
    const nextStep = item(silent, 'respect/gives-next-step');
    expect(nextStep.status).toBe('fail');
    expect(nextStep.evidence.map((e) => e.quote)).toContain("No. I'm not ringing a fourth time. I'm cancelling my account. Goodbye.");
  });
});

describe('a curt answer', () => {
  const curt = analyse(angryCall('calm down it will sort itself out', "that's not my problem ask your bank"));

  it('fails the red flags with the quotes, and the outcome on the item that caused it', () => {
    const flags = item(curt, 'respect/no-red-flags');
    expect(flags.status).toBe('fail');
    expect(flags.evidence.map((e) => e.quote)).toEqual(expect.arrayContaining(['calm down', 'not my problem']));
    expect(item(curt, 'respect/acknowledges').status).toBe('fail');
    expect(item(curt, 'respect/gives-next-step').evidence.some((e) => e.quote?.includes('cancelling my account'))).toBe(true);
  });

  it('gives the same findings, to the byte, every time', () => {
    const again = analyse(angryCall('calm down it will sort itself out', "that's not my problem ask your bank"));
    expect(JSON.stringify(again)).toBe(JSON.stringify(curt));
  });
});

describe('an answer the lists do not cover', () => {
  // Issue 14's example: acknowledging in words no list holds. Not a fail: the coach listens.
  const polite = analyse(angryCall('Goodness, after all that waiting too. I am going to go through the charges with you now.', ''));
  const paraphrase = analyse(angryCall('What a mess to come back to. Let me put it right for you now.', ''));
  const empathy = analyse(angryCall('That sounds really frustrating on top of the wait. Let me look at the account with you.', ''));
  const rude = analyse(angryCall('Look, these things happen all the time, calm down and stop shouting at me please.', ''));
  const short = analyse(angryCall('Okay then, right.', ''));

  it('sends a polite answer without the listed wordings to the coach, never to a fail', () => {
    const acknowledges = item(polite, 'respect/acknowledges');
    expect(acknowledges.status).toBe('needs-review');
    expect(acknowledges.summary).toMatch(/found no wording that would acknowledge the problem at 0:\d\d(\.\d)?, but nothing rude either/);
    const first = acknowledges.evidence.find((e) => e.stepId === 'first-answer');
    expect(first?.quote).toContain('waiting');
  });

  it('hears acknowledging in words of its own: the issue\'s example, and an empathy statement', () => {
    expect(item(paraphrase, 'respect/acknowledges').status).toBe('pass');
    expect(item(empathy, 'respect/acknowledges').status).toBe('pass');
  });

  it('fails the missing move when the same answer has a firm red flag, naming it', () => {
    const acknowledges = item(rude, 'respect/acknowledges');
    expect(acknowledges.status).toBe('fail');
    expect(acknowledges.summary).toMatch(/calm down/);
  });

  it('fails the missing move on an answer too short to hold a paraphrase', () => {
    expect(item(short, 'respect/acknowledges').status).toBe('fail');
  });
});

describe('a call heard by the phrase spotter alone (no free transcript)', () => {
  // The spotter reports only the phrases it listened for: of a long polite answer, just "i'm sorry".
  const said = { first: 'I am so sorry about this, let me have a proper look at both of those payments for you now.', second: "I'll refund the second payment today and email you the confirmation within the hour." };
  const spotted = analyse(angryCall(said.first, said.second), 'soundswallower-spotter 0.6.3', { 'first-answer': "i'm sorry", 'second-answer': 'refund the second payment today' });

  it('takes a long answer for an answer, whatever few words were spotted in it', () => {
    expect(item(spotted, 'patience/answers-every-step').status).toBe('pass');
  });

  it('sends a move it did not spot in a long answer to the coach, never to a fail', () => {
    expect(item(spotted, 'respect/acknowledges').status).toBe('needs-review');
    expect(spotted.findings.filter((f) => f.status === 'fail').map((f) => f.item)).toEqual([]);
  });
});
