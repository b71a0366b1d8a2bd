import { useEffect, useState } from 'react';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';

/** Loads scenarios, settings and sessions once; the app is "ready" when they are in. */
export function useAppBoot(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const s = useStore.getState();
    Promise.all([client.listScenarios({}), client.getSettings({}), client.listSessions({})])
      .then(([catalog, settings, sessions]) => {
        s.setCatalog(catalog);
        s.setSettings(settings);
        s.setSessions(sessions);
        if (!s.candidateName) s.setCandidateName(settings.lastCandidateName);
        setReady(true);
      })
      .catch((err: unknown) => s.setAppError(`Tryout could not start: ${err instanceof Error ? err.message : String(err)}`));
  }, []);
  return ready;
}
