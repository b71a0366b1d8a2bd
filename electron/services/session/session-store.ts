import { mkdir, open, readFile, rm, writeFile, type FileHandle } from 'node:fs/promises';
import type { SessionDetail } from '../../../core/api.js';
import { TryoutError } from '../../../core/errors.js';
import type { SessionEvent } from '../../../core/session/events.js';
import type { ChecklistId } from '../../../core/analysis/checklist-schema.js';
import { incompleteCall } from '../../../core/session/call-completeness.js';
import { SESSION_FORMAT_VERSION, type Candidate, type SessionManifest } from '../../../core/session/manifest.js';
import type { StorageCause } from '../../../core/session/storage-stop.js';
import type { Consent } from '../../../core/tryout/consent.js';
import { jsonText, writeFileAtomic } from '../storage/atomic-write.js';
import { KeyedQueue } from '../storage/keyed-queue.js';
import { eventLines, isMissing, parseEvents, readDrafts, readManifest } from './session-files.js';
import { listSessionManifests } from './session-list.js';
import { newSessionId, sessionPaths, sessionsRoot, type SessionPaths } from './session-paths.js';
import { recoverSessions } from './session-recovery.js';
import { isUnlinked, storageCauseOf, storageFailedError, stopForStorage } from './session-storage-failure.js';
import { readChannelRange, type ChannelAudio } from './session-audio.js';
import { finalizeWavFile, MAX_WAV_DATA_BYTES, WAV_HEADER_BYTES, wavHeader } from './wav.js';

export interface SessionStoreOptions {
  readonly dataDir: string;
  /** Where problems (damaged files) are reported; stderr by default. */
  readonly log?: (message: string) => void;
  readonly now?: () => Date;
}

export interface NewSession {
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  /** The version of the scenario's file the call plays (contentRevision). */
  readonly scenarioRevision?: string | undefined;
  readonly candidate: Candidate;
  readonly sampleRate: number;
  /** Tryout sessions only: the tryout and the consent the candidate gave (checked by the caller). */
  readonly tryoutId?: string | undefined;
  readonly consent?: Consent | undefined;
  readonly checklistIds?: readonly ChecklistId[] | undefined;
}

interface OpenSession {
  readonly manifest: SessionManifest;
  readonly paths: SessionPaths;
  readonly audio: FileHandle;
  readonly events: FileHandle;
  nextSeq: number;
  framesWritten: number;
  eventBytes: number;
}

const CHANNELS = 2;
const FRAME_BYTES = CHANNELS * 2;

/**
 * The sessions in `<dataDir>/sessions`. Audio and events are appended and fdatasync'd on every
 * call; manifest.json and drafts.json are replaced atomically. Calls for one session run one at
 * a time, in arrival order.
 */
export class SessionStore {
  private readonly open = new Map<string, OpenSession>();
  private readonly queue = new KeyedQueue();
  private readonly reported = new Set<string>();
  private readonly log: (message: string) => void;
  private readonly now: () => Date;

  constructor(private readonly opts: SessionStoreOptions) {
    this.log = opts.log ?? ((message) => console.error(message));
    this.now = opts.now ?? (() => new Date());
  }

  /** The sessions being recorded in this run (created, not yet finished). */
  recordingIds(): string[] {
    return [...this.open.keys()];
  }

  isRecording(id: string): boolean {
    return this.open.has(id);
  }

  /** Repairs sessions a crash left in 'recording' (never the ones open here); returns their ids. */
  recover(): string[] {
    return recoverSessions(this.opts.dataDir, { skip: new Set(this.open.keys()), log: this.log, now: this.now });
  }

  async create(input: NewSession): Promise<SessionManifest> {
    try {
      return await this.createIn(input);
    } catch (error) {
      const cause = storageCauseOf(error);
      if (cause === null) throw error;
      throw storageFailedError(cause, null);
    }
  }

  private async createIn(input: NewSession): Promise<SessionManifest> {
    await mkdir(sessionsRoot(this.opts.dataDir), { recursive: true });
    for (let attempt = 0; ; attempt++) {
      const id = newSessionId(this.now());
      const paths = sessionPaths(this.opts.dataDir, id);
      try {
        await mkdir(paths.dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 5) continue;
        throw error;
      }
      try {
        return await this.initialise(id, paths, input);
      } catch (error) {
        await rm(paths.dir, { recursive: true, force: true });
        throw error;
      }
    }
  }

