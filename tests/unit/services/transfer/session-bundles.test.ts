import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleOf, entriesOf, makeLaptop, recordSession, writeReview, type Laptop } from '../bundle-fixtures.js';
import { tempRoot } from '../fixtures.js';
import { treeDigest } from '../library-fixtures.js';

/**
 * Moving sessions between laptops: export -> import gives byte-identical files, importing twice
 * changes nothing, and reviews by two coaches on two laptops merge (later updatedAt wins for the
 * same coach).
 */

const root = tempRoot('bundles');
let a: Laptop;
let b: Laptop;
let first: string;
let second: string;

beforeAll(async () => {
  a = makeLaptop(root, 'laptop-a');
  b = makeLaptop(root, 'laptop-b');
  first = await recordSession(a, 'Ada');
  second = await recordSession(a, 'Grace', 3200);
  writeReview(a.dataDir, first, 'Ana Ruiz', '2026-11-23T10:00:00.000Z', 'Ana, first pass');
});
afterAll(async () => {
  await Promise.all([a.service.close(), b.service.close()]);
  rmSync(root, { recursive: true, force: true });
});

const sessionsOf = (laptop: Laptop) => treeDigest(join(laptop.dataDir, 'sessions'));
const bundleBytes = (path: string) => new Uint8Array(readFileSync(path));

describe('session bundles', () => {
  it('round trip: an export imports into an empty data folder with byte-identical files', async () => {
    const exported = await a.service.api.exportSessionBundle({ sessionIds: [first, second] });
    expect(exported.fileName).toMatch(/^sessions-\d{8}-\d{6}\.tryout$/);
    expect(exported).toMatchObject({ url: `/media/exports/${exported.fileName}`, sessions: 2, bytes: readFileSync(exported.path).byteLength });
    expect(a.service.resolveMedia(exported.url)).toBe(exported.path);
    expect(a.service.resolveMedia('/media/exports/..%2Fsessions.tryout')).toBeNull();

    const names = Object.keys(entriesOf(bundleBytes(exported.path))).sort();
    expect(names).toEqual(
      [
        'bundle.json',
        ...[first, second].flatMap((id) => ['manifest.json', 'events.jsonl', 'audio.wav', 'drafts.json', 'analysis.json', 'peaks.json'].map((f) => `${id}/${f}`)),
        `${first}/reviews/ana-ruiz.json`,
      ].sort(),
    );

    const result = await b.service.api.importSessionBundle({ bundle: bundleBytes(exported.path) });
    expect(result).toEqual({ imported: [first, second], updated: [], unchanged: [], reviewsMerged: 0 });
    expect(sessionsOf(b)).toEqual(sessionsOf(a));
    expect(treeDigest(b.dataDir).filter((line) => line.startsWith('.bundle-import'))).toEqual([]);
    const listed = await b.service.api.listSessions({});
    expect(listed.map((m) => m.candidate.name).sort()).toEqual(['Ada', 'Grace']);
  });

  it('importing the same bundle twice changes nothing', async () => {
    const exported = await a.service.api.exportSessionBundle({ sessionIds: [first, second] });
    const before = treeDigest(b.dataDir);
    const result = await b.service.api.importSessionBundle({ bundle: bundleBytes(exported.path) });
    expect(result).toEqual({ imported: [], updated: [], unchanged: [first, second], reviewsMerged: 0 });
    expect(treeDigest(b.dataDir)).toEqual(before);
  });

  it('merges the reviews of two coaches made on two laptops; the later review of the same coach wins', async () => {
    // Laptop B: Ben reviews. Laptop A: Ana revises her review later.
    writeReview(b.dataDir, first, 'Ben Okafor', '2026-11-23T10:30:00.000Z', 'Ben on laptop B');
    const anaLater = writeReview(a.dataDir, first, 'Ana Ruiz', '2026-11-23T11:00:00.000Z', 'Ana, revised');

    // B -> A: Ben's review is added; A keeps Ana's later one.
    const fromB = await b.service.api.exportSessionBundle({ sessionIds: [first] });
    expect(await a.service.api.importSessionBundle({ bundle: bundleBytes(fromB.path) })).toEqual({ imported: [], updated: [first], unchanged: [], reviewsMerged: 1 });
    const anaOnA = JSON.parse(readFileSync(join(a.dataDir, 'sessions', first, 'reviews', 'ana-ruiz.json'), 'utf8'));
    expect(anaOnA).toEqual(anaLater);

    // A -> B: Ana's later review replaces the earlier one; Ben's is the same on both.
    const fromA = await a.service.api.exportSessionBundle({ sessionIds: [first, second] });
    expect(await b.service.api.importSessionBundle({ bundle: bundleBytes(fromA.path) })).toEqual({ imported: [], updated: [first], unchanged: [second], reviewsMerged: 1 });

    expect(sessionsOf(b)).toEqual(sessionsOf(a));
    expect(sessionsOf(b).filter((line) => line.includes('/reviews/') && !line.endsWith('/')).map((line) => line.split(' ')[0])).toEqual([
      `${first}/reviews/ana-ruiz.json`,
      `${first}/reviews/ben-okafor.json`,
    ]);
  });

  it('refuses a session that is already here with a different recording, naming it, and changes nothing', async () => {
    const exported = await a.service.api.exportSessionBundle({ sessionIds: [first, second] });
    const entries = entriesOf(bundleBytes(exported.path));
    const audio = entries[`${second}/audio.wav`] as Uint8Array;
    audio[audio.byteLength - 1] = (audio[audio.byteLength - 1] ?? 0) ^ 1;
    const before = treeDigest(b.dataDir);
    const error = await b.service.api.importSessionBundle({ bundle: bundleOf(entries, { reindex: true }) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringContaining(`Session ${second} is already here with a different recording (its audio.wav differs`) });
    expect(treeDigest(b.dataDir)).toEqual(before);
  });

  it('undoes the moves already done when a later one fails, leaving nothing behind', async () => {
    // A new session (moved first) and a review for `second`, whose reviews "folder" on B is a file, so moving the review in fails.
    const third = await recordSession(a, 'Hedy');
    writeReview(a.dataDir, second, 'Cleo Park', '2026-11-23T12:00:00.000Z', 'Cleo');
    writeFileSync(join(b.dataDir, 'sessions', second, 'reviews'), 'not a folder');
    const exported = await a.service.api.exportSessionBundle({ sessionIds: [third, second] });
    const before = treeDigest(b.dataDir);
    await expect(b.service.api.importSessionBundle({ bundle: bundleBytes(exported.path) })).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/could not be moved into place \(ENOTDIR\); .* nothing was imported/) });
    expect(treeDigest(b.dataDir)).toEqual(before);
    expect(existsSync(join(b.dataDir, 'sessions', third))).toBe(false);
    rmSync(join(b.dataDir, 'sessions', second, 'reviews'));
    expect(await b.service.api.importSessionBundle({ bundle: bundleBytes(exported.path) })).toEqual({ imported: [third], updated: [second], unchanged: [], reviewsMerged: 1 });
  });

  it('refuses to export a session that is still recording, or one that does not exist', async () => {
    const open = await a.service.api.startSession({ scenarioId: 'test-call', candidate: { name: 'Lin' }, sampleRate: 16_000 });
    await expect(a.service.api.exportSessionBundle({ sessionIds: [open.id] })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('still recording') });
    await expect(a.service.api.exportSessionBundle({ sessionIds: ['20261123-000000-zzzzzz'] })).rejects.toMatchObject({ code: 'not-found' });
    await a.service.api.finishSession({ sessionId: open.id });
  });
});
