import { describe, expect, it } from 'vitest';
import { parseSessionAnalysis } from '../../../../core/analysis/analysis-schema.js';
import { analyzeSession } from '../../../../core/analysis/analyze.js';
import { buildSession, RATE, type Part } from '../../../support/synthetic-session.js';
import { clipOf, fixtureScenario, PATIENT_NOT_LISTENING, shippedChecklists, voice } from './session-fixtures.js';

/** A real analysis (audio measured, findings evaluated) of a short not-listening session, as analysis.json text. */
function realAnalysisText(): string {
  const parts: Part[] = [
    { say: 'ask-why', clip: clipOf('not-listening', 'ask-why') },
    { listen: 'answer', answer: voice(PATIENT_NOT_LISTENING[0] ?? '', 'us-slt'), delaySeconds: 0.6, gainDb: 0 },
  ];
  const built = buildSession(parts, 'not-listening');
  const analysis = analyzeSession({
    sessionId: 'schema-session-1',
    scenario: fixtureScenario('not-listening'),
    events: built.events,
    audio: { sampleRate: RATE, customer: built.customer, trainee: built.trainee },
    transcripts: [null],
    checklists: shippedChecklists(),
    isWord: null,
    transcriber: { engine: 'none', note: 'no recogniser in this test' },
  });
  return `${JSON.stringify(analysis, null, 2)}\n`;
}

describe('analysis.json read back', () => {
  const text = realAnalysisText();

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
