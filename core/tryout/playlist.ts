import { stepKind, type Scenario } from '../scenario/schema.js';
import type { TryoutDefinition } from './schema.js';

/** True when the scenario asks for a typed answer somewhere (a `type` step). */
export function hasTypedSteps(scenario: Scenario): boolean {
  return scenario.steps.some((step) => stepKind(step) === 'type');
}

/**
 * Why this playlist cannot be saved, or null: every scenario must be installed (and load without
 * problems), and a spoken-only tryout (typed steps not allowed) cannot hold a scenario with typed answers.
 */
export function playlistProblem(definition: Pick<TryoutDefinition, 'scenarioIds' | 'typedStepsAllowed'>, scenarios: ReadonlyMap<string, Scenario>): string | null {
  const missing = definition.scenarioIds.filter((id) => !scenarios.has(id));
  if (missing.length > 0) return `These scenarios are not installed (or their files have problems): ${missing.join(', ')}.`;
  if (definition.typedStepsAllowed) return null;
  const typed = definition.scenarioIds.filter((id) => {
    const scenario = scenarios.get(id);
    return scenario !== undefined && hasTypedSteps(scenario);
  });
  if (typed.length === 0) return null;
  return `Typed steps are not allowed in this tryout, but these scenarios ask for typed answers: ${typed.map((id) => scenarios.get(id)?.title ?? id).join(', ')}. Allow typed steps or take them out of the playlist.`;
}
