import { describe, expect, it } from 'vitest';
import { clockText, measuredText, openCountsText, scoreText, STATUS_LABEL } from '../../../../../renderer/features/findings/labels.js';

describe('findings panel labels', () => {
  it('shows a measured value with its unit and limit', () => {
    expect(measuredText({ startFrame: 0, endFrame: 1, measured: 4.6, threshold: 3, unit: 's' })).toBe('4.6 s (limit 3 s)');
    expect(measuredText({ startFrame: 0, endFrame: 1, measured: 0.42, threshold: 0.6, unit: 'ratio' })).toBe('0.42 (limit 0.6)');
    expect(measuredText({ startFrame: 0, endFrame: 1, quote: 'calm down' })).toBeNull();
  });

  it('gives evidence times to the tenth of a second', () => {
    expect(clockText(16_000 * 65.34, 16_000)).toBe('1:05.3');
    expect(clockText(0, 16_000)).toBe('0:00.0');
  });

  it('labels not-applicable as its own status, and leaves it out of the score text', () => {
    expect(STATUS_LABEL['not-applicable']).toBe('Not applicable');
    expect(scoreText({ passed: 2, failed: 1, score: 2 / 3 })).toBe('67% · 2 of 3 passed');
    expect(scoreText({ passed: 0, failed: 0, score: null })).toBe('no score yet');
    expect(openCountsText({ needsReview: 1, notApplicable: 2 })).toBe('1 needs review · 2 not applicable');
    expect(openCountsText({ needsReview: 0, notApplicable: 0 })).toBe('');
  });
});
