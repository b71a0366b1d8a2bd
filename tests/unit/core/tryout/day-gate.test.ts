import { describe, expect, it } from 'vitest';
import { API_METHOD_NAMES, type ApiMethod } from '../../../../core/api-methods.js';
import { notAllowedMessage, resolveRole, roleMayCall } from '../../../../core/api-policy.js';
import { COACH_IDLE_LOCK_MS, kioskSessionProblem, mediaAllowed, type CoachGateState } from '../../../../core/tryout/day.js';
import { playlistProblem } from '../../../../core/tryout/playlist.js';
import { parseScenario } from '../../../../core/scenario/load.js';

const NOW = 1_800_000_000_000;
const open = { dayTryoutId: null, coachUnlockedUntil: null };
const locked = { dayTryoutId: 't-20261124-day001', coachUnlockedUntil: null };
const unlocked = { dayTryoutId: 't-20261124-day001', coachUnlockedUntil: NOW + COACH_IDLE_LOCK_MS };

describe('the coach gate of a tryout day (core/api-policy.ts)', () => {
  const gate = (method: ApiMethod, state: CoachGateState, now = NOW) => {
    const role = resolveRole({ ...state, pinSet: true }, method, now);
    return roleMayCall(role, method) ? null : notAllowedMessage(method, role);
  };

  it('lets everything through when no day is on, and when coach mode is unlocked', () => {
    for (const method of API_METHOD_NAMES) {
      expect(gate(method, open)).toBeNull();
      expect(gate(method, unlocked)).toBeNull();
    }
  });

  it('answers only a candidate’s methods on a locked kiosk', () => {
    const refused = API_METHOD_NAMES.filter((m) => gate(m, locked) !== null);
    expect(refused).toEqual(API_METHOD_NAMES.filter((m) => !roleMayCall('candidate', m)));
    for (const m of ['listSessions', 'getSession', 'getAnalysis', 'getReviews', 'searchSessions', 'updateSettings', 'setCoachPin', 'startTryoutDay', 'endTryoutDay', 'deleteCandidateData', 'createReport'] as const) {
      expect(gate(m, locked)).toMatch(/coach must unlock coach mode with the PIN/);
    }
    for (const m of ['startSession', 'appendAudio', 'appendEvents', 'finishSession', 'getConsentText', 'unlockCoach', 'getTryoutDay'] as const) {
      expect(gate(m, locked)).toBeNull();
    }
  });

  it('locks again once the unlock has run out', () => {
    expect(gate('listSessions', unlocked, NOW + COACH_IDLE_LOCK_MS - 1)).toBeNull();
    expect(gate('listSessions', unlocked, NOW + COACH_IDLE_LOCK_MS)).not.toBeNull();
  });

  it('serves a locked kiosk the clips only', () => {
    expect(mediaAllowed('/media/clips/angry-caller/greet.wav', locked, NOW)).toBe(true);
    expect(mediaAllowed('/media/sessions/s-1/audio.wav', locked, NOW)).toBe(false);
    expect(mediaAllowed('/media/exports/x.tryout', locked, NOW)).toBe(false);
    expect(mediaAllowed('/media/reports/x.pdf', locked, NOW)).toBe(false);
    expect(mediaAllowed('/media/sessions/s-1/audio.wav', unlocked, NOW)).toBe(true);
    expect(mediaAllowed('/media/sessions/s-1/audio.wav', open, NOW)).toBe(true);
  });

  it('lets a locked kiosk record the day’s tryout calls only', () => {
    expect(kioskSessionProblem(locked, 't-20261124-day001', NOW)).toBeNull();
    expect(kioskSessionProblem(locked, undefined, NOW)).toMatch(/only the tryout’s own calls/);
    expect(kioskSessionProblem(locked, 't-20261124-other1', NOW)).toMatch(/only the tryout’s own calls/);
    expect(kioskSessionProblem(unlocked, undefined, NOW)).toBeNull();
    expect(kioskSessionProblem(open, undefined, NOW)).toBeNull();
  });
});

const spoken = parseScenario('spoken.yaml', 'id: spoken\ntitle: Spoken\nbrief: b\ncustomer: {name: A}\nsteps:\n  - id: hi\n    say: Hi\n  - id: answer\n    listen: {timeoutSeconds: 5}\n');
const written = parseScenario('written.yaml', 'id: written\ntitle: Written reply\nbrief: b\ncustomer: {name: A}\nsteps:\n  - id: reply\n    type: {prompt: Reply}\n');

describe('a tryout playlist', () => {
  const library = new Map([spoken, written].flatMap((r) => (r.scenario ? [[r.scenario.id, r.scenario] as const] : [])));

  it('has both test scenarios', () => {
    expect([...library.keys()]).toEqual(['spoken', 'written']);
  });

  it('holds installed scenarios only', () => {
    expect(playlistProblem({ scenarioIds: ['spoken', 'gone-away'], typedStepsAllowed: true }, library)).toMatch(/not installed.*gone-away/);
  });

  it('keeps typed answers out of a spoken-only tryout, naming the scenario', () => {
    expect(playlistProblem({ scenarioIds: ['spoken', 'written'], typedStepsAllowed: false }, library)).toMatch(/Typed steps are not allowed.*Written reply/);
    expect(playlistProblem({ scenarioIds: ['spoken', 'written'], typedStepsAllowed: true }, library)).toBeNull();
    expect(playlistProblem({ scenarioIds: ['spoken'], typedStepsAllowed: false }, library)).toBeNull();
  });
});
