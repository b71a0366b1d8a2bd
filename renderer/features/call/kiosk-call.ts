import type { Candidate } from '../../../core/session/manifest.js';
import type { Consent } from '../../../core/tryout/consent.js';
import type { RootState } from '../../store/index.js';
import { kioskLocked } from '../../store/kiosk-slice.js';

export interface KioskCall {
  readonly tryoutId: string;
  readonly candidate: Candidate;
  readonly consent: Consent;
}

/** The tryout call a checked-in, consenting candidate is taking on a locked kiosk; null otherwise. */
export function kioskCall(s: Pick<RootState, 'tryoutDay' | 'kiosk'>): KioskCall | null {
  const tryoutId = s.tryoutDay?.tryout?.id;
  const { candidate, consent } = s.kiosk;
  if (!kioskLocked(s.tryoutDay) || tryoutId === undefined || candidate === null || consent === null) return null;
  return { tryoutId, candidate, consent };
}
