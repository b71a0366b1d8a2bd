import { describe, expect, it } from 'vitest';
import { parseSessionAnalysis } from '../../../../core/analysis/analysis-schema.js';
import { realAnalysisText } from './session-fixtures.js';

describe('analysis.json read back', () => {
  const text = realAnalysisText('schema-session-1');

  it('accepts what analyzeSession writes, unchanged', () => {
    const read = parseSessionAnalysis(text);
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.analysis.findings.length).toBeGreaterThan(5);
      expect(JSON.stringify(read.analysis, null, 2) + '\n').toBe(text);
    }
  });

  it('refuses a damaged file, naming the bad field', () => {
    const raw = JSON.parse(text) as { findings: { status: string }[]; turns: { speech: unknown }[] };
    const badStatus = structuredClone(raw);
    if (badStatus.findings[0]) badStatus.findings[0].status = 'maybe';
    expect(parseSessionAnalysis(JSON.stringify(badStatus))).toEqual({ ok: false, reason: expect.stringMatching(/^findings\.0\.status: /) as unknown });
    const badSegment = structuredClone(raw);
    if (badSegment.turns[0]) badSegment.turns[0].speech = { start: -5, end: 10 };
    expect(parseSessionAnalysis(JSON.stringify(badSegment))).toEqual({ ok: false, reason: expect.stringMatching(/^turns\.0\.speech\.start: /) as unknown });
  });

  it('refuses text that is not JSON, an older format and extra fields', () => {
    expect(parseSessionAnalysis('{"formatVersion": 1,').ok).toBe(false);
    expect(parseSessionAnalysis(text.replace('"formatVersion": 1', '"formatVersion": 0'))).toEqual({ ok: false, reason: 'format version 0, expected 1' });
    const extra = { ...(JSON.parse(text) as object), injected: '<script>' };
    expect(parseSessionAnalysis(JSON.stringify(extra))).toMatchObject({ ok: false, reason: expect.stringContaining('injected') as unknown });
  });
});
