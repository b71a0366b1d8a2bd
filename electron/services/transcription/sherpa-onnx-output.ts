import type { RecognisedWord } from '../../../core/session/transcription.js';
import type { SherpaOfflineResult } from './sherpa-onnx-binding.js';
import type { Transcript } from './transcriber.js';
import { normaliseWord } from './whisper-output.js';

/** BPE's word-start mark: a token beginning with it starts a new word ("▁HE" "LLO" -> "hello"). */
const WORD_START = '\u2581';
/** The last word's end when the engine gives no durations: its last token's time plus this. */
const LAST_TOKEN_SECONDS = 0.2;

/**
 * Words from sherpa-onnx's tokens. Times: a word starts at its first token's timestamp and ends
 * at its last token's end (timestamp + duration when the engine gives durations), else where the
 * next word starts, at most LAST_TOKEN_SECONDS after its last token. Confidence: the geometric
 * mean of its tokens' probabilities, exp(mean of ys_log_probs), so one unsure piece lowers the
 * whole word; 1 (not measured) when the engine gives no log-probabilities.
 */
export function wordsFromSherpaResult(result: SherpaOfflineResult, sampleRate: number, totalFrames: number): Transcript {
  const logProbs = result.ys_log_probs?.length === result.tokens.length ? result.ys_log_probs : null;
  const durations = result.durations?.length === result.tokens.length ? result.durations : null;
  const pieces: { text: string; start: number; lastToken: number; end: number | null; logProbs: number[] }[] = [];
  result.tokens.forEach((token, i) => {
    const time = result.timestamps[i] ?? 0;
    const end = durations ? time + (durations[i] ?? 0) : null;
    const logProb = logProbs?.[i];
    const last = pieces.at(-1);
    if (last && !token.startsWith(WORD_START) && !token.startsWith(' ')) {
      last.text += token;
      last.lastToken = time;
      last.end = end;
      if (logProb !== undefined) last.logProbs.push(logProb);
    } else {
      pieces.push({ text: token.replace(WORD_START, ' ').trim(), start: time, lastToken: time, end, logProbs: logProb === undefined ? [] : [logProb] });
    }
  });
  const frame = (seconds: number) => Math.min(totalFrames, Math.max(0, Math.round(seconds * sampleRate)));
  const words: RecognisedWord[] = [];
  pieces.forEach((p, i) => {
    const word = normaliseWord(p.text);
    if (word.length === 0) return;
    const next = pieces[i + 1]?.start ?? Number.POSITIVE_INFINITY;
    const endSeconds = p.end ?? Math.min(next, p.lastToken + LAST_TOKEN_SECONDS);
    const startFrame = frame(p.start);
    const mean = p.logProbs.length > 0 ? p.logProbs.reduce((a, b) => a + b, 0) / p.logProbs.length : 0;
    const confidence = Math.min(1, Math.max(0, Math.exp(mean)));
    words.push({ word, startFrame, endFrame: Math.max(startFrame, frame(endSeconds)), confidence });
  });
  return { text: words.map((w) => w.word).join(' '), words };
}
