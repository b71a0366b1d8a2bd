import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_REVIEW_CONTENT, ReviewSchema, type ReviewContent } from '../../../../core/review/schema.js';
import { ReviewStore } from '../../../../electron/services/review/review-store.js';
import { sessionManifest, writeSessionFolder } from '../../../support/library-sessions.js';
import { tempRoot } from '../fixtures.js';

const ID = '20261123-100000-review';

function setup(now = () => new Date('2026-11-24T09:00:00.000Z')) {
  const dataDir = join(tempRoot('reviews'), 'data');
  const dir = writeSessionFolder(dataDir, sessionManifest(ID));
  const logs: string[] = [];
  const store = new ReviewStore({ dataDir, log: (m) => logs.push(m), now });
  return { dataDir, dir, logs, store };
}

const content = (over: Partial<ReviewContent> = {}): ReviewContent => ({
  ...EMPTY_REVIEW_CONTENT,
  decisions: { 'respect/no-talk-down': { automaticStatus: 'pass', status: 'fail', reason: 'said "calm down" at 0:41', decidedAt: '2026-11-24T09:01:00.000Z' } },
  summary: 'Kept calm until the second complaint.',
  ...over,
});

describe('ReviewStore', () => {
  it("writes the coach's review to reviews/<coachId>.json and reads it back", async () => {
    const { store, dir } = setup();
    const saved = await store.save(ID, '  Ana María  ', content());
    const file = join(dir, 'reviews', 'ana-maria.json');
    expect(ReviewSchema.parse(JSON.parse(readFileSync(file, 'utf8')))).toEqual(saved);
    expect(saved).toMatchObject({ formatVersion: 1, sessionId: ID, coach: { id: 'ana-maria', name: 'Ana María' }, summary: 'Kept calm until the second complaint.' });
    expect(await store.get(ID)).toEqual([saved]);
    // No temporary files are left next to it.
    expect(readdirSync(join(dir, 'reviews'))).toEqual(['ana-maria.json']);
  });

  it('keeps startedAt and stamps updatedAt on every save', async () => {
    let t = Date.parse('2026-11-24T09:00:00.000Z');
    const { store, dir } = setup(() => new Date((t += 60_000)));
    const first = await store.save(ID, 'Bo', content());
    const second = await store.save(ID, 'Bo', content({ verdict: 'advance' }));
    expect(second.startedAt).toBe(first.startedAt);
    expect(Date.parse(second.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));
    expect(JSON.parse(readFileSync(join(dir, 'reviews', 'bo.json'), 'utf8'))).toMatchObject({ startedAt: first.startedAt, updatedAt: second.updatedAt, verdict: 'advance' });
  });

  it('runs saves for one session one at a time, the last call winning', async () => {
    const { store, dir } = setup();
    const summaries = Array.from({ length: 20 }, (_, i) => `draft ${i}`);
    await Promise.all(summaries.map((summary) => store.save(ID, 'Bo', content({ summary }))));
    expect(JSON.parse(readFileSync(join(dir, 'reviews', 'bo.json'), 'utf8')).summary).toBe('draft 19');
    expect(readdirSync(join(dir, 'reviews'))).toEqual(['bo.json']);
  });

  it('keeps one file per coach', async () => {
    const { store } = setup();
    await store.save(ID, 'Bo', content());
    await store.save(ID, 'Ana', content({ verdict: 'hold' }));
    expect((await store.get(ID)).map((r) => [r.coach.id, r.verdict])).toEqual([
      ['ana', 'hold'],
      ['bo', null],
    ]);
  });

  it('skips and reports a damaged review file without failing the list', async () => {
    const { store, dir, logs } = setup();
    await store.save(ID, 'Ana', content());
    writeFileSync(join(dir, 'reviews', 'bo.json'), '{"formatVersion": 1, "sessionId": "tru');
    writeFileSync(join(dir, 'reviews', 'cy.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'reviews', 'ana.json'), 'utf8')), verdict: 'maybe' }));
    writeFileSync(join(dir, 'reviews', 'notes.txt'), 'not a review');
    expect((await store.get(ID)).map((r) => r.coach.id)).toEqual(['ana']);
    expect(logs).toEqual([
      `reviews: skipping sessions/${ID}/reviews/bo.json: it is not valid JSON`,
      expect.stringMatching(new RegExp(`^reviews: skipping sessions/${ID}/reviews/cy.json: it is not a valid review \\(verdict: `)),
    ]);
    await store.get(ID);
    expect(logs).toHaveLength(2); // reported once
  });

  it('refuses a review file that belongs to another coach', async () => {
    const { store, dir, logs } = setup();
    await store.save(ID, 'Ana', content());
    writeFileSync(join(dir, 'reviews', 'bo.json'), readFileSync(join(dir, 'reviews', 'ana.json')));
    expect((await store.get(ID)).map((r) => r.coach.id)).toEqual(['ana']);
    expect(logs[0]).toContain('bo.json: it holds the review of coach "ana"');
  });

  it('sets a damaged file of the same coach aside instead of overwriting it', async () => {
    const { store, dir, logs } = setup();
    mkdirSync(join(dir, 'reviews'));
    writeFileSync(join(dir, 'reviews', 'bo.json'), 'garbage');
    const saved = await store.save(ID, 'Bo', content());
    const names = readdirSync(join(dir, 'reviews')).sort();
    expect(names).toEqual(['bo.damaged-2026-11-24T09-00-00-000Z.bak', 'bo.json']);
    expect(readFileSync(join(dir, 'reviews', names[0] ?? ''), 'utf8')).toBe('garbage');
    expect(await store.get(ID)).toEqual([saved]);
    expect(logs[0]).toContain('kept as bo.damaged-');
  });

  it('refuses bad session ids, unknown and recording sessions, and invalid content, writing nothing', async () => {
    const { store, dataDir } = setup();
    await expect(store.get('../../etc')).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(store.save('../escape-it', 'Bo', content())).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(store.save('20261123-100000-nowhere', 'Bo', content())).rejects.toMatchObject({ code: 'not-found' });
    writeSessionFolder(dataDir, sessionManifest('20261123-100000-ongoing', { status: 'recording', endedAt: null }));
    await expect(store.save('20261123-100000-ongoing', 'Bo', content())).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('still recording') });
    await expect(store.save(ID, '   ', content())).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('coachName') });
    const override = content({ decisions: { 'respect/x': { automaticStatus: 'pass', status: 'fail', reason: '', decidedAt: '2026-11-24T09:01:00.000Z' } } });
    await expect(store.save(ID, 'Bo', override)).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('overriding a finding needs a reason') });
    expect(existsSync(join(dataDir, 'sessions', ID, 'reviews', 'bo.json'))).toBe(false);
    expect(await store.get(ID)).toEqual([]);
  });
});

describe('ReviewStore coach names', () => {
  it("updates the name for another spelling of the same coach, and never overwrites another coach's file", async () => {
    const { store, dir } = setup();
    await store.save(ID, 'Ana María', content());
    expect((await store.save(ID, 'ana  maria', content())).coach).toEqual({ id: 'ana-maria', name: 'ana  maria' });
    // Names without Latin letters get ids from a hash of the name, so two such coaches never share a file.
    const first = await store.save(ID, '王芳', content({ summary: 'first' }));
    const second = await store.save(ID, '李娜', content({ summary: 'second' }));
    expect(first.coach.id).not.toBe(second.coach.id);
    expect(JSON.parse(readFileSync(join(dir, 'reviews', `${first.coach.id}.json`), 'utf8'))).toMatchObject({ coach: { name: '王芳' }, summary: 'first' });
    expect(JSON.parse(readFileSync(join(dir, 'reviews', `${second.coach.id}.json`), 'utf8'))).toMatchObject({ coach: { name: '李娜' }, summary: 'second' });
  });
});
