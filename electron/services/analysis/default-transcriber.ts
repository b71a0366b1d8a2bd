import { createPocketsphinxTranscriber } from '../transcription/pocketsphinx.js';
import { TRANSCRIBER_SAMPLE_RATE, type Transcriber } from '../transcription/transcriber.js';
import type { SpanTranscriber } from './span-transcriber.js';

/** The analysis side of a Transcriber: mono spans in, transcripts with word frames out. */
export function spanTranscriber(transcriber: Transcriber): SpanTranscriber {
  return {
    engine: transcriber.engine,
    async transcribe(samples, sampleRate) {
      // Sessions are recorded at 16 kHz, the rate the recognisers take.
      if (sampleRate !== TRANSCRIBER_SAMPLE_RATE) throw new Error(`Speech recognition needs ${TRANSCRIBER_SAMPLE_RATE} Hz audio; this session is at ${sampleRate} Hz.`);
      const t = await transcriber.transcribe(samples);
      return { text: t.text, words: t.words.map((w) => ({ word: w.word, startFrame: w.startFrame, endFrame: w.endFrame })) };
    },
  };
}

/** The app's speech recogniser for analysis, or why there is none (said to the coach). */
export async function defaultSpanTranscriber(): Promise<SpanTranscriber | { readonly unavailable: string }> {
  const transcriber = createPocketsphinxTranscriber();
  const availability = await transcriber.availability();
  if (!availability.available) return { unavailable: availability.message };
  return spanTranscriber(transcriber);
}
