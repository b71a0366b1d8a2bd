import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EMPTY_REVIEW_CONTENT } from '../../../../core/review/schema.js';
import { createTrainerService } from '../../../../electron/services/trainer-service.js';
import { finding, PRACTICE_ITEMS, writePracticeSession } from '../../../support/practice-sessions.js';
import { makeScenariosDir, tempRoot } from '../fixtures.js';

/** The coach's triage filters and sort through searchSessions: validated input, the back end's index, saved reviews. */

const root = tempRoot('library-triage');
const dataDir = join(root, 'data');
const [FLAGS, LATENCY] = PRACTICE_ITEMS;
const at = (minute: number) => `2026-11-23T10:${String(minute).padStart(2, '0')}:00.000Z`;

// On disk before the service starts: its start-up scan indexes them (results in a second pass).
writePracticeSession(dataDir, { id: '20261123-100000-open01', createdAt: at(0), tryoutId: 'monday-tryout' }, [finding(FLAGS, 'fail'), finding(LATENCY, 'needs-review')]);
writePracticeSession(dataDir, { id: '20261123-100500-pass01', createdAt: at(5), tryoutId: 'monday-tryout' }, [finding(FLAGS, 'pass'), finding(LATENCY, 'pass')]);
writePracticeSession(dataDir, { id: '20261123-101000-prac01', createdAt: at(10) }, [finding(FLAGS, 'pass'), finding(LATENCY, 'needs-review')]);
const service = createTrainerService({ dataDir, scenariosDir: makeScenariosDir(root), log: () => undefined, transcriber: null, analyseFinishedCalls: false });
afterAll(() => service.close());

describe('searchSessions for the triage', () => {
  it('filters by result, reviewer and tryout, sorts by needs attention, and follows a saved review at once', async () => {
    const ids = async (q: object) => (await service.api.searchSessions(q)).rows.map((r) => r.sessionId.slice(-6));

    await expect.poll(() => ids({ sort: 'needs-attention' })).toEqual(['open01', 'prac01', 'pass01']);
    expect(await ids({ tryoutId: 'monday-tryout', result: 'fail' })).toEqual(['open01']);
    expect(await ids({ reviewedBy: 'nobody' })).toEqual(['prac01', 'pass01', 'open01']);

    // A coach overrides the fail: the row is an override, reviewed by that coach, and no longer first.
    await service.api.saveReview({
      sessionId: '20261123-100000-open01',
      coachName: 'Ana Lima',
      content: { ...EMPTY_REVIEW_CONTENT, decisions: { [`${FLAGS.checklist}/${FLAGS.item}`]: { automaticStatus: 'fail', status: 'pass', reason: 'banter', decidedAt: at(30) } } },
    });
    expect(await ids({ overridden: true })).toEqual(['open01']);
    expect(await ids({ reviewedBy: 'me', coachName: 'ana lima' })).toEqual(['open01']);
    expect(await ids({ reviewedBy: 'others', coachName: 'Bo Berg' })).toEqual(['open01']);
    expect(await ids({ sort: 'needs-attention' })).toEqual(['prac01', 'open01', 'pass01']);
    expect(await ids({ result: 'needs-review' })).toEqual(['prac01', 'open01']);
  });

  it('refuses a reviewer filter without the coach, or an unknown sort', async () => {
    await expect(service.api.searchSessions({ reviewedBy: 'me' })).rejects.toMatchObject({ code: 'invalid-argument' });
    // What an untrusted renderer could send, past the types.
    const unknownSort = JSON.parse('{"sort":"loudest"}') as Parameters<typeof service.api.searchSessions>[0];
    await expect(service.api.searchSessions(unknownSort)).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
