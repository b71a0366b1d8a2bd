import type { Scenario } from '../../../core/scenario/schema.js';

/**
 * The analysis runner's findScenario: the scenario library is parsed again only when its files
 * changed (their revision: names, sizes and times), not at every hang-up. Parsing the nine
 * shipped scenarios takes 0.1-0.3 s of the back end's main thread.
 */
export function scenarioLookup(
  load: () => { readonly entries: ReadonlyMap<string, { readonly scenario: Scenario }> },
  revision: () => string,
): (scenarioId: string) => Scenario | undefined {
  let cached: { readonly revision: string; readonly entries: ReadonlyMap<string, { readonly scenario: Scenario }> } | null = null;
  return (scenarioId) => {
    // Taken before loading: a file changed while it loads is loaded again next time.
    const now = revision();
    if (cached?.revision !== now) cached = { revision: now, entries: load().entries };
    return cached.entries.get(scenarioId)?.scenario;
  };
}
