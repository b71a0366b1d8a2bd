import { useStore } from '../../store/index.js';

export function useHome() {
  const catalog = useStore((s) => s.catalog);
  const selectedId = useStore((s) => s.selectedScenarioId);
  const candidateName = useStore((s) => s.candidateName);
  const selectScenario = useStore((s) => s.selectScenario);
  const setCandidateName = useStore((s) => s.setCandidateName);
  const setScreen = useStore((s) => s.setScreen);
  // The catalog reloads when files change: a scenario that has gone (or broken) cannot be taken.
  const selectedListed = catalog?.scenarios.some((s) => s.id === selectedId) ?? false;
  const canProceed = selectedListed && candidateName.trim().length > 0;
  return {
    scenarios: catalog?.scenarios ?? [],
    problems: catalog?.problems ?? [],
    selectedId,
    candidateName,
    canProceed,
    select: selectScenario,
    setCandidateName,
    proceed: () => canProceed && setScreen('mic-check'),
  };
}
