import type { TrainerClient } from '../../core/api.js';
import type { ScenarioOrigin } from '../../core/scenario/library.js';

/**
 * The client with clip URLs that carry each clip's version (`?v=`) from the catalog, so a line
 * a coach has just re-recorded is fetched anew rather than from a cache.
 */
export function withClipVersions(client: TrainerClient, scenarioId: string, origin: ScenarioOrigin | undefined): TrainerClient {
  if (!origin) return client;
  const versions = new Map<string, string>();
  for (const line of origin.lines) if (line.version && !versions.has(line.clip)) versions.set(line.clip, line.version);
  return {
    ...client,
    clipUrl(id: string, clip: string) {
      const url = client.clipUrl(id, clip);
      const version = id === scenarioId ? versions.get(clip) : undefined;
      return version ? `${url}?v=${encodeURIComponent(version)}` : url;
    },
  };
}
