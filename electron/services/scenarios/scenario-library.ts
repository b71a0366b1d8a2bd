import { loadLibrary, type Library, type ScenarioRoots } from './scenario-repository.js';
import { scenarioRevision } from './scenario-revision.js';

/**
 * The scenario library of both folders, the one way the back end reads it: parsed again only
 * when a file changed (scenarioRevision: the names, sizes and times of the YAML files and clips,
 * a few dozen stat calls at each use, which notices edits on every OS where file watching may
 * miss them), not at every clip request and hang-up. Parsing the shipped scenarios takes
 * 0.1-0.3 s of the back end's main thread.
 */

const cache = new Map<string, { readonly revision: string; readonly library: Library }>();

export function currentLibrary(roots: ScenarioRoots): Library {
  const key = `${roots.shipped}\0${roots.user}`;
  // Taken before loading: a file changed while it loads is loaded again next time.
  const revision = scenarioRevision(roots);
  const cached = cache.get(key);
  if (cached?.revision === revision) return cached.library;
  const library = loadLibrary(roots);
  cache.set(key, { revision, library });
  return library;
}
