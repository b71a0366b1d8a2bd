import type { TurnTranscript } from '../../../core/analysis/transcript.js';
import type { SavedTurnTranscript } from '../../../core/session/turn-transcripts.js';

/** An answer's stretch of audio.wav that the analysis would transcribe. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * How much of a span's edges a saved transcript may leave out and still cover it: the analysis
 * pads each answer's speech with silence (0.2 s), and the call's voice detector and the
 * analysis's find the same speech a few blocks apart.
 */
const EDGE_TOLERANCE_SECONDS = 0.3;

/**
 * The transcript made during the call that covers `span`, by the same engine, moved into the
 * span: words outside it dropped, frames clamped to it. The tightest one when several cover it;
 * null when none does (the span is transcribed again).
 */
export function savedTranscriptFor(span: Span, engine: string, saved: readonly SavedTurnTranscript[], sampleRate: number): TurnTranscript | null {
  const slack = Math.round(EDGE_TOLERANCE_SECONDS * sampleRate);
  let best: SavedTurnTranscript | null = null;
  for (const t of saved) {
    if (t.engine !== engine || t.fromFrame > span.start + slack || t.toFrame < span.end - slack) continue;
    if (!best || t.toFrame - t.fromFrame < best.toFrame - best.fromFrame) best = t;
  }
  if (!best) return null;
  // A word belongs to the span when its middle does.
  const inside = best.words.filter((w) => {
    const middle = (w.startFrame + w.endFrame) / 2;
    return middle >= span.start && middle < span.end;
  });
  const words = inside.map((w) => ({ word: w.word, startFrame: Math.max(span.start, w.startFrame), endFrame: Math.min(span.end, w.endFrame), confidence: w.confidence }));
  const text = inside.length === best.words.length ? best.text : words.map((w) => w.word).join(' ');
  return { text, words };
}
