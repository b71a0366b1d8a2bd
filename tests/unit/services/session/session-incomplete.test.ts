import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { libraryRowOf } from '../../../../core/library/library-row.js';
import type { SessionEvent } from '../../../../core/session/events.js';
import { SessionManifestSchema } from '../../../../core/session/manifest.js';
import { readManifest } from '../../../../electron/services/session/session-files.js';
import { SessionStore } from '../../../../electron/services/session/session-store.js';
import { stereoPcm, tempRoot } from '../fixtures.js';

const SR = 16_000;
const root = tempRoot('incomplete');
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dataDir: string;
let store: SessionStore;
let n = 0;
beforeEach(() => {
  dataDir = join(root, `data-${n++}`);
  store = new SessionStore({ dataDir, log: () => undefined });
});
afterEach(() => store.close());

const opening: SessionEvent[] = [
  { type: 'call-started', frame: 0, scenarioId: 'angry-caller' },
  { type: 'step-entered', frame: 0, stepId: 'open', kind: 'say' },
];

async function callWith(events: readonly SessionEvent[]) {
  const m = await store.create({ scenarioId: 'angry-caller', scenarioTitle: 'The angry caller', candidate: { name: 'Ada' }, sampleRate: SR });
  await store.appendAudio(m.id, 0, stereoPcm(5 * SR));
  await store.appendEvents(m.id, events);
  await store.finish(m.id);
  return JSON.parse(readFileSync(join(dataDir, 'sessions', m.id, 'manifest.json'), 'utf8')) as unknown;
}

describe('finishing a session: complete or incomplete', () => {
  it('marks a call hung up 4 s in, before the first answer, incomplete on disk, and the library row says why', async () => {
    const manifest = SessionManifestSchema.parse(await callWith([...opening, { type: 'call-ended', frame: 4.1 * SR, reason: 'hung-up' }]));
    expect(manifest).toMatchObject({ status: 'incomplete', incomplete: { reason: 'hung-up-before-first-answer', hungUpAtFrame: 4.1 * SR }, durationFrames: 5 * SR });
    const row = libraryRowOf(manifest, []);
    expect(row).toMatchObject({ status: 'incomplete', incompleteReason: 'hung up at 0:04 before the first answer' });
  });

  it('marks a call hung up after its first answer complete, with no reason', async () => {
    const manifest = SessionManifestSchema.parse(
      await callWith([
        ...opening,
        { type: 'turn-ended', frame: 3 * SR, stepId: 'first-answer', reason: 'silence', speechStartFrame: SR, speechEndFrame: 2 * SR },
        { type: 'call-ended', frame: 4 * SR, reason: 'hung-up' },
      ]),
    );
    expect(manifest.status).toBe('complete');
    expect(manifest.incomplete).toBeUndefined();
    expect(libraryRowOf(manifest, []).incompleteReason).toBeNull();
  });

  it('still reads a manifest written before incomplete calls existed', async () => {
    const old = await callWith([...opening, { type: 'call-ended', frame: SR, reason: 'completed' }]);
    const { id } = SessionManifestSchema.parse(old);
    // An older version's manifest: status complete, no "incomplete" key.
    const file = join(dataDir, 'sessions', id, 'manifest.json');
    writeFileSync(file, JSON.stringify({ ...(old as object), status: 'complete' }));
    const read = await readManifest(file, id);
    expect(read.ok && read.manifest.status).toBe('complete');
    expect(read.ok && libraryRowOf(read.manifest, []).incompleteReason).toBeNull();
  });
});
