import { describe, expect, it } from 'vitest';
import { analyzeSession, type SessionAnalysis } from '../../../../core/analysis/analyze.js';
import type { Finding } from '../../../../core/analysis/findings.js';
import { transcriptionSpans } from '../../../../core/analysis/measure.js';
import { buildTimeline } from '../../../../core/analysis/timeline.js';
import type { TurnTranscript } from '../../../../core/analysis/transcript.js';
import { buildSession, evenTranscript, RATE, type Built, type Part } from '../../../support/synthetic-session.js';
import { shippedScenario, shippedVocabulary } from '../../../support/judgement-fixtures.js';
import { clipOf, IMPATIENT_NOT_LISTENING, PATIENT_NOT_LISTENING, shippedChecklists, voice } from './session-fixtures.js';

const checklists = shippedChecklists();
const vocabulary = shippedVocabulary();
const fixtureScenario = shippedScenario;

/** Analyses a built session with the answers' own texts as transcripts (no recogniser needed). */
function analyse(scenarioId: string, built: Built, texts: Record<string, string>, isWord: ((w: string) => boolean) | null = null): SessionAnalysis {
  const scenario = fixtureScenario(scenarioId);
  const audio = { sampleRate: RATE, customer: built.customer, trainee: built.trainee };
  const timeline = buildTimeline(scenario, built.events, built.trainee.length);
  const spans = transcriptionSpans(audio, timeline);
  const transcripts: (TurnTranscript | null)[] = timeline.answers.map((a, i) => {
    const span = spans[i];
    const text = texts[a.stepId];
    return span && text ? evenTranscript(text, span.start, span.end) : null;
  });
  return analyzeSession({ sessionId: 'test-session-1', scenario, events: built.events, audio, transcripts, checklists, isWord, vocabulary, transcriber: { engine: 'test' } });
}

function finding(a: SessionAnalysis, checklist: string, item: string): Finding {
  const f = a.findings.find((x) => x.checklist === checklist && x.item === item);
  if (!f) throw new Error(`no finding ${checklist}/${item}; have ${a.findings.map((x) => `${x.checklist}/${x.item}`).join(', ')}`);
  return f;
}

const REPEATS = ['again-1', 'again-2', 'again-3'];

function notListening(answers: readonly string[], gains: readonly number[], delays: readonly number[]): { built: Built; texts: Record<string, string> } {
  const clip = (id: string) => clipOf('not-listening', id);
  const v = (i: number) => voice(answers[i] ?? '', i % 2 === 0 ? 'us-slt' : 'kal');
  const parts: Part[] = [
    { say: 'ask-why', clip: clip('ask-why') },
    { listen: 'answer', answer: v(0), delaySeconds: delays[0] ?? 0.5, gainDb: gains[0] ?? 0 },
    ...REPEATS.map((id, i): Part => ({ listen: id, repeat: { clip: clip(id) }, answer: v(i + 1), delaySeconds: delays[i + 1] ?? 0.5, gainDb: gains[i + 1] ?? 0 })),
    { say: 'wrap-up', clip: clip('wrap-up') },
  ];
  const built = buildSession(parts, 'not-listening');
  const texts = Object.fromEntries(['answer', ...REPEATS].map((id, i) => [id, answers[i] ?? '']));
  return { built, texts };
}

