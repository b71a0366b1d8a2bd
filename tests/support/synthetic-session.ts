import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TurnTranscript } from '../../core/analysis/transcript.js';
import type { SessionEvent } from '../../core/session/events.js';
import type { SessionManifest } from '../../core/session/manifest.js';
import { wavHeader } from '../../electron/services/session/wav.js';

/**
 * A session assembled without the app: customer clips on channel 0, answers on channel 1 and
 * the events the engine would write, at exactly known frames. Used to test the analysis
 * against known positions.
 */
export const RATE = 16_000;

export type Part =
  | { readonly say: string; readonly clip: Int16Array }
  | {
      /** A listen step, or a repeat step (then `clip` is its line and `repeat` is true). */
      readonly listen: string;
      readonly repeat?: { readonly clip: Int16Array };
      readonly answer: Int16Array | null;
      /** Seconds from the invitation to the start of the answer's samples (negative: over the line). */
      readonly delaySeconds: number;
      readonly gainDb?: number;
    }
  | { readonly hold: string; readonly seconds: number; readonly resumeAfterSeconds?: number }
  | { readonly type: string; readonly text: string; readonly seconds: number };

export interface Built {
  readonly events: SessionEvent[];
  readonly customer: Int16Array;
  readonly trainee: Int16Array;
  /** Where each answer's samples were placed, by step id. */
  readonly answers: Record<string, { readonly start: number; readonly end: number }>;
}

const HANGOVER = Math.round(1.2 * RATE);
const GAP = Math.round(0.05 * RATE);

function place(target: Float64Array, clip: Int16Array, at: number, gainDb = 0): void {
  const g = 10 ** (gainDb / 20);
  for (let i = 0; i < clip.length && at + i < target.length; i++) if (at + i >= 0) target[at + i] = (target[at + i] ?? 0) + (clip[i] ?? 0) * g;
}

function toInt16(x: Float64Array): Int16Array {
  return Int16Array.from(x, (v) => Math.max(-32768, Math.min(32767, Math.round(v))));
}

/** Where the speech in a clip begins and ends (festival clips begin with ~200 ms of silence). */
export function speechBounds(clip: Int16Array, threshold = 300): { start: number; end: number } {
  let start = 0;
  while (start < clip.length && Math.abs(clip[start] ?? 0) < threshold) start++;
  let end = clip.length;
  while (end > start && Math.abs(clip[end - 1] ?? 0) < threshold) end--;
  return { start, end };
}

