import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseAnswer, cueSetFor, findCues, type AnswerWord, type Cue } from '../../core/judgement/cues.js';
import { parseVocabulary } from '../../core/judgement/vocabulary-load.js';
import type { Vocabulary } from '../../core/judgement/vocabulary-schema.js';
import { parseScenario } from '../../core/scenario/load.js';
import type { Scenario } from '../../core/scenario/schema.js';

/** The shipped vocabulary and scenarios, for judgement tests on real data. */
export function shippedVocabulary(): Vocabulary {
  const file = join('scenarios', 'judgement', 'moves.yaml');
  const parsed = parseVocabulary(file, readFileSync(file, 'utf8'));
  if (!parsed.vocabulary) throw new Error(`${file}: ${parsed.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('; ')}`);
  return parsed.vocabulary;
}

export function shippedScenario(id: string): Scenario {
  const file = join('scenarios', `${id}.yaml`);
  const parsed = parseScenario(file, readFileSync(file, 'utf8'));
  if (!parsed.scenario) throw new Error(`${file}: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.scenario;
}

/** Words as a recogniser would give them, 0.4 s apart, all with one confidence unless listed. */
export function heard(text: string, confidence = 0.9, unsure: Readonly<Record<string, number>> = {}): AnswerWord[] {
  return text.split(/\s+/).filter(Boolean).map((word, i) => ({ word, startFrame: i * 6400, endFrame: i * 6400 + 6000, confidence: unsure[word] ?? confidence }));
}

/** The cues found in an answer at one step of a shipped scenario. */
export function cuesAt(scenarioId: string, stepId: string, answer: { spoken: AnswerWord[] } | { typed: string }): Cue[] {
  const scenario = shippedScenario(scenarioId);
  const step = scenario.steps.find((s) => s.id === stepId);
  const goals = step && ('listen' in step || 'type' in step || 'repeat' in step) ? step.goals : undefined;
  if (!goals) throw new Error(`${scenarioId}/${stepId} has no goals`);
  const analysed = 'typed' in answer ? analyseAnswer([{ word: answer.typed, startFrame: 0, endFrame: 16000, confidence: 1 }], answer.typed) : analyseAnswer(answer.spoken);
  return findCues(analysed, cueSetFor(shippedVocabulary(), goals));
}
