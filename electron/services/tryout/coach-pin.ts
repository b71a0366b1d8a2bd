import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import type { CoachPinStatus, CoachUnlock } from '../../../core/api.js';
import { TryoutError } from '../../../core/errors.js';
import { afterFailure, NO_FAILURES, retryAfterMs, type PinThrottleState } from '../../../core/tryout/pin-throttle.js';
import { jsonText, writeFileAtomic } from '../storage/atomic-write.js';
import { KeyedQueue } from '../storage/keyed-queue.js';
import { isMissing } from '../session/session-files.js';

/**
 * The coach PIN: `<data>/coach-pin.json` holds a salted scrypt hash (never the PIN) and the
 * wrong-attempt throttle (count and next allowed time), so a restart does not reset the wait.
 * Every attempt is counted as a failure on disk *before* the PIN is checked and cleared only
 * when it matches, so killing the app mid-check gains nothing. Attempts run one at a time.
 * The PIN is never logged, stored or returned; callers only learn ok / how long to wait.
 */

export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly keyLength: number;
}

/**
 * OWASP Password Storage Cheat Sheet (scrypt): N=2^17, r=8, p=1, a 64-byte key; 128 MiB of
 * memory (maxmem is set to twice that) and about 0.5 s per check on the 2-core build machine.
 * Stored with each hash, so raising them later still verifies old hashes.
 */
export const OWASP_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1, keyLength: 64 };

const SALT_BYTES = 16;

const HashSchema = z.strictObject({
  algorithm: z.literal('scrypt'),
  N: z.number().int().min(2).max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.base64().max(256),
  hash: z.base64().max(1024),
});
type PinHash = z.infer<typeof HashSchema>;

const PinFileSchema = z.strictObject({
  formatVersion: z.literal(1),
  hash: HashSchema.nullable(),
  failedAttempts: z.number().int().nonnegative(),
  nextAttemptAt: z.number().int().nonnegative(),
});
type PinFile = z.infer<typeof PinFileSchema>;

export function coachPinPath(dataDir: string): string {
  return resolve(dataDir, 'coach-pin.json');
}

/** scrypt's memory need is about 128 * N * r bytes; maxmem must allow it (Node's default is 32 MiB). */
function scryptOptions(params: Pick<ScryptParams, 'N' | 'r' | 'p'>): ScryptOptions {
  return { N: params.N, r: params.r, p: params.p, maxmem: 2 * 128 * params.N * params.r * params.p };
}

function derive(pin: string, salt: Buffer, params: Pick<ScryptParams, 'N' | 'r' | 'p'>, keyLength: number): Promise<Buffer> {
  return new Promise((resolveKey, reject) => {
    scrypt(pin.normalize('NFKC'), salt, keyLength, scryptOptions(params), (error, key) => (error ? reject(error) : resolveKey(key)));
  });
}

async function hashPin(pin: string, params: ScryptParams): Promise<PinHash> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(pin, salt, params, params.keyLength);
  return { algorithm: 'scrypt', N: params.N, r: params.r, p: params.p, salt: salt.toString('base64'), hash: key.toString('base64') };
}

async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await derive(pin, Buffer.from(stored.salt, 'base64'), stored, expected.length);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export interface CoachPinOptions {
  readonly dataDir: string;
  readonly log: (message: string) => void;
  /** OWASP_SCRYPT unless a test asks for cheaper hashing. */
  readonly scrypt?: ScryptParams;
  readonly now?: () => number;
}

export class CoachPin {
  private readonly queue = new KeyedQueue();
  private readonly path: string;
  private readonly params: ScryptParams;
  private readonly now: () => number;

  constructor(private readonly opts: CoachPinOptions) {
    this.path = coachPinPath(opts.dataDir);
    this.params = opts.scrypt ?? OWASP_SCRYPT;
    this.now = opts.now ?? (() => Date.now());
  }

  /** The file, or "no PIN yet" when missing. A damaged file keeps the PIN set but unusable (a coach must delete it). */
  private async read(): Promise<PinFile | 'damaged'> {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(this.path, 'utf8'));
    } catch (error) {
      if (isMissing(error)) return { formatVersion: 1, hash: null, ...NO_FAILURES };
      this.opts.log('coach PIN: coach-pin.json cannot be read');
      return 'damaged';
    }
    const result = PinFileSchema.safeParse(raw);
    if (!result.success) {
      this.opts.log('coach PIN: coach-pin.json is not valid');
      return 'damaged';
    }
    return result.data;
  }

  private async readUsable(): Promise<PinFile> {
    const file = await this.read();
    if (file === 'damaged') {
      throw new TryoutError('internal', `The coach PIN file is damaged. To set a new PIN, delete ${this.path} (this needs access to the laptop's files).`);
    }
    return file;
  }

  private async write(file: PinFile): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    await writeFileAtomic(this.path, jsonText(file));
  }

  async status(): Promise<CoachPinStatus> {
    const file = await this.read();
    if (file === 'damaged') return { set: true, lockedUntil: null };
    const wait = retryAfterMs(file, this.now());
    return { set: file.hash !== null, lockedUntil: wait > 0 ? new Date(file.nextAttemptAt).toISOString() : null };
  }

  /**
   * One throttled check of `pin` against the stored hash. When the throttle is closed the PIN is
   * not looked at. The attempt is written as a failure first and cleared on a match.
   */
  private async attempt(file: PinFile, hash: PinHash, pin: string): Promise<CoachUnlock> {
    const now = this.now();
    const wait = retryAfterMs(file, now);
    if (wait > 0) return { ok: false, retryAfterMs: wait };
    const failed: PinThrottleState = afterFailure(file, now);
    await this.write({ ...file, ...failed });
    if (await pinMatches(pin, hash)) {
      await this.write({ ...file, ...NO_FAILURES });
      return { ok: true, retryAfterMs: 0 };
    }
    return { ok: false, retryAfterMs: retryAfterMs(failed, now) };
  }

  async unlock(pin: string): Promise<CoachUnlock> {
    return this.queue.run('pin', async () => {
      const file = await this.readUsable();
      if (file.hash === null) throw new TryoutError('conflict', 'No coach PIN has been set on this laptop yet; set one first.');
      return this.attempt(file, file.hash, pin);
    });
  }

  /** Sets the PIN the first time; changing it needs the current PIN (checked and throttled like an unlock). */
  async set(pin: string, currentPin: string | undefined): Promise<CoachUnlock> {
    return this.queue.run('pin', async () => {
      const file = await this.readUsable();
      if (file.hash !== null) {
        if (currentPin === undefined) throw new TryoutError('unauthorized', 'A coach PIN is already set; enter the current PIN to change it.');
        const check = await this.attempt(file, file.hash, currentPin);
        if (!check.ok) return check;
      }
      await this.write({ formatVersion: 1, hash: await hashPin(pin, this.params), ...NO_FAILURES });
      return { ok: true, retryAfterMs: 0 };
    });
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }
}
