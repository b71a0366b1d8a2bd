import type { RecognisedWord } from '../../../core/session/transcription.js';
import type { Transcript } from './transcriber.js';

/**
 * Reads the stdout of `pocketsphinx_continuous -time yes`: per utterance, a line with the
 * hypothesis, then one line per word "word start end confidence" (seconds, 10 ms frames,
 * `end` being the start of the word's last frame). Fillers (<s>, </s>, <sil>, [NOISE],
 * ++NOISE++) are dropped and alternate pronunciations ("the(2)") count as the word.
 */
const FRAME_SECONDS = 0.01;
const NUMBER = /^-?\d+(\.\d+)?$/;

export function isFiller(word: string): boolean {
  return /^<.*>$/.test(word) || /^\[.*\]$/.test(word) || /^\+\+.*\+\+$/.test(word);
}

export function parsePocketsphinxOutput(stdout: string, sampleRate: number): Transcript {
  const words: RecognisedWord[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const parts = line.trim().split(/\s+/);
    if (parts.length !== 4 || !parts.slice(1).every((p) => NUMBER.test(p))) continue;
    const [raw = '', start = '0', end = '0', confidence = '0'] = parts;
    if (isFiller(raw)) continue;
    const word = raw.replace(/\(\d+\)$/, '');
    if (word.length === 0) continue;
    const startFrame = Math.max(0, Math.round(Number(start) * sampleRate));
    words.push({
      word,
      startFrame,
      endFrame: Math.max(startFrame, Math.round((Number(end) + FRAME_SECONDS) * sampleRate)),
      confidence: Math.min(1, Math.max(0, Number(confidence))),
    });
  }
  return { text: words.map((w) => w.word).join(' '), words };
}