  private async initialise(id: string, paths: SessionPaths, input: NewSession): Promise<SessionManifest> {
    const manifest: SessionManifest = {
      formatVersion: SESSION_FORMAT_VERSION,
      id,
      scenarioId: input.scenarioId,
      scenarioTitle: input.scenarioTitle,
      ...(input.scenarioRevision !== undefined ? { scenarioRevision: input.scenarioRevision } : {}),
      candidate: input.candidate,
      createdAt: this.now().toISOString(),
      endedAt: null,
      status: 'recording',
      sampleRate: input.sampleRate,
      channels: CHANNELS,
      durationFrames: 0,
      recoveredAt: null,
      ...(input.tryoutId !== undefined ? { tryoutId: input.tryoutId } : {}),
      ...(input.consent !== undefined ? { consent: input.consent } : {}),
      ...(input.checklistIds !== undefined ? { checklistIds: [...input.checklistIds] } : {}),
    };
    await writeFile(paths.audio, wavHeader(input.sampleRate, CHANNELS, 0), { flag: 'wx' });
    await writeFile(paths.events, '', { flag: 'wx' });
    await writeFileAtomic(paths.drafts, jsonText({}));
    // 'a+': readable too, so a recording whose folder is removed mid-call can be copied back.
    const audio = await open(paths.audio, 'a+');
    const events = await open(paths.events, 'a+').catch(async (error: unknown) => {
      await audio.close();
      throw error;
    });
    try {
      await audio.datasync();
      await writeFileAtomic(paths.manifest, jsonText(manifest));
    } catch (error) {
      await Promise.allSettled([audio.close(), events.close()]);
      throw error;
    }
    this.open.set(id, { manifest, paths, audio, events, nextSeq: 0, framesWritten: 0, eventBytes: 0 });
    return manifest;
  }

  /** The open session, or the reason it does not take data (not found / already finished). */
  private async requireOpen(id: string): Promise<OpenSession> {
    const session = this.open.get(id);
    if (session) return session;
    const read = await readManifest(sessionPaths(this.opts.dataDir, id).manifest, id);
    if (!read.ok && read.missing) throw new TryoutError('not-found', `There is no session ${id}.`);
    const state = read.ok ? read.manifest.status : 'damaged';
    throw new TryoutError('conflict', `Session ${id} is ${state === 'recording' ? 'not open in this run' : state}; it no longer takes new data.`);
  }

  async appendAudio(id: string, seq: number, pcm: Uint8Array): Promise<{ framesWritten: number }> {
    sessionPaths(this.opts.dataDir, id); // refuses a bad id before anything is queued
    return this.queue.run(id, async () => {
      const s = await this.requireOpen(id);
      if (seq < s.nextSeq) return { framesWritten: s.framesWritten };
      if (seq > s.nextSeq) throw new TryoutError('conflict', `Audio chunk ${seq} arrived before chunk ${s.nextSeq}; send the missing chunk first.`);
      if (pcm.byteLength % FRAME_BYTES !== 0) throw new TryoutError('invalid-argument', 'pcm: must hold whole 2-channel 16-bit frames');
      if (s.framesWritten * FRAME_BYTES + pcm.byteLength > MAX_WAV_DATA_BYTES - FRAME_BYTES) {
        throw new TryoutError('too-large', 'The recording has reached the largest size a WAV file can hold.');
      }
      try {
        await s.audio.appendFile(pcm);
        await s.audio.datasync();
      } catch (error) {
        await s.audio.truncate(WAV_HEADER_BYTES + s.framesWritten * FRAME_BYTES).catch(() => undefined);
        throw await this.failed(s, error);
      }
      s.nextSeq = seq + 1;
      s.framesWritten += pcm.byteLength / FRAME_BYTES;
      // A removed folder does not fail writes to files already open: ask the file itself.
      if (await isUnlinked(s.audio)) throw await this.stop(s, 'folder-missing');
      return { framesWritten: s.framesWritten };
    });
  }

  async appendEvents(id: string, events: readonly SessionEvent[]): Promise<{ count: number }> {
    sessionPaths(this.opts.dataDir, id); // refuses a bad id before anything is queued
    return this.queue.run(id, async () => {
      const s = await this.requireOpen(id);
      if (events.length === 0) return { count: 0 };
      const text = Buffer.from(eventLines(events), 'utf8');
      try {
        await s.events.appendFile(text);
        await s.events.datasync();
      } catch (error) {
        await s.events.truncate(s.eventBytes).catch(() => undefined);
        throw await this.failed(s, error);
      }
      s.eventBytes += text.byteLength;
      if (await isUnlinked(s.events)) throw await this.stop(s, 'folder-missing');
      return { count: events.length };
    });
  }

  /** Saves the draft of a type step. Also accepted after finishing (a late debounced save). */
  async saveDraft(id: string, stepId: string, text: string): Promise<{ savedAt: string }> {
    const paths = sessionPaths(this.opts.dataDir, id);
    return this.queue.run(id, async () => {
      if (!this.open.has(id)) {
        const read = await readManifest(paths.manifest, id);
        if (!read.ok) throw new TryoutError(read.missing ? 'not-found' : 'conflict', `There is no usable session ${id}.`);
      }
      const savedAt = this.now().toISOString();
      const drafts = { ...(await readDrafts(paths.drafts)), [stepId]: { text, savedAt } };
      await writeFileAtomic(paths.drafts, jsonText(drafts)).catch((error: unknown) => {
        const cause = storageCauseOf(error);
        throw cause === null ? error : storageFailedError(cause, null);
      });
      return { savedAt };
    });
  }

