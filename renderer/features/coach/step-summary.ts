import { stepKind, type Step } from '../../../core/scenario/schema.js';

/** A short description of a step that is not a customer line, for the coach's step list. */
export function stepSummary(step: Step): string {
  if ('hold' in step) return `On hold for ${step.hold.seconds} s${step.hold.music ? ', with music' : ''}`;
  if ('listen' in step) return step.listen.hint ? `The trainee answers: ${step.listen.hint}` : 'The trainee answers out loud';
  if ('type' in step) return `The trainee types: ${step.type.prompt}`;
  if ('branch' in step) return `Branches on the last answer (${step.branch.rules.length} rule${step.branch.rules.length === 1 ? '' : 's'})`;
  return stepKind(step);
}
