import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pinDelayMs } from '../../../../core/tryout/pin-throttle.js';
import { CoachPin, coachPinPath, OWASP_SCRYPT, type ScryptParams } from '../../../../electron/services/tryout/coach-pin.js';
import { createTrainerService } from '../../../../electron/services/trainer-service.js';
import { makeScenariosDir, tempRoot } from '../fixtures.js';

const root = tempRoot('coach-pin');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Cheap hashing for the throttle tests; one test below uses the real OWASP cost. */
const CHEAP: ScryptParams = { N: 2 ** 10, r: 8, p: 1, keyLength: 64 };

/** A clock the test moves by hand. */
function clock(start = Date.parse('2026-11-24T09:00:00.000Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** Every file under `dir`, as text (binary-safe enough for a search of ASCII digits). */
function everyFileText(dir: string): string {
  let out = '';
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    out += statSync(path).isDirectory() ? everyFileText(path) : readFileSync(path).toString('latin1');
  }
  return out;
}

describe('coach PIN', () => {
  it('grows the wait: three free tries, then 1 s, 2 s, 4 s ... capped at 5 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(pinDelayMs)).toEqual([0, 0, 0, 0, 1000, 2000, 4000, 8000]);
    expect(pinDelayMs(30)).toBe(5 * 60_000);
    expect(pinDelayMs(1e9)).toBe(5 * 60_000);
  });

  it('stores an OWASP-strength salted scrypt hash, never the PIN, and verifies it', async () => {
    const dataDir = join(root, 'owasp');
    const logged: string[] = [];
    const pin = new CoachPin({ dataDir, log: (m) => logged.push(m) });
    expect(await pin.status()).toEqual({ set: false, lockedUntil: null });
    expect(await pin.set('482913', undefined)).toEqual({ ok: true, retryAfterMs: 0 });
    const file = JSON.parse(readFileSync(coachPinPath(dataDir), 'utf8')) as { hash: Record<string, unknown> };
    expect(file.hash).toMatchObject({ algorithm: 'scrypt', N: OWASP_SCRYPT.N, r: 8, p: 1 });
    expect(OWASP_SCRYPT.N).toBe(131_072);
    expect(Buffer.from(String(file.hash.salt), 'base64')).toHaveLength(16);
    expect(Buffer.from(String(file.hash.hash), 'base64')).toHaveLength(64);
    expect(everyFileText(dataDir)).not.toContain('482913');
    expect(await pin.unlock('482913')).toEqual({ ok: true, retryAfterMs: 0 });
    expect(await pin.unlock('482914')).toEqual({ ok: false, retryAfterMs: 0 });
    expect(logged).toEqual([]);
  });

  it('salts each hash: the same PIN set twice gives different hashes', async () => {
    const a = new CoachPin({ dataDir: join(root, 'salt-a'), log: () => undefined, scrypt: CHEAP });
    const b = new CoachPin({ dataDir: join(root, 'salt-b'), log: () => undefined, scrypt: CHEAP });
    await a.set('1234', undefined);
    await b.set('1234', undefined);
    const hashOf = (dir: string) => (JSON.parse(readFileSync(coachPinPath(join(root, dir)), 'utf8')) as { hash: { hash: string } }).hash.hash;
    expect(hashOf('salt-a')).not.toBe(hashOf('salt-b'));
  });

  it('throttles wrong PINs with a growing wait that survives a restart, and does not even check during the wait', async () => {
    const dataDir = join(root, 'throttle');
    const time = clock();
    const pin = new CoachPin({ dataDir, log: () => undefined, scrypt: CHEAP, now: time.now });
    await pin.set('2468', undefined);
    for (let i = 0; i < 3; i++) expect(await pin.unlock('0000')).toEqual({ ok: false, retryAfterMs: 0 });
    expect(await pin.unlock('0000')).toEqual({ ok: false, retryAfterMs: 1000 });
    // Even the right PIN is not looked at until the wait is over.
    expect(await pin.unlock('2468')).toEqual({ ok: false, retryAfterMs: 1000 });
    expect(await pin.status()).toEqual({ set: true, lockedUntil: new Date(time.now() + 1000).toISOString() });

    // A restart (a new instance on the same folder) keeps the count and the wait.
    const restarted = new CoachPin({ dataDir, log: () => undefined, scrypt: CHEAP, now: time.now });
    expect(await restarted.unlock('2468')).toEqual({ ok: false, retryAfterMs: 1000 });
    expect(JSON.parse(readFileSync(coachPinPath(dataDir), 'utf8'))).toMatchObject({ failedAttempts: 4, nextAttemptAt: time.now() + 1000 });
    time.advance(1000);
    expect(await restarted.unlock('1111')).toEqual({ ok: false, retryAfterMs: 2000 });
    time.advance(2000);
    expect(await restarted.unlock('1111')).toEqual({ ok: false, retryAfterMs: 4000 });
    time.advance(4000);
    expect(await restarted.unlock('2468')).toEqual({ ok: true, retryAfterMs: 0 });
    expect(JSON.parse(readFileSync(coachPinPath(dataDir), 'utf8'))).toMatchObject({ failedAttempts: 0, nextAttemptAt: 0 });
    expect(await restarted.status()).toEqual({ set: true, lockedUntil: null });
  });

  it('changes the PIN only with the current one, throttled like an unlock', async () => {
    const dataDir = join(root, 'change');
    const time = clock();
    const pin = new CoachPin({ dataDir, log: () => undefined, scrypt: CHEAP, now: time.now });
    await pin.set('1357', undefined);
    await expect(pin.set('9999', undefined)).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/enter the current PIN/) });
    expect(await pin.set('9999', '0000')).toEqual({ ok: false, retryAfterMs: 0 });
    expect(await pin.unlock('1357')).toEqual({ ok: true, retryAfterMs: 0 });
    expect(await pin.set('9999', '1357')).toEqual({ ok: true, retryAfterMs: 0 });
    expect(await pin.unlock('1357')).toEqual({ ok: false, retryAfterMs: 0 });
    expect(await pin.unlock('9999')).toEqual({ ok: true, retryAfterMs: 0 });
  });

  it('refuses an unlock before a PIN is set, and a damaged file without crashing or unlocking', async () => {
    const dataDir = join(root, 'damaged');
    const logged: string[] = [];
    const pin = new CoachPin({ dataDir, log: (m) => logged.push(m), scrypt: CHEAP });
    await expect(pin.unlock('1234')).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/No coach PIN has been set/) });
    await pin.set('1234', undefined);
    writeFileSync(coachPinPath(dataDir), '{"formatVersion":1,"hash":null,"failedAttempts":-1,"nextAttemptAt":0}');
    expect(await pin.status()).toEqual({ set: true, lockedUntil: null });
    await expect(pin.unlock('1234')).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/damaged/) });
    await expect(pin.set('5678', undefined)).rejects.toMatchObject({ code: 'internal' });
    expect(logged.join('\n')).toMatch(/coach-pin\.json is not valid/);
  });
});

