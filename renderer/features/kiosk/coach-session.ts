import type { TryoutDayState } from '../../../core/api.js';
import { candidateSettings } from '../../../core/settings.js';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';

/**
 * After coach mode opens: the day's new state, the full settings (the candidate screens held the
 * candidate's view: microphone only) and the sessions the coach may now see. All are fetched
 * first and applied in one go, so the coach-mode bar never shows before the sessions screen is
 * chosen (a click on the navigation in between would be overridden).
 */
export async function enterCoachMode(): Promise<void> {
  const [day, settings, sessions] = await Promise.all([client.getTryoutDay({}), client.getSettings({}), client.listSessions({})]);
  const s = useStore.getState();
  s.setTryoutDay(day);
  s.setSettings(settings);
  s.setSessions(sessions);
  s.setScreen('sessions');
}

/** Back to the candidate screens: nothing the coach looked at stays in the window. */
export function showCandidateScreens(day: TryoutDayState): void {
  const s = useStore.getState();
  s.setSessions([]);
  if (s.settings) s.setSettings(candidateSettings(s.settings));
  useStore.setState({ screen: 'home', reviewSessionId: null, previewFromStepId: null });
  s.setTryoutDay(day);
  // A call the disk stopped: once the coach has dealt with it and locks, the candidate is offered that call again.
  if (s.call.coachNote !== null && day.resume !== null) {
    s.resetCall();
    s.patchKiosk({ step: 'check-in', candidate: null, consent: null, index: 0 });
  }
}
