import type { TryoutDayState } from '../../../core/api.js';
import { candidateSettings } from '../../../core/settings.js';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';

/** After coach mode opens: the day's new state and the sessions the coach may now see. */
export async function enterCoachMode(): Promise<void> {
  const s = useStore.getState();
  const day = await client.getTryoutDay({});
  s.setTryoutDay(day);
  // The candidate screens held the candidate's view of the settings (microphone only).
  s.setSettings(await client.getSettings({}));
  s.setSessions(await client.listSessions({}));
  s.setScreen('sessions');
}

/** Back to the candidate screens: nothing the coach looked at stays in the window. */
export function showCandidateScreens(day: TryoutDayState): void {
  const s = useStore.getState();
  s.setSessions([]);
  if (s.settings) s.setSettings(candidateSettings(s.settings));
  useStore.setState({ screen: 'home', reviewSessionId: null, previewFromStepId: null });
  s.setTryoutDay(day);
}