  /**
   * Closes the recording: WAV sizes patched, manifest 'complete', or 'incomplete' when the call
   * was hung up before its first answer. Finishing twice returns the same manifest.
   */
  async finish(id: string): Promise<SessionManifest> {
    const paths = sessionPaths(this.opts.dataDir, id);
    return this.queue.run(id, async () => {
      const s = this.open.get(id);
      let manifest: SessionManifest;
      if (s) {
        // Removed just before hang-up: written back like a folder removed mid-call.
        if (await isUnlinked(s.audio)) throw await this.stop(s, 'folder-missing');
        manifest = s.manifest;
        this.open.delete(id);
        await Promise.allSettled([s.audio.close(), s.events.close()]);
      } else {
        const read = await readManifest(paths.manifest, id);
        if (!read.ok) throw new TryoutError(read.missing ? 'not-found' : 'conflict', `There is no usable session ${id}.`);
        if (read.manifest.status !== 'recording') return read.manifest;
        manifest = read.manifest;
      }
      try {
        const frames = finalizeWavFile(paths.audio, manifest.sampleRate, manifest.channels);
        const incomplete = incompleteCall(await this.readEvents(paths.events));
        const ended = { ...manifest, endedAt: this.now().toISOString(), durationFrames: frames };
        const done: SessionManifest = incomplete ? { ...ended, status: 'incomplete', incomplete } : { ...ended, status: 'complete' };
        await writeFileAtomic(paths.manifest, jsonText(done));
        return done;
      } catch (error) {
        // The manifest still says 'recording': the next start recovers the session.
        const cause = storageCauseOf(error);
        throw cause === null ? error : storageFailedError(cause, null);
      }
    });
  }

  /**
   * One channel of the recording, frames [fromFrame, toFrame) clipped to what is written. It
   * waits its turn in the session's queue, so every audio chunk sent before it is on disk.
   * Ranges longer than `maxSeconds` at the session's rate are refused.
   */
  async readAudio(id: string, range: { channel: number; fromFrame: number; toFrame: number; maxSeconds: number }): Promise<ChannelAudio> {
    const paths = sessionPaths(this.opts.dataDir, id);
    return this.queue.run(id, async () => {
      let manifest = this.open.get(id)?.manifest;
      if (!manifest) {
        const read = await readManifest(paths.manifest, id);
        if (!read.ok) throw new TryoutError(read.missing ? 'not-found' : 'conflict', `There is no usable session ${id}.`);
        manifest = read.manifest;
      }
      if (range.toFrame - range.fromFrame > range.maxSeconds * manifest.sampleRate) {
        throw new TryoutError('invalid-argument', `At most ${range.maxSeconds / 60} minutes of a recording can be read at once.`);
      }
      return readChannelRange(paths.audio, range.channel, range.fromFrame, range.toFrame);
    });
  }

  /** The write failed: a storage problem stops the session (what was written is kept); anything else is passed on. */
  private async failed(s: OpenSession, error: unknown): Promise<unknown> {
    const cause = storageCauseOf(error);
    return cause === null ? error : this.stop(s, cause);
  }

  /** Ends recording for a session whose files cannot be written; the error tells the coach why. */
  private stop(s: OpenSession, cause: StorageCause): Promise<TryoutError> {
    this.open.delete(s.manifest.id);
    return stopForStorage(s, cause, this.now(), this.log);
  }

  /** Every readable session, newest first; damaged ones are skipped and logged. */
  list(): Promise<SessionManifest[]> {
    return listSessionManifests(this.opts.dataDir, this.log, this.reported);
  }

  async get(id: string): Promise<SessionDetail> {
    const paths = sessionPaths(this.opts.dataDir, id);
    const read = await readManifest(paths.manifest, id);
    if (!read.ok) {
      if (read.missing) throw new TryoutError('not-found', `There is no session ${id}.`);
      throw new TryoutError('internal', `Session ${id} cannot be opened: ${read.reason}.`);
    }
    const events = await this.readEvents(paths.events, id);
    return { manifest: read.manifest, events, drafts: await readDrafts(paths.drafts) };
  }

  /** The session's events; unreadable lines are skipped (and logged when `id` is given). */
  private async readEvents(file: string, id?: string): Promise<SessionEvent[]> {
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    const { events, skipped } = parseEvents(text);
    if (skipped > 0 && id !== undefined) this.log(`session ${id}: skipped ${skipped} unreadable line(s) in events.jsonl`);
    return events;
  }

  /** Waits for queued work, then closes open files. Open sessions stay 'recording' (recovered next start). */
  async close(): Promise<void> {
    await this.queue.idle();
    const sessions = [...this.open.values()];
    this.open.clear();
    await Promise.allSettled(sessions.flatMap((s) => [s.audio.close(), s.events.close()]));
  }
}
