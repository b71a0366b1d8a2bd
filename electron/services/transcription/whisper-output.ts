import type { RecognisedWord } from '../../../core/session/transcription.js';
import type { Transcript } from './transcriber.js';

/** A segment as @fugood/whisper.node returns it: times in milliseconds from the start of the audio. */
export interface WhisperSegment {
  readonly text: string;
  readonly t0: number;
  readonly t1: number;
}

/**
 * Words from whisper.cpp segments made with max_len 1 and token timestamps, so each segment is one
 * token: a token starting with a space starts a word, any other continues the word before ("Hel"
 * "lo," -> "hello"). Words are lower case without surrounding punctuation, like pocketsphinx's.
 * Annotations ("[BLANK_AUDIO]", "(music)") are dropped. whisper.node gives no per-word
 * probability, so confidence is 1 (not measured).
 */
export function wordsFromWhisperSegments(segments: readonly WhisperSegment[], sampleRate: number, totalFrames: number): Transcript {
  const pieces: { text: string; t0: number; t1: number }[] = [];
  for (const s of segments) {
    if (s.text.trim().length === 0) continue;
    const last = pieces.at(-1);
    if (last && !/^\s/.test(s.text)) {
      last.text += s.text;
      last.t1 = Math.max(last.t1, s.t1);
    } else {
      pieces.push({ text: s.text.trim(), t0: s.t0, t1: s.t1 });
    }
  }
  const frame = (ms: number) => Math.min(totalFrames, Math.max(0, Math.round((ms / 1000) * sampleRate)));
  const words: RecognisedWord[] = [];
  for (const p of pieces) {
    if (/^\[.*\]$/.test(p.text) || /^\(.*\)$/.test(p.text)) continue;
    const word = normaliseWord(p.text);
    if (word.length === 0) continue;
    const startFrame = frame(p.t0);
    words.push({ word, startFrame, endFrame: Math.max(startFrame, frame(p.t1)), confidence: 1 });
  }
  return { text: words.map((w) => w.word).join(' '), words };
}

/** "Hello," -> "hello"; "don't" keeps its apostrophe. */
export function normaliseWord(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}
