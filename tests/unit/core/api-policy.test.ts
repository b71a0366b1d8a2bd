import { describe, expect, it } from 'vitest';
import { API_METHOD_NAMES } from '../../../core/api-methods.js';
import { notAllowedMessage, resolveRole, roleMayCall, type GateState } from '../../../core/api-policy.js';
import { COACH_IDLE_LOCK_MS } from '../../../core/tryout/day.js';

const NOW = 1_800_000_000_000;
const DAY = 't-20261124-day001';
const state = (patch: Partial<GateState>): GateState => ({ dayTryoutId: null, coachUnlockedUntil: null, pinSet: true, ...patch });

describe('who the caller is (resolveRole)', () => {
  it('is a candidate on a locked tryout day and a coach once the PIN unlocked it, whatever the method', () => {
    for (const method of API_METHOD_NAMES) {
      expect(resolveRole(state({ dayTryoutId: DAY }), method, NOW)).toBe('candidate');
      expect(resolveRole(state({ dayTryoutId: DAY, coachUnlockedUntil: NOW + 1 }), method, NOW)).toBe('coach');
      expect(resolveRole(state({ dayTryoutId: DAY, coachUnlockedUntil: NOW }), method, NOW)).toBe('candidate');
    }
  });

  it('is first-run set-up while no PIN is set and no day is on', () => {
    for (const method of API_METHOD_NAMES) expect(resolveRole(state({ pinSet: false }), method, NOW)).toBe('setup');
  });

  it('outside a day, with a PIN: a trainee for practice methods, a coach for the rest (no PIN asked, as before)', () => {
    expect(resolveRole(state({}), 'startSession', NOW)).toBe('trainee');
    expect(resolveRole(state({}), 'getPracticeProgress', NOW)).toBe('trainee');
    expect(resolveRole(state({}), 'saveReview', NOW)).toBe('coach');
    expect(resolveRole(state({}), 'startTryoutDay', NOW)).toBe('coach');
    expect(resolveRole(state({ coachUnlockedUntil: NOW + COACH_IDLE_LOCK_MS }), 'startSession', NOW)).toBe('coach');
    for (const method of API_METHOD_NAMES) expect(roleMayCall(resolveRole(state({}), method, NOW), method), method).toBe(true);
  });

  it('names the method and the role when it refuses', () => {
    expect(notAllowedMessage('updateSettings', 'candidate')).toBe(
      'Not allowed: updateSettings is not open to a candidate on this tryout kiosk (role "candidate"); a coach must unlock coach mode with the PIN first.',
    );
    expect(notAllowedMessage('saveReview', 'trainee')).toMatch(/^Not allowed: saveReview .*"trainee"/);
  });
});
