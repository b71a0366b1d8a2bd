import { useEffect, useState } from 'react';
import type { PracticeProgress, PractisedScenario } from '../../../core/practice/progress.js';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';

export type ProgressLoad =
  | { readonly state: 'idle' }
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly progress: PracticeProgress }
  | { readonly state: 'failed'; readonly message: string };

/**
 * The progress of the name typed (the last caller's name at first), for one scenario or all.
 * The filter offers the scenarios this name practised (kept while the next answer loads).
 */
export function usePracticeProgress() {
  const [name, setName] = useState(() => useStore.getState().candidateName);
  const [scenarioId, setScenarioId] = useState('');
  const [load, setLoad] = useState<ProgressLoad>({ state: 'idle' });
  const [practised, setPractised] = useState<readonly PractisedScenario[]>([]);
  const catalog = useStore((s) => s.catalog);

  useEffect(() => {
    const candidateName = name.trim();
    if (candidateName === '') {
      setLoad({ state: 'idle' });
      setPractised([]);
      return;
    }
    let current = true;
    setLoad({ state: 'loading' });
    client
      .getPracticeProgress({ candidateName, ...(scenarioId ? { scenarioId } : {}) })
      .then((progress) => {
        if (!current) return;
        setLoad({ state: 'ready', progress });
        setPractised(progress.scenarios);
      })
      .catch((error: unknown) => current && setLoad({ state: 'failed', message: error instanceof Error ? error.message : String(error) }));
    // A newer name or scenario wins over an answer still on its way.
    return () => {
      current = false;
    };
  }, [name, scenarioId]);

  // The chosen scenario stays a choice even when this name has not practised it (after a name change).
  const chosenMissing = scenarioId !== '' && !practised.some((s) => s.scenarioId === scenarioId);
  const scenarioTitle = catalog?.scenarios.find((s) => s.id === scenarioId)?.title ?? scenarioId;
  const scenarios = chosenMissing ? [...practised, { scenarioId, scenarioTitle, attempts: 0 }] : practised;

  return { name, setName, scenarioId, setScenarioId, scenarios, checklists: catalog?.checklists ?? [], load };
}
