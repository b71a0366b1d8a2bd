/**
 * A long session for the replay bench: real audio (the not-listening clips on channel 0,
 * festival answers on channel 1) repeated to the length asked, with events, an analysis.json
 * (transcripts spread over each answer, findings with evidence) and peaks.json, written
 * straight into a data folder as the back end would have left them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANALYSIS_FORMAT_VERSION, type SessionAnalysis, type TurnReport } from '../../core/analysis/analyze.js';
import type { Finding } from '../../core/analysis/findings.js';
import { computePeaks } from '../../core/analysis/peaks.js';
import type { SessionEvent } from '../../core/session/events.js';
import type { SessionManifest } from '../../core/session/manifest.js';
import { readWav, wavHeader } from '../../electron/services/session/wav.js';
import { speech } from '../../scripts/rehearse/speech.js';
import { evenTranscript, speechBounds } from '../support/synthetic-session.js';

const RATE = 16_000;
const LINES = ['ask-why', 'again-1', 'again-2', 'again-3'];
const ANSWERS = [
  'I want to work in customer service because I enjoy helping people solve their problems.',
  'Of course. I enjoy helping people, and I like solving their problems calmly.',
  'As I already said, helping people.',
  'Calm down, I already told you.',
];

const mono = (path: string) => readWav(path).samples[0] ?? new Int16Array(0);

export interface LongSession {
  readonly sessionId: string;
  readonly dir: string;
  readonly seconds: number;
  readonly words: number;
  readonly peaksBytes: number;
}

export function writeLongSession(dataDir: string, minutes: number, sessionId = '20261123-120000-replay'): LongSession {
  const lines = LINES.map((id) => ({ id, text: `Line ${id}`, clip: mono(join('scenarios/audio/not-listening', `${id}.wav`)) }));
  const answers = ANSWERS.map((text) => ({ text, clip: mono(speech(text)) }));
  const total = Math.round(minutes * 60 * RATE);
  const customer = new Int16Array(total);
  const trainee = new Int16Array(total);
  const events: SessionEvent[] = [{ type: 'call-started', frame: 0, scenarioId: 'not-listening' }];
  const turns: TurnReport[] = [];
  let t = Math.round(0.5 * RATE);
  for (let i = 0; ; i++) {
    const line = lines[i % lines.length];
    const answer = answers[i % answers.length];
    if (!line || !answer || t + line.clip.length + answer.clip.length + 3 * RATE > total) break;
    const stepId = `turn-${i}`;
    events.push({ type: 'line-started', frame: t, stepId, caption: `(${i + 1}) I still don't understand why you want this job.`, clip: `${line.id}.wav`, voice: 'clip', durationFrames: line.clip.length });
    customer.set(line.clip, t);
    t += line.clip.length;
    events.push({ type: 'line-ended', frame: t, stepId });
    events.push({ type: 'listen-started', frame: t, stepId, timeoutSeconds: 20 });
    const at = t + Math.round(0.6 * RATE);
    trainee.set(answer.clip, at);
    const b = speechBounds(answer.clip);
    const speech = { start: at + b.start, end: at + b.end };
    events.push({ type: 'turn-started', frame: speech.start, stepId });
    t = speech.end + Math.round(1.2 * RATE);
    events.push({ type: 'turn-ended', frame: t, stepId, reason: 'silence', speechStartFrame: speech.start, speechEndFrame: speech.end });
    turns.push({
      stepId, kind: 'spoken', repeatOf: null, invitedFrame: speech.start - Math.round(0.6 * RATE), endedFrame: t, speech, segments: [speech],
      latencySeconds: 0.6, loudnessDb: -20, pitchMedianHz: 180, pitchRangeSemitones: 6, wordsPerMinute: 150, talkOver: [], sighs: [], text: null,
      transcript: evenTranscript(answer.text.toLowerCase().replace(/[.,]/g, ''), speech.start, speech.end),
    });
    t += Math.round(0.3 * RATE);
  }
  events.push({ type: 'call-ended', frame: total, reason: 'completed' });

  const curt = turns.filter((_, i) => i % ANSWERS.length === 3);
  const finding = (checklist: 'respect' | 'patience', item: string, title: string, status: Finding['status'], from: readonly TurnReport[]): Finding => ({
    checklist, item, title, kind: 'auto', status, rule: 'bench', summary: `${from.length} moments`,
    evidence: from.map((turn) => ({ startFrame: turn.speech?.start ?? 0, endFrame: turn.speech?.end ?? 0, stepId: turn.stepId, quote: turn.transcript?.text ?? '', note: '"calm down"' })),
  });
  const analysis: SessionAnalysis = {
    formatVersion: ANALYSIS_FORMAT_VERSION, sessionId, scenarioId: 'not-listening', sampleRate: RATE, transcriber: { engine: 'pocketsphinx' },
    checklists: ['respect', 'patience'], turns, holds: [],
    findings: [
      finding('respect', 'no-dismissive-phrases', 'No dismissive or blaming phrases', 'fail', curt),
      finding('patience', 'repeats-consistent', 'Each repeat as complete and calm as the first', 'needs-review', curt.filter((_, i) => i % 3 === 0)),
      finding('respect', 'no-talk-over', 'Never talks over the customer', 'pass', []),
    ],
  };

  const dir = join(dataDir, 'sessions', sessionId);
  mkdirSync(dir, { recursive: true });
  const pcm = new Int16Array(total * 2);
  for (let i = 0; i < total; i++) {
    pcm[2 * i] = customer[i] ?? 0;
    pcm[2 * i + 1] = trainee[i] ?? 0;
  }
  const bytes = new Uint8Array(pcm.buffer);
  writeFileSync(join(dir, 'audio.wav'), Buffer.concat([wavHeader(RATE, 2, bytes.byteLength), bytes]));
  writeFileSync(join(dir, 'events.jsonl'), events.map((e) => `${JSON.stringify(e)}\n`).join(''));
  writeFileSync(join(dir, 'drafts.json'), '{}');
  const manifest: SessionManifest = {
    formatVersion: 1, id: sessionId, scenarioId: 'not-listening', scenarioTitle: 'Not listening (long bench session)', candidate: { name: 'Bench Candidate' },
    createdAt: '2026-11-23T12:00:00.000Z', endedAt: '2026-11-23T12:30:00.000Z', status: 'complete',
    sampleRate: RATE, channels: 2, durationFrames: total, recoveredAt: null,
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'analysis.json'), JSON.stringify(analysis));
  const peaks = JSON.stringify(computePeaks([customer, trainee], RATE));
  writeFileSync(join(dir, 'peaks.json'), peaks);
  return { sessionId, dir, seconds: total / RATE, words: turns.reduce((n, turn) => n + (turn.transcript?.words.length ?? 0), 0), peaksBytes: peaks.length };
}