export function buildSession(parts: readonly Part[], scenarioId: string, tailSeconds = 2): Built {
  const events: SessionEvent[] = [];
  const placed: { ch: 0 | 1; clip: Int16Array; at: number; gainDb: number }[] = [];
  const answers: Record<string, { start: number; end: number }> = {};
  let t = Math.round(0.5 * RATE);
  events.push({ type: 'call-started', frame: 0, scenarioId });
  const line = (stepId: string, clip: Int16Array) => {
    events.push({ type: 'line-started', frame: t, stepId, caption: stepId, clip: `${stepId}.wav`, voice: 'clip', durationFrames: clip.length });
    placed.push({ ch: 0, clip, at: t, gainDb: 0 });
    t += clip.length;
    events.push({ type: 'line-ended', frame: t, stepId });
    t += GAP;
  };
  for (const part of parts) {
    if ('say' in part) {
      events.push({ type: 'step-entered', frame: t, stepId: part.say, kind: 'say' });
      line(part.say, part.clip);
    } else if ('listen' in part) {
      events.push({ type: 'step-entered', frame: t, stepId: part.listen, kind: part.repeat ? 'repeat' : 'listen' });
      if (part.repeat) line(part.listen, part.repeat.clip);
      events.push({ type: 'listen-started', frame: t, stepId: part.listen, timeoutSeconds: 20 });
      if (!part.answer) {
        t += 20 * RATE;
        events.push({ type: 'turn-ended', frame: t, stepId: part.listen, reason: 'timeout', speechStartFrame: null, speechEndFrame: null });
        continue;
      }
      const at = t + Math.round(part.delaySeconds * RATE);
      placed.push({ ch: 1, clip: part.answer, at, gainDb: part.gainDb ?? 0 });
      const b = speechBounds(part.answer);
      answers[part.listen] = { start: at + b.start, end: at + b.end };
      events.push({ type: 'turn-started', frame: Math.max(t, at + b.start), stepId: part.listen });
      t = Math.max(t, at + b.end) + HANGOVER;
      events.push({ type: 'turn-ended', frame: t, stepId: part.listen, reason: 'silence', speechStartFrame: at + b.start, speechEndFrame: at + b.end });
      t += GAP;
    } else if ('hold' in part) {
      events.push({ type: 'step-entered', frame: t, stepId: part.hold, kind: 'hold' });
      events.push({ type: 'hold-started', frame: t, stepId: part.hold, seconds: part.seconds });
      const resumed = part.resumeAfterSeconds !== undefined;
      t += Math.round((part.resumeAfterSeconds ?? part.seconds) * RATE);
      events.push({ type: 'hold-ended', frame: t, stepId: part.hold, reason: resumed ? 'resumed' : 'elapsed' });
    } else {
      events.push({ type: 'step-entered', frame: t, stepId: part.type, kind: 'type' });
      events.push({ type: 'prompt-shown', frame: t, stepId: part.type, prompt: 'Write the note.' });
      const first = t + RATE;
      t += Math.round(part.seconds * RATE);
      events.push({ type: 'typed-submitted', frame: t, stepId: part.type, text: part.text, keystrokes: part.text.length, firstKeyFrame: first });
    }
  }
  t += tailSeconds * RATE;
  events.push({ type: 'call-ended', frame: t, reason: 'completed' });
  const channels = [new Float64Array(t), new Float64Array(t)] as const;
  for (const p of placed) place(channels[p.ch], p.clip, p.at, p.gainDb);
  return { events, customer: toInt16(channels[0]), trainee: toInt16(channels[1]), answers };
}

/** A transcript of `text` spread evenly over the speech of an answer (for rule tests without a recogniser). */
export function evenTranscript(text: string, start: number, end: number): TurnTranscript {
  const words = text.split(/\s+/).filter(Boolean);
  const step = (end - start) / Math.max(1, words.length);
  return { text, words: words.map((word, i) => ({ word, startFrame: Math.round(start + i * step), endFrame: Math.round(start + (i + 1) * step) })) };
}

/** Writes the session folder the back end would have left after the call. */
export function writeSessionFolder(dataDir: string, sessionId: string, scenarioId: string, built: Built): string {
  const dir = join(dataDir, 'sessions', sessionId);
  mkdirSync(dir, { recursive: true });
  const frames = built.trainee.length;
  const pcm = new Int16Array(frames * 2);
  for (let i = 0; i < frames; i++) {
    pcm[2 * i] = built.customer[i] ?? 0;
    pcm[2 * i + 1] = built.trainee[i] ?? 0;
  }
  const bytes = new Uint8Array(pcm.buffer);
  writeFileSync(join(dir, 'audio.wav'), Buffer.concat([wavHeader(RATE, 2, bytes.byteLength), bytes]));
  writeFileSync(join(dir, 'events.jsonl'), built.events.map((e) => `${JSON.stringify(e)}\n`).join(''));
  writeFileSync(join(dir, 'drafts.json'), '{}');
  const manifest: SessionManifest = {
    formatVersion: 1, id: sessionId, scenarioId, scenarioTitle: scenarioId, candidate: { name: 'Test' },
    createdAt: '2026-11-23T10:00:00.000Z', endedAt: '2026-11-23T10:05:00.000Z', status: 'complete',
    sampleRate: RATE, channels: 2, durationFrames: frames, recoveredAt: null,
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
