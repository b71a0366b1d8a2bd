import { describe, expect, it } from 'vitest';
import type { SessionManifest } from '../../../../core/session/manifest.js';
import { interruptedCallNotices, kioskResume } from '../../../../core/tryout/resume.js';

const PLAYLIST = ['angry-caller', 'obvious-question', 'long-hold'];
const AMARA = { name: 'Amara Okafor', candidateId: 'C-101' };
const LARS = { name: 'Lars Johansson' };
const consentAt = (minute: number) => ({ version: 'tryout-consent-1', acceptedAt: `2026-11-24T09:${String(minute).padStart(2, '0')}:00.000Z` });

let n = 0;
function call(candidate: SessionManifest['candidate'], consentMinute: number, scenarioId: string, status: SessionManifest['status'], extra: Partial<SessionManifest> = {}): SessionManifest {
  const minute = 10 + n++;
  return {
    formatVersion: 1,
    id: `20261124-09${minute}00-abcdef`,
    scenarioId,
    scenarioTitle: scenarioId.replace('-', ' '),
    candidate,
    createdAt: `2026-11-24T09:${minute}:00.000Z`,
    endedAt: status === 'recovered' || status === 'recording' ? null : `2026-11-24T09:${minute}:30.000Z`,
    status,
    sampleRate: 16_000,
    channels: 2,
    durationFrames: 42 * 16_000,
    recoveredAt: status === 'recovered' ? `2026-11-24T09:${minute}:50.000Z` : null,
    tryoutId: 't-20261124-day001',
    consent: consentAt(consentMinute),
    ...extra,
  };
}

describe('where a candidate continues after the app stopped', () => {
  it('continues at the interrupted call; the calls done before are not offered again', () => {
    const done = call(AMARA, 1, 'angry-caller', 'complete');
    const cut = call(AMARA, 1, 'obvious-question', 'recovered');
    expect(kioskResume(PLAYLIST, [cut, done])).toEqual({
      candidate: AMARA,
      consent: consentAt(1),
      index: 1,
      interrupted: { sessionId: cut.id, scenarioId: 'obvious-question', cause: 'app-stopped' },
    });
  });

  it('names a disk failure as the cause, and counts an incomplete (hung-up) call as done', () => {
    const hungUp = call(AMARA, 1, 'angry-caller', 'incomplete');
    const cut = call(AMARA, 1, 'obvious-question', 'recovered', { storageStop: { cause: 'disk-full', at: '2026-11-24T09:40:00.000Z', keptFrames: 16_000 } });
    expect(kioskResume(PLAYLIST, [hungUp, cut])?.interrupted?.cause).toBe('disk-full');
  });

  it('continues at the next call when the app stopped between calls', () => {
    const resume = kioskResume(PLAYLIST, [call(AMARA, 1, 'angry-caller', 'complete'), call(AMARA, 1, 'obvious-question', 'complete')]);
    expect(resume).toMatchObject({ index: 2, interrupted: null });
  });

  it('offers nothing once the interrupted call was taken again and the playlist finished', () => {
    const calls = [
      call(AMARA, 1, 'angry-caller', 'complete'),
      call(AMARA, 1, 'obvious-question', 'recovered'),
      call(AMARA, 1, 'obvious-question', 'complete'),
      call(AMARA, 1, 'long-hold', 'complete'),
    ];
    expect(kioskResume(PLAYLIST, calls)).toBeNull();
  });

  it('offers nothing while a call is being recorded, or before anyone has called', () => {
    expect(kioskResume(PLAYLIST, [call(AMARA, 1, 'angry-caller', 'complete'), call(AMARA, 1, 'obvious-question', 'recording')])).toBeNull();
    expect(kioskResume(PLAYLIST, [])).toBeNull();
  });

  it('follows the latest candidate only: an earlier one who left mid-way is not brought back', () => {
    const calls = [call(AMARA, 1, 'angry-caller', 'recovered'), call(LARS, 5, 'angry-caller', 'complete'), call(LARS, 5, 'obvious-question', 'recovered')];
    expect(kioskResume(PLAYLIST, calls)).toMatchObject({ candidate: LARS, index: 1 });
  });

  it('tells the coach, oldest first, of each call that did not end normally', () => {
    const calls = [
      call(AMARA, 1, 'angry-caller', 'recovered', { durationFrames: 61 * 16_000 }),
      call(AMARA, 1, 'angry-caller', 'complete'),
      call(LARS, 5, 'obvious-question', 'recovered', { durationFrames: 5 * 16_000, storageStop: { cause: 'folder-missing', at: '2026-11-24T09:40:00.000Z', keptFrames: 5 * 16_000 } }),
    ];
    expect(interruptedCallNotices(calls)).toEqual([
      'Amara Okafor (C-101), angry caller: the app stopped during the call; it was recovered, and the first 1:01 is kept.',
      'Lars Johansson, obvious question: the call stopped at 0:05 because the data folder was removed; the first 0:05 is kept.',
    ]);
  });
});
