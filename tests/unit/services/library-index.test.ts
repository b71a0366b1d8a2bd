import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryQuerySchema } from '../../../core/library/library-query.js';
import { LibraryIndex } from '../../../electron/services/library-index.js';
import { generateSessions } from '../../support/library-sessions.js';
import { tempRoot } from './fixtures.js';

const query = (q: object = {}) => LibraryQuerySchema.parse(q);

describe('LibraryIndex', () => {
  it('builds from the session folders on disk, skipping and reporting damaged ones', async () => {
    const dataDir = join(tempRoot('library-index'), 'data');
    const ids = generateSessions(dataDir, 60);
    const [damaged = '', badReview = '', removed = ''] = [ids[1], ids[0], ids[2]];
    writeFileSync(join(dataDir, 'sessions', damaged, 'manifest.json'), '{"formatVersion":1,');
    writeFileSync(join(dataDir, 'sessions', badReview, 'reviews', 'bo-berg.json'), '[]');
    const logs: string[] = [];
    const index = new LibraryIndex({ dataDir, log: (m) => logs.push(m) });

    const page = await index.search(query({ limit: 500 }));
    expect(page.total).toBe(59);
    expect(page.rows.map((r) => r.sessionId)).toEqual(ids.filter((id) => id !== damaged).reverse());
    expect(logs.sort()).toEqual([
      `library: skipping ${damaged}: manifest.json is not valid JSON`,
      `reviews: skipping sessions/${badReview}/reviews/bo-berg.json: it is not a valid review (input: Invalid input: expected object, received array)`,
    ]);
    // Session 0 keeps Ana's review although Bo's file is damaged.
    expect((await index.row(badReview))?.reviewers.map((c) => c.id)).toEqual(['ana-lima']);
    expect(page.scenarios.map((s) => [s.title, s.sessions])).toEqual([
      ['Angry refund', 15],
      ['Double charge', 15],
      ['Late parcel', 15],
      ['Not listening', 14],
    ]);

    rmSync(join(dataDir, 'sessions', removed), { recursive: true });
    await index.refresh(removed);
    expect((await index.search(query())).total).toBe(58);
    expect(await index.row(removed)).toBeUndefined();
  });

  it('is empty when there is no sessions folder', async () => {
    const index = new LibraryIndex({ dataDir: join(tempRoot('library-empty'), 'data'), log: () => undefined });
    expect(await index.search(query())).toEqual({ total: 0, offset: 0, rows: [], scenarios: [] });
  });

  it('refuses a bad session id', async () => {
    const index = new LibraryIndex({ dataDir: join(tempRoot('library-bad'), 'data'), log: () => undefined });
    await expect(index.refresh('../../x')).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
