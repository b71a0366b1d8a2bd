import type { Checklist } from '../../../core/analysis/checklist-schema.js';
import type { Vocabulary } from '../../../core/judgement/vocabulary-schema.js';
import type { Scenario, Step } from '../../../core/scenario/schema.js';
import type { SpotPhrase } from '../../../core/speech/recognition.js';

/**
 * What the phrase spotter listens for in an answer, taken only from the scenario's data: the
 * step's expected moves (its own wordings and moves.yaml's), every red flag (moves.yaml's and the
 * step's), the branch rules' phrases, the checklists' phrase rules, the customer's name and the
 * facts. The live checks (core/analysis/turn-checks.ts) then read the spotted words.
 */
export interface PhraseSources {
  readonly scenario: Scenario;
  readonly vocabulary: Vocabulary | null;
  readonly checklists: readonly Checklist[];
}

/**
 * moves.yaml's shared wordings of at most this many words go into a grammar. Every shared
 * wording (about 300 per step) made the decoder take 3-17 s per answer and lose its path; the
 * short ones are those spotting finds best, and the scenario's own wordings are all kept.
 */
export const SHARED_WORDING_MAX_WORDS = 4;

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
const shared = (examples: readonly string[], maxWords: number) => examples.filter((e) => wordCount(e) <= maxWords);

/** A move's wording also counts in parts ("You're right, that shouldn't have happened"): its clauses of two words or more. */
function clauses(text: string): string[] {
  return text
    .split(/[,.;:?!\u2014]+|\s-\s/)
    .map((c) => c.trim())
    .filter((c) => wordCount(c) >= 2);
}

function goalsOf(step: Step | undefined) {
  return step && ('listen' in step || 'type' in step || 'repeat' in step) ? step.goals : undefined;
}

/** Phrases every answer of the scenario is listened for, whatever the step. */
function everyStepPhrases({ scenario, vocabulary, checklists }: PhraseSources, maxWords: number): SpotPhrase[] {
  const out: SpotPhrase[] = [];
  for (const flag of vocabulary?.redFlags ?? []) for (const text of shared(flag.examples, maxWords)) out.push({ text, tag: `flag:${flag.id}` });
  for (const step of scenario.steps) {
    if (!('branch' in step)) continue;
    for (const { when } of step.branch.rules) {
      const said = 'saidContains' in when ? when.saidContains : 'saidLacks' in when ? when.saidLacks : [];
      for (const text of said) out.push({ text, tag: `rule:${step.id}` });
    }
  }
  const inForce = new Set<string>(scenario.checklists ?? []);
  for (const list of checklists) {
    if (!inForce.has(list.id)) continue;
    for (const item of list.items) {
      if (item.kind !== 'auto') continue;
      const rule = item.rule;
      const listed = 'phrasesPresent' in rule ? rule.phrasesPresent.phrases : 'phrasesAbsent' in rule ? rule.phrasesAbsent.phrases : [];
      for (const text of listed) out.push({ text, tag: `item:${list.id}/${item.id}` });
    }
  }
  out.push({ text: scenario.customer.name, tag: 'name' });
  for (const name of scenario.customer.name.split(/\s+/).filter((n) => n.length > 1)) out.push({ text: name, tag: 'name' });
  for (const fact of scenario.facts ?? []) for (const text of [fact.value, ...fact.accept]) out.push({ text, tag: `fact:${fact.id}` });
  return out;
}

/** The moves a step expects and its own red-flag wordings. */
function stepPhrases(step: Step | undefined, vocabulary: Vocabulary | null, maxWords: number): SpotPhrase[] {
  const goals = goalsOf(step);
  const out: SpotPhrase[] = [];
  for (const expected of goals?.expect ?? []) {
    const common = shared(vocabulary?.moves.find((m) => m.id === expected.move)?.examples ?? [], maxWords);
    for (const example of [...expected.examples, ...common]) {
      for (const text of new Set([example, ...clauses(example)])) out.push({ text, tag: `move:${expected.move}` });
    }
  }
  // Red flags count as whole wordings only (half of a rude wording is often polite).
  for (const flag of goals?.redFlags ?? []) for (const text of flag.examples) out.push({ text, tag: `flag:${flag.flag}` });
  return out;
}

/** The grammar for one answer: the listening step `stepId` (unknown step: the phrases every step shares). */
export function phrasesForStep(sources: PhraseSources, stepId: string | undefined, maxWords = SHARED_WORDING_MAX_WORDS): SpotPhrase[] {
  const step = sources.scenario.steps.find((s) => s.id === stepId);
  return [...stepPhrases(step, sources.vocabulary, maxWords), ...everyStepPhrases(sources, maxWords)];
}

/** The grammar for any answer of the scenario (the analysis does not know which step a stretch answered). */
export function phrasesForScenario(sources: PhraseSources, maxWords = SHARED_WORDING_MAX_WORDS): SpotPhrase[] {
  return [...sources.scenario.steps.flatMap((s) => stepPhrases(s, sources.vocabulary, maxWords)), ...everyStepPhrases(sources, maxWords)];
}