describe('analysis of the not-listening interview', () => {
  const patient = notListening(PATIENT_NOT_LISTENING, [0, 0, 0, 0], [0.6, 0.5, 0.7, 0.6]);
  // Curt repeats, louder each time; the last one cuts in over the interviewer's line.
  const impatient = notListening(IMPATIENT_NOT_LISTENING, [0, 6, 9, 12], [0.6, 4.5, 0.3, -1.5]);
  const good = analyse('not-listening', patient.built, patient.texts);
  const bad = analyse('not-listening', impatient.built, impatient.texts);

  it('measures each answer where it was placed', () => {
    expect(good.turns.map((t) => t.stepId)).toEqual(['answer', ...REPEATS]);
    for (const t of good.turns) {
      const truth = patient.built.answers[t.stepId];
      expect(t.speech, t.stepId).not.toBeNull();
      expect(Math.abs((t.speech?.start ?? 0) - (truth?.start ?? 0)) / RATE, `${t.stepId} onset`).toBeLessThanOrEqual(0.03);
      expect(t.latencySeconds).toBeGreaterThan(0.5);
      expect(t.latencySeconds).toBeLessThan(1.2);
      expect(t.wordsPerMinute).toBeGreaterThan(100);
    }
  });

  it('passes the patient answers on every automatic item, with nothing to review but coach-only items', () => {
    const auto = good.findings.filter((f) => f.kind === 'auto');
    expect(auto.filter((f) => f.status !== 'pass' && f.status !== 'not-applicable').map((f) => `${f.item}: ${f.status} ${f.summary}`)).toEqual([]);
    expect(good.findings.filter((f) => f.kind === 'coach-only').every((f) => f.status === 'needs-review')).toBe(true);
    // No step of the interview asks for an apology: not applicable, never a pass.
    expect(finding(good, 'respect', 'apologises').status).toBe('not-applicable');
  });

  it('fails the impatient answers on red flags, repeats, voice, latency and talk-over, with evidence', () => {
    const phrases = finding(bad, 'respect', 'no-red-flags');
    expect(phrases.status).toBe('fail');
    const quotes = phrases.evidence.map((e) => (e.quote ?? '').toLowerCase().replace(/[.,]/g, ''));
    expect(quotes.some((q) => q.includes('already said'))).toBe(true);
    expect(quotes.some((q) => q.includes('calm down'))).toBe(true);
    const calm = phrases.evidence.find((e) => e.quote?.toLowerCase().includes('calm down'));
    const truth = impatient.built.answers['again-3'];
    expect(calm?.stepId).toBe('again-3');
    expect(calm?.startFrame).toBeGreaterThanOrEqual((truth?.start ?? 0) - 0.25 * RATE);
    expect(calm?.endFrame).toBeLessThanOrEqual((truth?.end ?? 0) + 0.25 * RATE);

    const repeats = finding(bad, 'patience', 'repeats-in-full');
    expect(repeats.status).toBe('fail');
    expect(new Set(repeats.evidence.map((e) => e.stepId))).toEqual(new Set(REPEATS));
    expect(repeats.evidence.some((e) => e.note === 'shorter than the first answer' && (e.measured ?? 1) < 0.6 && e.threshold === 0.6)).toBe(true);

    const steady = finding(bad, 'respect', 'voice-steady');
    expect(steady.status).toBe('fail');
    expect(steady.evidence.find((e) => e.stepId === 'again-3' && e.unit === 'dB')?.measured).toBeGreaterThan(9);

    const latency = finding(bad, 'patience', 'answers-promptly');
    expect(latency.status).toBe('fail');
    expect(latency.evidence.map((e) => e.stepId)).toEqual(['again-1']);
    expect(latency.evidence[0]?.measured).toBeGreaterThan(4);

    const over = finding(bad, 'respect', 'no-talk-over');
    expect(over.status).toBe('fail');
    expect(over.evidence[0]?.stepId).toBe('again-3');
    expect(over.evidence[0]?.measured).toBeGreaterThan(0.5);
  });

  it('gives the same analysis, to the byte, every time', () => {
    const again = analyse('not-listening', impatient.built, impatient.texts);
    expect(JSON.stringify(again)).toBe(JSON.stringify(bad));
  });
});

