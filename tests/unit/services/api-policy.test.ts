import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { API_METHODS, type ApiMethod } from '../../../core/api.js';
import { API_POLICY, isNotAllowedMessage, notAllowedMessage, roleMayCall, ROLES, type Role } from '../../../core/api-policy.js';
import { TryoutError } from '../../../core/errors.js';
import { SAMPLE_INPUTS, snapshot, startWorld, type PolicyWorld } from './policy-world.js';

/**
 * The whole contract, every role: an allowed call reaches its handler (it works, or fails for
 * a reason of its own, never the gate's); a forbidden one is refused with "Not allowed"
 * naming the method and the role, and the data folder is byte for byte what it was.
 */

type Outcome = { readonly ok: true } | { readonly ok: false; readonly code: string; readonly message: string };

async function outcomeOf(call: Promise<unknown>): Promise<Outcome> {
  try {
    await call;
    return { ok: true };
  } catch (error) {
    if (!(error instanceof TryoutError)) throw error;
    return { ok: false, code: error.code, message: error.message };
  }
}

const worlds: PolicyWorld[] = [];
afterAll(async () => {
  for (const w of worlds) {
    await w.service.close();
    rmSync(w.root, { recursive: true, force: true });
  }
});

describe('the policy table', () => {
  it('has a line for every method of the contract and names only known roles', () => {
    expect(Object.keys(API_POLICY).sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) for (const role of API_POLICY[method]) expect(ROLES).toContain(role);
  });

  it('prints its counts (roles x methods)', () => {
    const counts = Object.fromEntries(ROLES.map((role) => [role, API_METHODS.filter((m) => roleMayCall(role, m)).length]));
    console.log(`API_POLICY over ${API_METHODS.length} methods, allowed per role: ${JSON.stringify(counts)}`);
    expect(counts).toEqual({ candidate: 14, trainee: 22, coach: 48, setup: 48 });
  });
});

describe.each(ROLES)('every method as %s', (role: Role) => {
  let world: PolicyWorld;
  const forbidden = API_METHODS.filter((m) => !roleMayCall(role, m));
  const allowed = API_METHODS.filter((m) => roleMayCall(role, m));
  const worked: string[] = [];

  it('sets up the role’s world', async () => {
    world = await startWorld(role);
    worlds.push(world);
  });

  it.each(forbidden.length > 0 ? forbidden : (['(none)'] as const))('refuses %s with "not allowed" and changes nothing on disk', async (method) => {
    if (method === '(none)') {
      console.log(`${role}: every method is allowed, nothing to refuse`);
      expect(forbidden).toEqual([]);
      return;
    }
    const before = snapshot(world.dataDir);
    const outcome = await outcomeOf(world.service.dispatchAs(role, method, SAMPLE_INPUTS[method](world)));
    expect(outcome).toEqual({ ok: false, code: 'unauthorized', message: notAllowedMessage(method, role) });
    expect(outcome.ok === false && outcome.message).toContain(method);
    expect(outcome.ok === false && outcome.message).toContain(`"${role}"`);
    expect(snapshot(world.dataDir)).toEqual(before);
  });

  it.each(allowed)('lets %s reach its handler', async (method: ApiMethod) => {
    const outcome = await outcomeOf(world.service.dispatchAs(role, method, SAMPLE_INPUTS[method](world)));
    worked.push(outcome.ok ? method : `${method} (${outcome.code})`);
    if (!outcome.ok) {
      expect(isNotAllowedMessage(outcome.message), outcome.message).toBe(false);
      // Its own reasons only: a conflicting input, never the gate, a parse error or a crash.
      expect(outcome.message.startsWith(`${method}: `), outcome.message).toBe(false);
      expect(['not-found', 'conflict', 'unauthorized', 'too-large'], `${method}: ${outcome.message}`).toContain(outcome.code);
    }
  });

  afterAll(() => console.log(`${role}: ${forbidden.length} refused with nothing changed on disk; ${allowed.length} reached their handler: ${worked.join(', ')}`));
});

describe('what a role sees', () => {
  it('gives a candidate on the kiosk the microphone settings only, and a coach all of them', async () => {
    const world = await startWorld('candidate');
    worlds.push(world);
    await world.service.dispatchAs('coach', 'updateSettings', { patch: { micDeviceId: 'usb-headset', noiseSuppression: true, lastCandidateName: 'Grace Hopper', coachName: 'Coach Kim', retentionDays: 30 } });
    const candidate = await world.service.dispatchAs('candidate', 'getSettings', {});
    expect(candidate).toMatchObject({ micDeviceId: 'usb-headset', noiseSuppression: true, lastCandidateName: '', coachName: '', retentionDays: null, whisperModel: null });
    expect(await world.service.dispatchAs('coach', 'getSettings', {})).toMatchObject({ micDeviceId: 'usb-headset', lastCandidateName: 'Grace Hopper', coachName: 'Coach Kim', retentionDays: 30 });
    // Without a role given, the day's state decides: once the coach locks the kiosk, the caller is a candidate.
    await world.service.dispatch('lockCoach', {});
    expect(await world.service.dispatch('getSettings', {})).toMatchObject({ micDeviceId: 'usb-headset', lastCandidateName: '' });
  });
});
