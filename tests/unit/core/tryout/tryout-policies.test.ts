import { describe, expect, it } from 'vitest';
import { SessionManifestSchema } from '../../../../core/session/manifest.js';
import { CONSENT_VERSION, consentProblem, consentText } from '../../../../core/tryout/consent.js';
import { addToCounts, EMPTY_RETENTION_COUNTS, isPastRetention } from '../../../../core/tryout/retention-counts.js';

const NOW = new Date('2026-11-24T10:00:00.000Z');

describe('consent', () => {
  it('needs the current text, accepted no later than now, for a tryout session only', () => {
    const consent = { version: CONSENT_VERSION, acceptedAt: '2026-11-24T09:59:00.000Z' };
    expect(consentProblem({}, NOW)).toBeNull();
    expect(consentProblem({ tryoutId: 't-20261124-abcdef', consent }, NOW)).toBeNull();
    expect(consentProblem({ tryoutId: 't-20261124-abcdef' }, NOW)).toMatch(/has not accepted/);
    expect(consentProblem({ tryoutId: 't-20261124-abcdef', consent: { ...consent, version: 'x' } }, NOW)).toMatch(/old consent text/);
    expect(consentProblem({ tryoutId: 't-20261124-abcdef', consent: { ...consent, acceptedAt: '2026-11-24T10:05:00.000Z' } }, NOW)).toMatch(/in the future/);
  });

  it('says how long recordings are kept, in days', () => {
    expect(consentText(1).paragraphs.join(' ')).toMatch(/deleted automatically 1 day after/);
    expect(consentText(90).paragraphs.join(' ')).toMatch(/deleted automatically 90 days after/);
    expect(consentText(null).paragraphs.join(' ')).toMatch(/until a coach deletes them/);
  });

  it('still reads manifests written before tryouts existed, and reads the new fields', () => {
    const old = {
      formatVersion: 1,
      id: '20261101-100000-abcdef',
      scenarioId: 'late-parcel',
      scenarioTitle: 'Late parcel',
      candidate: { name: 'Ada' },
      createdAt: '2026-11-01T10:00:00.000Z',
      endedAt: null,
      status: 'complete',
      sampleRate: 16_000,
      channels: 2,
      durationFrames: 0,
      recoveredAt: null,
    };
    expect(SessionManifestSchema.safeParse(old).success).toBe(true);
    const withConsent = { ...old, tryoutId: 't-20261124-abcdef', consent: { version: CONSENT_VERSION, acceptedAt: '2026-11-01T09:59:00.000Z' } };
    expect(SessionManifestSchema.parse(withConsent)).toEqual(withConsent);
    expect(SessionManifestSchema.safeParse({ ...old, consent: { version: CONSENT_VERSION } }).success).toBe(false);
  });
});

describe('retention counts', () => {
  it('is past retention only after the full number of days, and never without a setting', () => {
    expect(isPastRetention('2026-10-25T09:59:59.000Z', 30, NOW)).toBe(true);
    expect(isPastRetention('2026-10-25T10:00:00.000Z', 30, NOW)).toBe(false);
    expect(isPastRetention('2000-01-01T00:00:00.000Z', null, NOW)).toBe(false);
  });

  it('adds removed sessions per month and scenario, with coach verdicts and unreviewed sessions', () => {
    const once = addToCounts(EMPTY_RETENTION_COUNTS, [
      { scenarioId: 'late-parcel', createdAt: '2026-10-03T10:00:00.000Z', verdicts: ['advance', 'hold'] },
      { scenarioId: 'late-parcel', createdAt: '2026-10-20T10:00:00.000Z', verdicts: [] },
      { scenarioId: 'refund', createdAt: '2026-09-30T23:00:00.000Z', verdicts: [null] },
    ]);
    const twice = addToCounts(once, [{ scenarioId: 'late-parcel', createdAt: '2026-10-28T10:00:00.000Z', verdicts: ['not-a-fit'] }]);
    expect(twice.months).toEqual({
      '2026-10': { 'late-parcel': { sessions: 3, verdicts: { advance: 1, hold: 1, 'not-a-fit': 1 }, noVerdict: 1 } },
      '2026-09': { refund: { sessions: 1, verdicts: { advance: 0, hold: 0, 'not-a-fit': 0 }, noVerdict: 1 } },
    });
    expect(once.months['2026-10']?.['late-parcel']?.sessions).toBe(2);
  });
});
