import { useEffect, useState } from 'react';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';
import { kioskLocked } from '../../store/kiosk-slice.js';

/** Loads the tryout day, scenarios, settings and sessions once; the app is "ready" when they are in. */
export function useAppBoot(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const s = useStore.getState();
    const boot = async () => {
      // First: on a locked kiosk the candidate screens show, and no sessions or names are loaded.
      const day = await client.getTryoutDay({});
      s.setTryoutDay(day);
      const locked = kioskLocked(day);
      const [catalog, settings, sessions] = await Promise.all([client.listScenarios({}), client.getSettings({}), locked ? Promise.resolve([]) : client.listSessions({})]);
      s.setCatalog(catalog);
      s.setSettings(settings);
      s.setSessions(sessions);
      if (!s.candidateName && day.tryout === null) s.setCandidateName(settings.lastCandidateName);
      setReady(true);
    };
    boot().catch((err: unknown) => s.setAppError(`Tryout could not start: ${err instanceof Error ? err.message : String(err)}`));
  }, []);
  return ready;
}
