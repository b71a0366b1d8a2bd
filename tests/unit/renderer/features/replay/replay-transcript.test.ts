import { describe, expect, it } from 'vitest';
import type { SessionAnalysis, TurnReport } from '../../../../../core/analysis/analyze.js';
import type { Finding } from '../../../../../core/analysis/findings.js';
import type { SessionEvent } from '../../../../../core/session/events.js';
import { activeLineKey, activeWordKey, evidenceMoments, replayLines, stepMoment } from '../../../../../renderer/features/replay/replay-transcript.js';

const SR = 16_000;
const events: SessionEvent[] = [
  { type: 'line-started', frame: 0, stepId: 'ask', caption: 'Why do you want this job?', clip: 'ask.wav', voice: 'clip', durationFrames: 2 * SR },
  { type: 'line-started', frame: 10 * SR, stepId: 'again', caption: 'Sorry, why again?', clip: 'again.wav', voice: 'clip', durationFrames: SR },
  { type: 'typed-submitted', frame: 20 * SR, stepId: 'note', text: 'Called back.', keystrokes: 12, firstKeyFrame: 18 * SR },
];
const turn = (stepId: string, words: [string, number, number][]): TurnReport => ({
  stepId, kind: 'spoken', repeatOf: null, invitedFrame: 0, endedFrame: 0,
  speech: { start: (words[0]?.[1] ?? 0) * SR, end: (words.at(-1)?.[2] ?? 0) * SR }, segments: [],
  latencySeconds: null, loudnessDb: null, pitchMedianHz: null, pitchRangeSemitones: null, wordsPerMinute: null, talkOver: [], sighs: [], text: null,
  transcript: { text: words.map((w) => w[0]).join(' '), words: words.map(([word, s, e]) => ({ word, startFrame: s * SR, endFrame: e * SR })) },
});
const finding = (item: string, status: Finding['status'], starts: number[]): Finding => ({
  checklist: 'respect', item, title: item, kind: 'auto', status, rule: 'x', summary: '', evidence: starts.map((s) => ({ startFrame: s * SR, endFrame: (s + 1) * SR })),
});
const analysis = {
  formatVersion: 1, sessionId: 's', scenarioId: 'x', sampleRate: SR, transcriber: { engine: 'pocketsphinx' }, checklists: ['respect'], holds: [],
  turns: [turn('answer', [['i', 3, 3.2], ['enjoy', 3.2, 3.6], ['people', 3.7, 4.2]]), turn('again-1', [['calm', 12, 12.4], ['down', 12.4, 12.9]])],
  findings: [finding('a', 'fail', [12, 3]), finding('b', 'pass', [5]), finding('c', 'needs-review', [12])],
} satisfies SessionAnalysis;

describe('replay transcript', () => {
  it('interleaves the customer lines from the scenario, the recognised words and typed answers by time', () => {
    const lines = replayLines(events, analysis);
    expect(lines.map((l) => [l.kind, l.startFrame / SR])).toEqual([['customer', 0], ['trainee', 3], ['customer', 10], ['trainee', 12], ['typed', 20]]);
    expect(lines[0]).toMatchObject({ text: 'Why do you want this job?' });
    const spoken = lines[1];
    expect(spoken?.kind === 'trainee' && spoken.words.map((w) => w.word)).toEqual(['i', 'enjoy', 'people']);
  });

  it('follows playback: the word being said, and the line being heard', () => {
    const lines = replayLines(events, analysis);
    const answer = lines[1]?.key;
    expect(activeWordKey(lines, 3.3 * SR)).toBe(`${answer}w1`);
    expect(activeWordKey(lines, 3.65 * SR)).toBe(`${answer}w1`); // in the pause after "enjoy"
    expect(activeWordKey(lines, 5 * SR)).toBeNull();
    expect(activeLineKey(lines, 11 * SR)).toBe(lines[2]?.key);
    expect(activeLineKey(lines, 25 * SR)).toBe(lines[4]?.key);
  });

  it('steps through the evidence of findings that did not pass, in time order', () => {
    const moments = evidenceMoments(analysis.findings);
    expect(moments.map((m) => [m.findingKey, m.evidence.startFrame / SR])).toEqual([['respect/a', 3], ['respect/a', 12], ['respect/c', 12]]);
    expect(stepMoment(moments, null, 0, 1, SR)).toBe(0);
    expect(stepMoment(moments, 0, 3 * SR, 1, SR)).toBe(1);
    // Two findings share 0:12: N moves from one to the other, then there is none after.
    expect(stepMoment(moments, 1, 12 * SR, 1, SR)).toBe(2);
    expect(stepMoment(moments, 2, 12 * SR, 1, SR)).toBeNull();
    expect(stepMoment(moments, null, 8 * SR, -1, SR)).toBe(0);
    expect(stepMoment(moments, null, 8 * SR, 1, SR)).toBe(1);
  });
});
