import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { computePeaks } from '../../../core/analysis/peaks.js';
import { coachIdOf, type Review } from '../../../core/review/schema.js';
import { createTrainerService, type TrainerService } from '../../../electron/services/trainer-service.js';
import { makeScenariosDir, SCENARIO_ID, stereoPcm } from './fixtures.js';

/** "Laptops" (a data folder and a service each) with recorded, analysed and reviewed sessions, for the bundle tests. */

export interface Laptop {
  readonly dataDir: string;
  readonly service: TrainerService;
}

export function makeLaptop(root: string, name: string): Laptop {
  const scenariosDir = join(root, `${name}-scenarios`);
  mkdirSync(scenariosDir, { recursive: true });
  const shipped = makeScenariosDir(scenariosDir);
  const dataDir = join(root, name);
  mkdirSync(dataDir, { recursive: true });
  return { dataDir, service: createTrainerService({ dataDir, scenariosDir: shipped, log: () => undefined, transcriber: null, analyseFinishedCalls: false }) };
}

/** Records a short finished session (audio, events, a draft) plus analysis.json and peaks.json. */
export async function recordSession(laptop: Laptop, candidate: string, frames = 1600): Promise<string> {
  const { service } = laptop;
  const m = await service.api.startSession({ scenarioId: SCENARIO_ID, candidate: { name: candidate }, sampleRate: 16_000 });
  await service.api.appendAudio({ sessionId: m.id, seq: 0, pcm: stereoPcm(frames, candidate.length * 1000) });
  await service.api.appendEvents({ sessionId: m.id, events: [{ type: 'call-started', frame: 0, scenarioId: SCENARIO_ID }] });
  await service.api.saveDraft({ sessionId: m.id, stepId: 'answer', text: `typed by ${candidate}` });
  await service.api.finishSession({ sessionId: m.id });
  const dir = join(laptop.dataDir, 'sessions', m.id);
  writeFileSync(join(dir, 'analysis.json'), `${JSON.stringify({ formatVersion: 1, sessionId: m.id, scenarioId: m.scenarioId, sampleRate: m.sampleRate, transcriber: { engine: 'none' }, checklists: ['respect'], turns: [], holds: [], findings: [] }, null, 2)}\n`);
  const peaks = computePeaks([new Int16Array(frames), new Int16Array(frames).fill(100)], 16_000);
  writeFileSync(join(dir, 'peaks.json'), `${JSON.stringify(peaks)}\n`);
  return m.id;
}

/** Writes a coach's review file as the review back end would. */
export function writeReview(dataDir: string, sessionId: string, coachName: string, updatedAt: string, summary: string): Review {
  const review: Review = {
    formatVersion: 1,
    sessionId,
    coach: { id: coachIdOf(coachName), name: coachName },
    startedAt: '2026-11-23T09:00:00.000Z',
    updatedAt,
    decisions: {},
    scores: { 'coach/warmth': { score: 4, note: 'friendly' } },
    annotations: [{ id: 'a1', startFrame: 100, endFrame: 800, note: 'sigh here', tags: ['sigh'], createdAt: updatedAt }],
    summary,
    verdict: 'advance',
  };
  const dir = join(dataDir, 'sessions', sessionId, 'reviews');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${review.coach.id}.json`), `${JSON.stringify(review, null, 2)}\n`);
  return review;
}

export type Entries = Record<string, Uint8Array>;

export function entriesOf(zip: Uint8Array): Entries {
  return unzipSync(zip);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const text = (value: string) => new TextEncoder().encode(value);

/** bundle.json describing `entries` truthfully (sessions: the first path segments). */
export function truthfulIndex(entries: Entries): Uint8Array {
  const files = Object.entries(entries).filter(([name]) => name !== 'bundle.json' && !name.endsWith('/'));
  const index = {
    format: 'tryout-session-bundle',
    version: 1,
    exportedAt: '2026-11-23T12:00:00.000Z',
    sessions: [...new Set(files.map(([name]) => name.split('/')[0] ?? ''))],
    files: Object.fromEntries(files.map(([name, bytes]) => [name, { size: bytes.byteLength, sha256: sha256(bytes) }])),
  };
  return text(JSON.stringify(index));
}

/** A zip of `entries` as given; `reindex` rewrites bundle.json to match them (so only the change under test is wrong). */
export function bundleOf(entries: Record<string, Uint8Array | string>, opts: { reindex?: boolean; symlinks?: readonly string[] } = {}): Uint8Array<ArrayBuffer> {
  const bytes: Entries = Object.fromEntries(Object.entries(entries).map(([n, v]) => [n, typeof v === 'string' ? text(v) : v]));
  if (opts.reindex) bytes['bundle.json'] = truthfulIndex(bytes);
  const zippable: Zippable = {};
  for (const [name, value] of Object.entries(bytes)) {
    // A Unix symbolic link: host 3 (Unix), mode S_IFLNK | 0777 in the high half of the external attributes.
    zippable[name] = opts.symlinks?.includes(name) ? [value, { os: 3, attrs: (0o120777 << 16) >>> 0 }] : [value, {}];
  }
  return zipSync(zippable, { level: 6 });
}

export function listing(dir: string): string[] {
  return readdirSync(dir).sort();
}
