import { readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { ApiMethod } from '../../../core/api-methods.js';
import type { TryoutDayState } from '../../../core/api.js';
import { TryoutError } from '../../../core/errors.js';
import { notAllowedMessage, resolveRole, roleMayCall, type Role } from '../../../core/api-policy.js';
import { interruptedCallNotices, kioskResume } from '../../../core/tryout/resume.js';
import type { Tryout } from '../../../core/tryout/schema.js';
import type { SessionManifest } from '../../../core/session/manifest.js';
import { coachUnlocked, COACH_IDLE_LOCK_MS, kioskSessionProblem, mediaAllowed, TryoutDayFileSchema, type CoachGateState } from '../../../core/tryout/day.js';
import { jsonText, writeFileAtomic } from '../storage/atomic-write.js';
import type { CoachPin } from './coach-pin.js';
import { isMissing } from '../session/session-files.js';
import { listSessionManifests } from '../session/session-list.js';
import { sessionIdStamp } from '../session/session-paths.js';
import type { TryoutStore } from './tryout-store.js';

/**
 * The tryout day on this laptop (`<data>/tryout-day.json`) and coach mode. The day survives a
 * restart; coach mode does not (it lives in memory and locks after COACH_IDLE_LOCK_MS without a
 * coach-only call), so a crashed or restarted kiosk always comes back on the candidate screens.
 */

export function tryoutDayPath(dataDir: string): string {
  return resolve(dataDir, 'tryout-day.json');
}

export interface TryoutDayOptions {
  readonly dataDir: string;
  readonly log: (message: string) => void;
  readonly tryouts: TryoutStore;
  readonly coachPin: CoachPin;
  readonly now?: () => number;
}

interface Day {
  readonly tryoutId: string;
  readonly startedAt: string;
}

export class TryoutDay {
  private day: Day | null;
  private unlockedUntil: number | null = null;
  private readonly now: () => number;
  private readonly path: string;
  /** Damaged session folders already logged. */
  private readonly reported = new Set<string>();

  constructor(private readonly opts: TryoutDayOptions) {
    this.now = opts.now ?? (() => Date.now());
    this.path = tryoutDayPath(opts.dataDir);
    this.day = this.readDay();
  }

  /** Read once at start (synchronously, so no call can slip in before the gate knows the day). */
  private readDay(): Day | null {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch (error) {
      if (!isMissing(error)) this.opts.log('tryout day: tryout-day.json cannot be read; no tryout day is on');
      return null;
    }
    const result = TryoutDayFileSchema.safeParse(raw);
    if (!result.success) {
      this.opts.log('tryout day: tryout-day.json is not valid; no tryout day is on');
      return null;
    }
    return { tryoutId: result.data.tryoutId, startedAt: result.data.startedAt };
  }

  private gateState(): CoachGateState {
    return { dayTryoutId: this.day?.tryoutId ?? null, coachUnlockedUntil: this.unlockedUntil };
  }

  /**
   * The caller's role for `method` now (core/api-policy.ts). The PIN file is read only when no
   * day is on; the day and coach mode are read after that read, so they are current.
   */
  async roleFor(method: ApiMethod): Promise<Role> {
    const pinSet = this.day !== null || (await this.opts.coachPin.status()).set;
    return resolveRole({ ...this.gateState(), pinSet }, method, this.now());
  }

  /**
   * Throws 'unauthorized' ("Not allowed: ...", naming the method and role) unless API_POLICY
   * lets `role` call `method`. During a day, each coach call keeps coach mode open.
   */
  admit(method: ApiMethod, role: Role): void {
    if (!roleMayCall(role, method)) throw new TryoutError('unauthorized', notAllowedMessage(method, role));
    if (this.day !== null && role === 'coach' && method !== 'lockCoach' && method !== 'getTryoutDay') {
      this.unlockedUntil = this.now() + COACH_IDLE_LOCK_MS;
    }
  }

  /** Throws when a locked kiosk may not start a session for `tryoutId`. */
  checkSession(tryoutId: string | undefined): void {
    const problem = kioskSessionProblem(this.gateState(), tryoutId, this.now());
    if (problem !== null) throw new TryoutError('unauthorized', problem);
  }

  mediaAllowed(urlPath: string): boolean {
    return mediaAllowed(urlPath, this.gateState(), this.now());
  }

  /** The day's tryout id, or null. */
  tryoutId(): string | null {
    return this.day?.tryoutId ?? null;
  }

  /** After a PIN check that matched. */
  unlocked(): void {
    this.unlockedUntil = this.now() + COACH_IDLE_LOCK_MS;
  }

  lock(): Promise<TryoutDayState> {
    this.unlockedUntil = null;
    return this.state();
  }

  async state(): Promise<TryoutDayState> {
    const pin = await this.opts.coachPin.status();
    if (this.day === null) return { tryout: null, startedAt: null, coachUnlocked: true, coachUnlockedUntil: null, pin, resume: null, notices: [] };
    const day = this.day;
    const unlocked = coachUnlocked(this.gateState(), this.now());
    const until = unlocked && this.unlockedUntil !== null ? new Date(this.unlockedUntil).toISOString() : null;
    const tryout = await this.opts.tryouts.get(day.tryoutId).catch((error: unknown) => {
      this.opts.log(`tryout day: its tryout cannot be read (${error instanceof Error ? error.message : String(error)})`);
      return null;
    });
    const calls = tryout ? await this.dayCalls(tryout.id, day.startedAt) : [];
    return {
      tryout,
      startedAt: day.startedAt,
      coachUnlocked: unlocked,
      coachUnlockedUntil: until,
      pin,
      // The kiosk greets an interrupted candidate by name; the day's story is the coach's only.
      resume: tryout ? kioskResume(tryout.scenarioIds, calls) : null,
      notices: unlocked ? interruptedCallNotices(calls) : [],
    };
  }

  /** The sessions of this tryout made since the day started (manifests are the truth; a damaged one is left out). */
  private async dayCalls(tryoutId: Tryout['id'], startedAt: string): Promise<SessionManifest[]> {
    const from = sessionIdStamp(new Date(startedAt));
    try {
      const sessions = await listSessionManifests(this.opts.dataDir, this.opts.log, this.reported, (id) => id >= from);
      return sessions.filter((m) => m.tryoutId === tryoutId);
    } catch (error) {
      this.opts.log(`tryout day: its sessions cannot be read (${error instanceof Error ? error.message : String(error)})`);
      return [];
    }
  }

  /** Starts the day for this tryout; the kiosk comes up locked on the candidate screens. */
  async start(tryoutId: string): Promise<TryoutDayState> {
    const pin = await this.opts.coachPin.status();
    if (!pin.set) throw new TryoutError('conflict', 'Set a coach PIN first: during a tryout day, coach mode is behind it.');
    await this.opts.tryouts.get(tryoutId);
    const day: Day = { tryoutId, startedAt: new Date(this.now()).toISOString() };
    await mkdir(dirname(this.path), { recursive: true });
    await writeFileAtomic(this.path, jsonText({ formatVersion: 1, ...day }));
    this.day = day;
    this.unlockedUntil = null;
    this.opts.log(`tryout day: started for tryout ${tryoutId}`);
    return this.state();
  }

  async end(): Promise<TryoutDayState> {
    await rm(this.path, { force: true });
    if (this.day !== null) this.opts.log(`tryout day: ended for tryout ${this.day.tryoutId}`);
    this.day = null;
    this.unlockedUntil = null;
    return this.state();
  }
}
