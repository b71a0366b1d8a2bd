import type { Document } from 'yaml';
import { quote } from './issue-messages.js';
import { clipFor, type Scenario, type Step } from './schema.js';
import { stillThereLine } from './still-there.js';
import { locate, locateKey, type Found } from './yaml-positions.js';

export interface StillThereCheckInput {
  readonly doc: Document;
  /** The validated header's still-there setting. */
  readonly stillThere: Scenario['stillThere'];
  /** The validated steps, index for index; null where a step is invalid. */
  readonly parsed: readonly (Step | null)[];
  readonly labels: readonly string[];
  readonly scenarioId: string | null;
  readonly clipExists: ((scenarioId: string, clip: string) => boolean) | undefined;
}

/**
 * The still-there line's clip: a line the scenario words itself needs its own clip (the
 * shipped default clip says the default words), and no step may use the same clip file for
 * other words.
 */
export function stillThereChecks(input: StillThereCheckInput): Found[] {
  const line = stillThereLine({ stillThere: input.stillThere });
  if (!line) return [];
  const out: Found[] = [];
  const at = (key: 'say' | 'clip') => (input.stillThere && input.stillThere[key] !== undefined ? locate(input.doc, ['stillThere', key]) : locateKey(input.doc, [], 'stillThere'));
  input.parsed.forEach((step, i) => {
    if (!step || !('say' in step || 'repeat' in step) || clipFor(step) !== line.clip) return;
    const caption = 'say' in step ? step.say : step.repeat.say;
    if (caption === line.caption) return;
    const where = input.stillThere && input.stillThere.clip !== undefined ? at('clip') : locate(input.doc, ['steps', i, 'id']);
    out.push({ span: where, message: `clip ${quote(line.clip)} is both the still-there line and ${input.labels[i] ?? ''}, with different words; give one of them another clip` });
  });
  const { scenarioId, clipExists } = input;
  if (line.authored && scenarioId && clipExists && !clipExists(scenarioId, line.clip)) {
    out.push({ span: at(input.stillThere && input.stillThere.clip !== undefined ? 'clip' : 'say'), message: `missing clip audio/${scenarioId}/${line.clip} for the still-there line` });
  }
  return out;
}