describe('analysis of the long hold', () => {
  const scenarioId = 'long-hold';
  const clip = (id: string) => clipOf(scenarioId, id);
  function run(answers: Record<string, string>, hold: { seconds: number }, typed: string, isWord: (w: string) => boolean) {
    const parts: Part[] = [
      { say: 'complain-wait', clip: clip('complain-wait') },
      { listen: 'answer-wait', answer: voice(answers['answer-wait'] ?? ''), delaySeconds: 0.6 },
      { say: 'hold-ok', clip: clip('hold-ok') },
      { hold: 'on-hold', seconds: hold.seconds },
      { listen: 'check-in', answer: voice(answers['check-in'] ?? ''), delaySeconds: 0.6 },
      { say: 'check-in-ok', clip: clip('check-in-ok') },
      { hold: 'on-hold-more', seconds: 4 },
      { listen: 'answer-back', answer: voice(answers['answer-back'] ?? ''), delaySeconds: 0.6 },
      { say: 'thank-close', clip: clip('thank-close') },
      { type: 'account-note', text: typed, seconds: 20 },
    ];
    const built = buildSession(parts, scenarioId);
    return analyse(scenarioId, built, answers, isWord);
  }
  const dictionary = new Set('customer waited twenty minutes apologised replacement router not delivered courier will call back tomorrow by noon with tracking i you we your the it was and'.split(' '));
  const isWord = (w: string) => dictionary.has(w.toLowerCase());

  it('passes hold etiquette and the step goals when the trainee asks, and fails them when they do not', () => {
    const good = run(
      {
        'answer-wait': "I'm so sorry about the wait, Dana. May I put you on hold for a moment while I check the order?",
        'check-in': "Thanks for holding, Dana. I'm still checking with the courier, one more minute.",
        'answer-back': 'Thank you for waiting. Your router ships tomorrow, and I will text you the tracking number.',
      },
      { seconds: 6 },
      'Customer waited twenty minutes. I apologised. Replacement router not delivered. Courier will call back tomorrow by noon with tracking.',
      isWord,
    );
    const bad = run(
      {
        'answer-wait': 'Okay. What is your order number?',
        'check-in': 'Yeah.',
        'answer-back': 'Right. It is coming.',
      },
      { seconds: 75 },
      'Custmer was rude, obviously its your fault.',
      isWord,
    );
    for (const item of ['asks-before-hold', 'checks-back-in']) {
      expect(finding(good, 'patience', item).status, `good ${item}`).toBe('pass');
      expect(finding(bad, 'patience', item).status, `bad ${item}`).toBe('fail');
    }
    const left = finding(bad, 'patience', 'checks-back-in').evidence[0];
    // checkInEverySeconds 6 plus the rule's 3 s grace.
    expect(left).toMatchObject({ threshold: 9, unit: 's', stepId: 'on-hold' });
    expect(left?.measured).toBeGreaterThan(75);
    expect(left?.measured).toBeLessThan(80);
    for (const item of ['apologises', 'gives-next-step', 'uses-name']) {
      expect(finding(good, 'respect', item).status, `good ${item}`).toBe('pass');
      expect(finding(bad, 'respect', item).status, `bad ${item}`).toBe('fail');
    }
    expect(finding(good, 'respect', 'no-red-flags').status).toBe('pass');
    expect(finding(bad, 'respect', 'no-red-flags').evidence.some((e) => e.stepId === 'account-note')).toBe(true);
    expect(good.checklists).toContain('writing');
    expect(finding(good, 'writing', 'spelling').status).toBe('pass');
    expect(finding(bad, 'writing', 'spelling').status).toBe('fail');
    expect(finding(bad, 'writing', 'spelling').evidence[0]?.quote).toContain('Custmer');
  });
});

describe('the checklists in force', () => {
  it('are a tryout’s own list when the session has one, else the scenario’s', () => {
    const { built, texts } = notListening(['I am listening', 'Of course', 'Sure, again', 'No problem'], [0, 0, 0, 0], [0.5, 0.5, 0.5, 0.5]);
    const scenario = fixtureScenario('not-listening');
    const audio = { sampleRate: RATE, customer: built.customer, trainee: built.trainee };
    const base = { sessionId: 'test-session-1', scenario, events: built.events, audio, transcripts: [], checklists, isWord: null, transcriber: { engine: 'test' } };
    expect(Object.keys(texts)).toContain('answer');
    const byScenario = analyzeSession(base);
    expect(byScenario.checklists).toEqual(scenario.checklists.length > 0 ? scenario.checklists : ['respect', 'patience']);
    const inForce = analyzeSession({ ...base, checklistsInForce: ['respect'] });
    expect(inForce.checklists).toEqual(['respect']);
    expect(new Set(inForce.findings.map((f) => f.checklist))).toEqual(new Set(['respect']));
  });
});
