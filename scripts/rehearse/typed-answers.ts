import type { Scenario, TypeStep } from '../../core/scenario/schema.js';

/**
 * The typed answers a rehearsal needs, checked before any browser starts: without them the
 * call would sit on a typed step whose Send button never enables (a 30-second browser timeout).
 */

function isTypeStep(step: Scenario['steps'][number]): step is TypeStep {
  return 'type' in step;
}

/** The scenario's typed steps, in file order. */
export function typedSteps(scenario: Scenario): readonly TypeStep[] {
  return scenario.steps.filter(isTypeStep);
}

/** Why these answers cannot carry the scenario's typed steps, naming each step and its answer line; null when they can. */
export function typedAnswersProblem(scenario: Scenario, typed: readonly string[]): string | null {
  const steps = typedSteps(scenario);
  const short = steps.findIndex((step, i) => (typed[i] ?? '').length < step.type.minChars);
  if (short === -1) return null;
  const lines = steps.map((step, i) => {
    const given = typed[i];
    const state = given === undefined ? 'missing' : given.length < step.type.minChars ? `too short: ${given.length} of at least ${step.type.minChars} characters` : 'given';
    return `  line ${i + 1} -> step "${step.id}" (at least ${step.type.minChars} characters): ${step.type.prompt} [${state}]`;
  });
  const count = `${steps.length} typed step${steps.length === 1 ? '' : 's'}`;
  return `scenario "${scenario.id}" has ${count}, and --typed gave ${typed.length} answer${typed.length === 1 ? '' : 's'}. Pass --typed <file> with one answer per line, in the order the call reaches them:\n${lines.join('\n')}`;
}
