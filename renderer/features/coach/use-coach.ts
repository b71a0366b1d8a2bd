import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CustomerLine } from '../../../core/scenario/library.js';
import { ClipPlayer } from '../../audio/clip-player.js';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';
import { useCoachTake } from './use-coach-take.js';
import { useScenarioPacks } from './use-scenario-packs.js';

/** The coach screen's container hook: the chosen scenario, its lines, takes, previews and packs. */
export function useCoach() {
  const catalog = useStore((s) => s.catalog);
  const chosenId = useStore((s) => s.coachScenarioId);
  const setCoachScenario = useStore((s) => s.setCoachScenario);
  const [error, setError] = useState<string | null>(null);
  const [playing, setPlaying] = useState<string | null>(null);
  const player = useMemo(() => new ClipPlayer(), []);
  useEffect(() => () => void player.close(), [player]);

  const scenarios = catalog?.scenarios ?? [];
  const scenario = scenarios.find((s) => s.id === chosenId) ?? scenarios[0] ?? null;
  const origin = scenario ? catalog?.origins[scenario.id] : undefined;

  const refresh = useCallback(async () => {
    useStore.getState().setCatalog(await client.listScenarios({}));
  }, []);

  const keep = useCallback(
    async (stepId: string, pcm: Uint8Array) => {
      if (!scenario) return;
      await client.saveCoachClip({ scenarioId: scenario.id, stepId, pcm: pcm as Uint8Array<ArrayBuffer> });
      await refresh();
    },
    [refresh, scenario],
  );
  const take = useCoachTake({ player, keep, onError: setError });

  const onImported = useCallback(
    async (scenarioId: string) => {
      await refresh();
      setCoachScenario(scenarioId);
    },
    [refresh, setCoachScenario],
  );
  const packs = useScenarioPacks(onImported);

  const playCurrent = useCallback(
    async (line: CustomerLine) => {
      if (!scenario) return;
      setError(null);
      setPlaying(line.stepId);
      const url = client.clipUrl(scenario.id, line.clip) + (line.version ? `?v=${encodeURIComponent(line.version)}` : '');
      try {
        await player.playUrl(url);
      } catch (err) {
        setError(`The clip could not be played: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        setPlaying((p) => (p === line.stepId ? null : p));
      }
    },
    [player, scenario],
  );

  const revertToSynthetic = useCallback(
    async (stepId: string) => {
      if (!scenario) return;
      setError(null);
      try {
        await client.deleteCoachClip({ scenarioId: scenario.id, stepId });
        await refresh();
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
      }
    },
    [refresh, scenario],
  );

  const preview = useCallback(
    (stepId: string) => {
      if (!scenario) return;
      take.discard();
      player.stop();
      const s = useStore.getState();
      s.setCoachScenario(scenario.id);
      s.selectScenario(scenario.id);
      s.setPreviewFrom(stepId);
      s.setScreen('call');
    },
    [player, scenario, take],
  );

  return {
    scenarios,
    scenario,
    origin,
    choose: setCoachScenario,
    error,
    playing,
    playCurrent,
    stopPlaying: () => player.stop(),
    revertToSynthetic,
    preview,
    take,
    packs,
  };
}
