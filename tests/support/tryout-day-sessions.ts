import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReviewContent } from '../../core/review/schema.js';
import type { SessionManifest } from '../../core/session/manifest.js';
import { CONSENT_VERSION } from '../../core/tryout/consent.js';
import type { Tryout } from '../../core/tryout/schema.js';
import { wavHeader } from '../../electron/services/session/wav.js';
import { RATE, writeSession } from '../unit/services/report-fixtures.js';

/**
 * A tryout day written straight to disk, as the kiosk leaves it: the tryout's file and its
 * candidates' finished, analysed sessions (report-fixtures' angry-caller analysis, with a silent
 * recording of the call's 40 s), each naming the tryout, with the coaches' reviews.
 */

export interface DayCall {
  readonly id: string;
  readonly candidate: string;
  readonly candidateId?: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly createdAt: string;
  readonly reviews?: readonly { coach: string; content: ReviewContent }[];
}

const CALL_SECONDS = 40;

export function tryoutOf(id: string, name: string, date: string, scenarioIds: readonly string[]): Tryout {
  const at = `${date}T08:00:00.000Z`;
  return { formatVersion: 1, id, name, date, scenarioIds: [...scenarioIds], checklistIds: ['respect', 'patience'], typedStepsAllowed: false, createdAt: at, updatedAt: at };
}

export function writeTryoutDay(dataDir: string, tryout: Tryout, calls: readonly DayCall[]): void {
  mkdirSync(join(dataDir, 'tryouts'), { recursive: true });
  writeFileSync(join(dataDir, 'tryouts', `${tryout.id}.json`), `${JSON.stringify(tryout, null, 2)}\n`);
  for (const call of calls) {
    const { dir } = writeSession(dataDir, { id: call.id, candidate: call.candidate, createdAt: call.createdAt, reviews: call.reviews ?? [] });
    const path = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as SessionManifest;
    const frames = CALL_SECONDS * RATE;
    const day: SessionManifest = {
      ...manifest,
      scenarioId: call.scenarioId,
      scenarioTitle: call.scenarioTitle,
      candidate: { name: call.candidate, ...(call.candidateId ? { candidateId: call.candidateId } : {}) },
      durationFrames: frames,
      tryoutId: tryout.id,
      consent: { version: CONSENT_VERSION, acceptedAt: call.createdAt },
      checklistIds: tryout.checklistIds,
    };
    writeFileSync(path, JSON.stringify(day));
    const bytes = frames * 2 * 2;
    writeFileSync(join(dir, 'audio.wav'), Buffer.concat([wavHeader(RATE, 2, bytes), Buffer.alloc(bytes)]));
  }
}
