import type { TurnMeasure } from '../analysis/measure.js';
import type { TurnTranscript } from '../analysis/transcript.js';
import type { Fact, StepGoals } from '../scenario/goals-schema.js';
import type { Scenario, Step } from '../scenario/schema.js';
import { analyseAnswer, contentWeight, cueSetFor, findCues, MIN_WORD_CONFIDENCE, type AnalysedAnswer, type AnswerWord, type Cue } from './cues.js';
import { checkFact, type FactCheck } from './facts.js';
import { topicalCue, topicOf } from './topic.js';
import type { Vocabulary } from './vocabulary-schema.js';

/**
 * Each answer of a call read once for the judgement: its words (with the recogniser's
 * confidence), the moves and red flags found in it, and its facts. The checklist rules
 * (core/analysis/rules-goals.ts) turn these into findings.
 */

/** Below this active-speech level the recogniser's words are not to be trusted (dBFS). */
export const QUIET_SPEECH_DB = -45;
/** An answer with more than this share of unsure words is unsure as a whole. */
export const UNSURE_ANSWER_SHARE = 0.3;

export interface JudgedAnswer {
  readonly index: number;
  readonly stepId: string;
  readonly kind: 'spoken' | 'typed';
  readonly goals: StepGoals | undefined;
  /** A repeat step: the customer asked for the same answer again. */
  readonly isRepeat: boolean;
  /** Something was said (speech on the mic) or written. */
  readonly said: boolean;
  /** Its words are known (typed, or transcribed). */
  readonly known: boolean;
  readonly answer: AnalysedAnswer;
  readonly contentWords: number;
  readonly cues: readonly Cue[];
  readonly facts: readonly FactCheck[];
  /** Whether the phrase spotter heard the customer's name in this answer; null when not asked. */
  readonly nameHeard: boolean | null;
  /**
   * Its words are only the phrases a phrase spotter listened for (no free transcript): a missing
   * word proves nothing, so length is judged by the speech, and a missing fact is for the coach.
   */
  readonly partialWords: boolean;
  /** Why the recogniser's words for this answer are not to be trusted, or null. */
  readonly unsureBecause: string | null;
  readonly startFrame: number;
  readonly endFrame: number;
}

function goalsOf(step: Step | undefined): StepGoals | undefined {
  if (!step) return undefined;
  if ('listen' in step || 'type' in step || 'repeat' in step) return step.goals;
  return undefined;
}

function wordsOf(turn: TurnMeasure, transcript: TurnTranscript | null): AnswerWord[] {
  if (turn.kind === 'typed') {
    return [{ word: turn.text ?? '', startFrame: turn.invitedFrame, endFrame: turn.endedFrame, confidence: 1 }];
  }
  return (transcript?.words ?? []).map((w) => ({ word: w.word, startFrame: w.startFrame, endFrame: w.endFrame, confidence: w.confidence ?? 1 }));
}

function unsureReason(turn: TurnMeasure, words: readonly AnswerWord[]): string | null {
  if (turn.kind === 'typed') return null;
  if (turn.loudnessDb !== null && turn.loudnessDb < QUIET_SPEECH_DB) return `the answer was too quiet to hear reliably (${turn.loudnessDb.toFixed(0)} dBFS)`;
  if (words.length === 0) return null;
  const unsure = words.filter((w) => w.confidence < MIN_WORD_CONFIDENCE);
  if (unsure.length / words.length > UNSURE_ANSWER_SHARE) return `the recogniser was unsure of ${unsure.length} of ${words.length} words`;
  return null;
}

/** The key of a cue for the audio check: answer index, what it is, where. */
export function cueKey(index: number, cue: Cue): string {
  return `${index}:${cue.kind}:${cue.id}:${cue.startFrame}`;
}

/** The key of an answer's name check for the audio check. */
export function nameKey(index: number): string {
  return `${index}:name`;
}

/**
 * What the phrase spotter heard of the transcript's red flags: key (cueKey) -> whether the
 * quoted words were found in the audio. A red flag the transcript has and the audio does not
 * is needs-review; one both agree on stays firm. Also (nameKey) whether it heard the customer's
 * name in an answer whose transcript lacks it. Absent: not checked (no spotter).
 */
export type AudioCheck = Readonly<Record<string, boolean>>;

const NOT_HEARD = 'the transcript has these words but the phrase spotter did not find them in the audio';

export function judgeAnswers(
  scenario: Scenario,
  turns: readonly TurnMeasure[],
  transcripts: readonly (TurnTranscript | null)[],
  vocabulary: Vocabulary,
  audioCheck: AudioCheck = {},
  options: { readonly partialWords?: boolean } = {},
): JudgedAnswer[] {
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  const facts = new Map<string, Fact>((scenario.facts ?? []).map((f) => [f.id, f]));
  return turns.map((turn, index) => {
    const step = steps.get(turn.stepId);
    const goals = goalsOf(step);
    const transcript = transcripts[index] ?? null;
    const words = wordsOf(turn, transcript);
    const answer = turn.kind === 'typed' ? analyseAnswer(words, turn.text ?? '') : analyseAnswer(words);
    const said = turn.kind === 'typed' ? (turn.text ?? '').trim().length > 0 : turn.speech !== null;
    const known = turn.kind === 'typed' || transcript !== null;
    const found = known ? findCues(answer, cueSetFor(vocabulary, goals)) : [];
    const cues = [...found];
    if (known && step && goals?.expect.some((e) => e.move === 'plain-answer') && !cues.some((c) => c.id === 'plain-answer' && c.firm)) {
      const onTopic = topicalCue(answer, topicOf(scenario, step));
      if (onTopic) cues.push(onTopic);
    }
    const factChecks = known ? (goals?.facts ?? []).flatMap((id) => {
      const fact = facts.get(id);
      return fact ? [checkFact(fact, answer)] : [];
    }) : [];
    const span = turn.speech ? { startFrame: turn.speech.start, endFrame: turn.speech.end } : { startFrame: turn.invitedFrame, endFrame: turn.endedFrame };
    return withHeard({
      index,
      stepId: turn.stepId,
      kind: turn.kind,
      goals,
      isRepeat: step !== undefined && 'repeat' in step,
      said,
      known,
      answer,
      contentWords: contentWeight(answer),
      cues,
      facts: factChecks,
      nameHeard: null,
      partialWords: turn.kind === 'spoken' && options.partialWords === true,
      unsureBecause: unsureReason(turn, words),
      ...span,
    }, audioCheck);
  });
}

/**
 * What the phrase spotter's audio check changes in a judged answer (the one place it is applied):
 * a firm red flag it did not hear is doubted; the name check is kept. Nothing judged before it
 * depends on it (the topical plain answer is a move), so it can come after the judging.
 */
function withHeard(answer: JudgedAnswer, audioCheck: AudioCheck): JudgedAnswer {
  const cues = answer.cues.map((c) => (c.kind === 'flag' && c.firm && audioCheck[cueKey(answer.index, c)] === false ? { ...c, firm: false, doubt: NOT_HEARD } : c));
  return { ...answer, cues, nameHeard: audioCheck[nameKey(answer.index)] ?? null };
}

/** Answers judged without an audio check, with one: the same as judgeAnswers with it, without judging again. */
export function withAudioCheck(judged: readonly JudgedAnswer[], audioCheck: AudioCheck): JudgedAnswer[] {
  return judged.map((a) => withHeard(a, audioCheck));
}
