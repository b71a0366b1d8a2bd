import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coachIdOf, ReviewSchema, VERDICTS, type Review } from '../../core/review/schema.js';
import type { SessionManifest } from '../../core/session/manifest.js';

/** Session folders written straight to disk (manifest + reviews, no audio) for library tests and the bench. */

export function sessionManifest(id: string, fields: Partial<SessionManifest> = {}): SessionManifest {
  return {
    formatVersion: 1,
    id,
    scenarioId: 'late-parcel',
    scenarioTitle: 'Late parcel',
    candidate: { name: 'Ada Byron' },
    createdAt: '2026-11-23T10:00:00.000Z',
    endedAt: '2026-11-23T10:05:00.000Z',
    status: 'complete',
    sampleRate: 16_000,
    channels: 2,
    durationFrames: 300 * 16_000,
    recoveredAt: null,
    ...fields,
  };
}

export function coachReview(sessionId: string, coachName: string, fields: Partial<Review> = {}): Review {
  return ReviewSchema.parse({
    formatVersion: 1,
    sessionId,
    coach: { id: coachIdOf(coachName), name: coachName },
    startedAt: '2026-11-24T09:00:00.000Z',
    updatedAt: '2026-11-24T09:30:00.000Z',
    decisions: {},
    scores: {},
    annotations: [],
    summary: '',
    verdict: null,
    ...fields,
  });
}

/** Writes `<dataDir>/sessions/<id>/manifest.json` and one reviews/<coachId>.json per review. */
export function writeSessionFolder(dataDir: string, manifest: SessionManifest, reviews: readonly Review[] = []): string {
  const dir = join(dataDir, 'sessions', manifest.id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (reviews.length > 0) mkdirSync(join(dir, 'reviews'), { recursive: true });
  for (const review of reviews) writeFileSync(join(dir, 'reviews', `${review.coach.id}.json`), `${JSON.stringify(review, null, 2)}\n`);
  return dir;
}

const FIRST = ['Ada', 'José', 'Mia', 'Noah', 'Li', 'Omar', 'Zoe', 'Ivan', 'Sara', 'Kofi', 'Ana', 'Bo'];
const LAST = ['Byron', 'Ruiz', 'Okafor', 'Smith', 'Chen', 'Haddad', 'Quinn', 'Petrov', 'Berg', 'Mensah'];
const SCENARIOS = [
  ['late-parcel', 'Late parcel'],
  ['not-listening', 'Not listening'],
  ['double-charge', 'Double charge'],
  ['angry-refund', 'Angry refund'],
] as const;

/**
 * `count` plausible sessions (deterministic): about a third reviewed by one or two coaches,
 * a few recovered. Returns the ids.
 */
export function generateSessions(dataDir: string, count: number): string[] {
  const ids: string[] = [];
  const start = Date.parse('2026-01-05T09:00:00.000Z');
  for (let i = 0; i < count; i++) {
    const at = new Date(start + i * 7 * 60_000);
    const id = `${at.toISOString().slice(0, 10).replace(/-/g, '')}-${at.toISOString().slice(11, 19).replace(/:/g, '')}-${i.toString(36).padStart(6, '0')}`;
    const [scenarioId, scenarioTitle] = SCENARIOS[i % SCENARIOS.length] ?? SCENARIOS[0];
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    const recovered = i % 97 === 0;
    const manifest = sessionManifest(id, {
      scenarioId,
      scenarioTitle,
      candidate: { name, candidateId: `c${String(i % 1500).padStart(4, '0')}` },
      createdAt: at.toISOString(),
      endedAt: new Date(at.getTime() + 300_000).toISOString(),
      status: recovered ? 'recovered' : 'complete',
      durationFrames: (60 + ((i * 37) % 900)) * 16_000,
      recoveredAt: recovered ? new Date(at.getTime() + 3_600_000).toISOString() : null,
    });
    const reviews: Review[] = [];
    if (i % 3 === 0) reviews.push(coachReview(id, 'Ana Lima', { verdict: VERDICTS[i % 3 === 0 && i % 2 === 0 ? 0 : 1] ?? null }));
    if (i % 6 === 0) reviews.push(coachReview(id, 'Bo Berg', { verdict: i % 12 === 0 ? null : 'not-a-fit' }));
    writeSessionFolder(dataDir, manifest, reviews);
    ids.push(id);
  }
  return ids;
}
