import type { Candidate, SessionManifest } from '../session/manifest.js';
import { storageStopText, type StorageCause } from '../session/storage-stop.js';
import type { Consent } from './consent.js';

/**
 * Where a candidate picks up after the app stopped (killed, crashed, or a call stopped because
 * the disk failed): worked out from the day's session manifests, which are the truth, so
 * nothing extra has to be written while a call runs (nor when the disk is full).
 *
 * A candidate's visit is the calls made under one check-in and consent. A call ended by the
 * customer or by the candidate (complete or incomplete) is done and never offered again; the
 * first call of the playlist not done is where the candidate continues. An interrupted call
 * starts again from its beginning: a scripted call cannot pick up mid-conversation, and the
 * coach keeps the interrupted recording beside the new one.
 */

export interface KioskResume {
  readonly candidate: Candidate;
  readonly consent: Consent;
  /** The index in the playlist of the call the candidate continues at. */
  readonly index: number;
  /** The call that was interrupted, or null when the app stopped between two calls. */
  readonly interrupted: {
    readonly sessionId: string;
    readonly scenarioId: string;
    /** 'app-stopped': killed or crashed; otherwise why its files could not be written. */
    readonly cause: 'app-stopped' | StorageCause;
  } | null;
}

function visitKey(m: SessionManifest): string | null {
  if (!m.consent) return null;
  return JSON.stringify([m.consent.acceptedAt, m.candidate.name, m.candidate.candidateId ?? '']);
}

function newestFirst(a: SessionManifest, b: SessionManifest): number {
  return Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id.localeCompare(a.id);
}

const isDone = (m: SessionManifest) => m.status === 'complete' || m.status === 'incomplete';

/**
 * Where the day's latest candidate continues, or null: nobody has started, a call is being
 * recorded now, or the latest candidate has done every call. `sessions`: the day's sessions of
 * this tryout, in any order.
 */
export function kioskResume(playlist: readonly string[], sessions: readonly SessionManifest[]): KioskResume | null {
  const sorted = [...sessions].sort(newestFirst);
  const latest = sorted.find((m) => visitKey(m) !== null);
  if (!latest?.consent || latest.status === 'recording') return null;
  const key = visitKey(latest);
  const visit = sorted.filter((m) => visitKey(m) === key);
  const index = playlist.findIndex((id) => !visit.some((m) => m.scenarioId === id && isDone(m)));
  if (index < 0) return null;
  const scenarioId = playlist[index] ?? '';
  const cut = visit.find((m) => m.scenarioId === scenarioId && m.status === 'recovered');
  return {
    candidate: latest.candidate,
    consent: latest.consent,
    index,
    interrupted: cut ? { sessionId: cut.id, scenarioId, cause: cut.storageStop?.cause ?? 'app-stopped' } : null,
  };
}

/** `m:ss` of a frame count. */
function clock(frames: number, sampleRate: number): string {
  const seconds = Math.floor(frames / sampleRate);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * One line per call of the day that did not end normally, oldest first, for the coach:
 * "Amara Okafor, Angry caller: the app stopped during the call; recovered, the first 0:42 is kept."
 */
export function interruptedCallNotices(sessions: readonly SessionManifest[]): string[] {
  return [...sessions]
    .sort(newestFirst)
    .reverse()
    .filter((m) => m.status === 'recovered')
    .map((m) => {
      const who = `${m.candidate.name}${m.candidate.candidateId ? ` (${m.candidate.candidateId})` : ''}, ${m.scenarioTitle}`;
      if (m.storageStop) return `${who}: the call ${storageStopText(m.storageStop, m.sampleRate)}.`;
      return `${who}: the app stopped during the call; it was recovered, and the first ${clock(m.durationFrames, m.sampleRate)} is kept.`;
    });
}