describe('coach PIN through the API', () => {
  it('sets, reports and unlocks; no reply or log carries the PIN, and bad PINs are refused by format only', async () => {
    const dataDir = join(root, 'api');
    const logged: string[] = [];
    const service = createTrainerService({ dataDir, scenariosDir: makeScenariosDir(join(root)), log: (m) => logged.push(m), coachPinScrypt: CHEAP, transcriber: null });
    try {
      expect(await service.api.coachPinStatus({})).toEqual({ set: false, lockedUntil: null });
      await expect(service.dispatch('setCoachPin', { pin: '12' })).rejects.toMatchObject({ code: 'invalid-argument', message: 'setCoachPin: pin: the PIN must be 4 to 12 digits' });
      const replies = [
        await service.api.setCoachPin({ pin: '73519' }),
        await service.api.coachPinStatus({}),
        await service.api.unlockCoach({ pin: '00000' }),
        await service.api.unlockCoach({ pin: '73519' }),
      ];
      expect(replies).toEqual([{ ok: true, retryAfterMs: 0 }, { set: true, lockedUntil: null }, { ok: false, retryAfterMs: 0 }, { ok: true, retryAfterMs: 0 }]);
      await expect(service.dispatch('unlockCoach', { pin: '73519', extra: '73519' })).rejects.toMatchObject({ code: 'invalid-argument' });
      for (let i = 0; i < 4; i++) await service.api.unlockCoach({ pin: '11111' });
      const locked = await service.api.unlockCoach({ pin: '73519' });
      expect(locked.ok).toBe(false);
      expect(locked.retryAfterMs).toBeGreaterThan(0);
      expect((await service.api.coachPinStatus({})).lockedUntil).not.toBeNull();
      expect(JSON.stringify(replies)).not.toContain('73519');
      expect(logged.join('\n')).not.toContain('73519');
      expect(everyFileText(dataDir)).not.toContain('73519');
    } finally {
      await service.close();
    }
  });
});
