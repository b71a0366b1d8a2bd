import { describe, expect, it } from 'vitest';
import { HOLD_MUSIC_LOOP_SECONDS, HOLD_MUSIC_RMS_DBFS, holdMusicLoop } from '../../../../core/audio/hold-music.js';
import { peakDbfs, rmsDbfs } from '../../../../core/audio/levels.js';
import { largestStep } from './loop-checks.js';

const SR = 16_000;

describe('hold music made by the app', () => {
  const music = holdMusicLoop(SR);

  it('is the same, sample for sample, every time it is made', () => {
    expect(holdMusicLoop(SR)).toEqual(music);
  });

  it('is one loop of whole chords at the requested rate', () => {
    expect(music.length).toBe(HOLD_MUSIC_LOOP_SECONDS * SR);
    expect(holdMusicLoop(48_000).length).toBe(HOLD_MUSIC_LOOP_SECONDS * 48_000);
  });

  it('plays quietly, about -20 dBFS RMS, well clear of clipping', () => {
    expect(rmsDbfs(music)).toBeCloseTo(HOLD_MUSIC_RMS_DBFS, 1);
    expect(HOLD_MUSIC_RMS_DBFS).toBe(-20);
    expect(peakDbfs(music)).toBeLessThan(-6);
    expect(rmsDbfs(holdMusicLoop(48_000))).toBeCloseTo(-20, 1);
  });

  it('never drops out or swells: every quarter second stays within a few dB of the average', () => {
    const quarter = SR / 4;
    for (let at = 0; at < music.length; at += quarter) {
      const db = rmsDbfs(music, at, at + quarter);
      expect(db, `at ${at / SR} s`).toBeGreaterThan(-27);
      expect(db, `at ${at / SR} s`).toBeLessThan(-15);
    }
  });

  it('loops without a click: the jump from the last sample to the first is an ordinary step', () => {
    const wrap = Math.abs((music[0] ?? 0) - (music[music.length - 1] ?? 0));
    expect(wrap).toBeLessThanOrEqual(largestStep(music));
  });
});
