import { useEffect } from 'react';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';

/** How often the scenario folders' revision is polled while a screen that lists them is open. */
export const RELOAD_POLL_MS = 2000;

/**
 * Keeps the catalog in step with the scenario files on disk: polls the back end's cheap
 * revision and, when it changes, reloads the catalog (new files, edits, new problems). Errors
 * are ignored and retried on the next poll: a back end that is briefly busy is no reason to
 * disturb the screen.
 */
export function useScenarioReload(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    let last: string | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const { revision } = await client.scenarioRevision({});
        // The first poll reloads too: files may have changed while another screen was open.
        if (revision !== last) {
          const catalog = await client.listScenarios({});
          if (!cancelled) useStore.getState().setCatalog(catalog);
        }
        last = revision;
      } catch {
        // Tried again on the next poll.
      }
      if (!cancelled) timer = setTimeout(() => void poll(), RELOAD_POLL_MS);
    };
    void poll();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [active]);
}
