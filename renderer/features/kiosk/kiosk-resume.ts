import type { KioskResume } from '../../../core/tryout/resume.js';
import { useStore } from '../../store/index.js';

/**
 * Puts the interrupted candidate back at their call's brief (check-in and consent as they gave
 * them), or forgets the offer for a new candidate. Either way the offer is not made again.
 */
export function continueCandidate(resume: KioskResume): void {
  const s = useStore.getState();
  forgetResume();
  s.selectScenario(s.tryoutDay?.tryout?.scenarioIds[resume.index] ?? null);
  s.patchKiosk({ candidate: resume.candidate, consent: resume.consent, index: resume.index, step: 'brief' });
}

export function forgetResume(): void {
  const s = useStore.getState();
  if (s.tryoutDay) s.setTryoutDay({ ...s.tryoutDay, resume: null });
}
