import type { Scenario, Step } from '../scenario/schema.js';
import { MIN_WORD_CONFIDENCE, type AnalysedAnswer, type Cue } from './cues.js';
import { analyseText } from './text.js';
import { isContent } from './wording-match.js';

/**
 * "Answers the question" (the plain-answer move) cannot be listed in wordings: an interview
 * question has as many good answers as candidates. It is made when the answer talks about what
 * the step is about: at least TOPIC_WORDS distinct content words shared with the customer's
 * question, the step's hint, its example answers and its model answer.
 */
export const TOPIC_WORDS = 2;

const NOT_TOPICAL = new Set(['not', 'never', 'no', 'yes', 'okay', 'ok', 'right', 'sure', 'yeah', 'thing', 'thank', 'please', 'sorry', 'again', 'say', 'said', 'tell', 'know']);

function lineBefore(scenario: Scenario, stepId: string): string {
  const index = scenario.steps.findIndex((s) => s.id === stepId);
  for (let i = index; i >= 0; i--) {
    const s = scenario.steps[i];
    if (s && 'say' in s) return s.say;
    if (s && 'repeat' in s) return s.repeat.say;
    if (s && 'type' in s && i === index) return `${s.type.prompt} ${s.type.message ?? ''}`;
  }
  return '';
}

/** The content lemmas of what a step is about. */
export function topicOf(scenario: Scenario, step: Step): Set<string> {
  const texts = [lineBefore(scenario, step.id)];
  if ('listen' in step && step.listen.hint) texts.push(step.listen.hint);
  const goals = 'listen' in step || 'type' in step || 'repeat' in step ? step.goals : undefined;
  if (goals?.modelAnswer) texts.push(goals.modelAnswer);
  for (const e of goals?.expect ?? []) if (e.move === 'plain-answer') texts.push(...e.examples);
  return new Set(texts.flatMap((t) => analyseText(t)).filter((t) => isContent(t) && t.lemma.length >= 3 && !NOT_TOPICAL.has(t.lemma)).map((t) => t.lemma));
}

/** A plain-answer cue when the answer is on the step's topic, else null. */
export function topicalCue(answer: AnalysedAnswer, topic: ReadonlySet<string>): Cue | null {
  const hits = answer.tokens.filter((t) => !t.negated && topic.has(t.lemma));
  const lemmas = [...new Set(hits.map((t) => t.lemma))];
  if (lemmas.length < TOPIC_WORDS) return null;
  const words = hits.map((t) => answer.words[t.source]).filter((w) => w !== undefined);
  const unsure = words.filter((w) => w.confidence < MIN_WORD_CONFIDENCE);
  const sure = new Set(hits.filter((t) => (answer.words[t.source]?.confidence ?? 0) >= MIN_WORD_CONFIDENCE).map((t) => t.lemma));
  return {
    kind: 'move',
    id: 'plain-answer',
    example: `on the question: ${lemmas.slice(0, 4).join(', ')}`,
    score: 1,
    firm: sure.size >= TOPIC_WORDS,
    quote: answer.words.map((w) => w.word).join(' '),
    startFrame: words[0]?.startFrame ?? 0,
    endFrame: words[words.length - 1]?.endFrame ?? 0,
    unsureWords: sure.size >= TOPIC_WORDS ? [] : unsure,
  };
}
