import { useEffect, useState } from 'react';
import type { PracticeProgress } from '../../../core/practice/progress.js';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';

export type ProgressLoad =
  | { readonly state: 'idle' }
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly progress: PracticeProgress }
  | { readonly state: 'failed'; readonly message: string };

/** The progress of the name typed (the last caller's name at first), for one scenario or all. */
export function usePracticeProgress() {
  const [name, setName] = useState(() => useStore.getState().candidateName);
  const [scenarioId, setScenarioId] = useState('');
  const [load, setLoad] = useState<ProgressLoad>({ state: 'idle' });
  const scenarios = useStore((s) => s.catalog?.scenarios ?? []);

  useEffect(() => {
    const candidateName = name.trim();
    if (candidateName === '') {
      setLoad({ state: 'idle' });
      return;
    }
    let current = true;
    setLoad({ state: 'loading' });
    client
      .getPracticeProgress({ candidateName, ...(scenarioId ? { scenarioId } : {}) })
      .then((progress) => current && setLoad({ state: 'ready', progress }))
      .catch((error: unknown) => current && setLoad({ state: 'failed', message: error instanceof Error ? error.message : String(error) }));
    // A newer name or scenario wins over an answer still on its way.
    return () => {
      current = false;
    };
  }, [name, scenarioId]);

  return { name, setName, scenarioId, setScenarioId, scenarios, load };
}
