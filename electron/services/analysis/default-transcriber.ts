import { chooseTranscriber, type SpeechChoice } from '../transcription/choose-transcriber.js';
import { TRANSCRIBER_SAMPLE_RATE, type Transcriber } from '../transcription/transcriber.js';
import type { SpanTranscriber } from './span-transcriber.js';

/** The analysis side of a Transcriber: mono spans in, transcripts with word frames out. */
export function spanTranscriber(transcriber: Transcriber, note?: string): SpanTranscriber {
  return {
    engine: transcriber.engine,
    ...(note === undefined ? {} : { note }),
    async transcribe(samples, sampleRate) {
      // Sessions are recorded at 16 kHz, the rate the recognisers take.
      if (sampleRate !== TRANSCRIBER_SAMPLE_RATE) throw new Error(`Speech recognition needs ${TRANSCRIBER_SAMPLE_RATE} Hz audio; this session is at ${sampleRate} Hz.`);
      const t = await transcriber.transcribe(samples);
      return { text: t.text, words: t.words.map((w) => ({ word: w.word, startFrame: w.startFrame, endFrame: w.endFrame, confidence: w.confidence })) };
    },
  };
}

/** Without a choice from the settings (the bench, older callers): pocketsphinx, as before whisper came. */
const POCKETSPHINX_ONLY: SpeechChoice = { engine: 'pocketsphinx', whisperModel: '' };

/** The app's speech recogniser for analysis as the settings choose it, or why there is none (said to the coach). */
export async function defaultSpanTranscriber(choice: SpeechChoice = POCKETSPHINX_ONLY): Promise<SpanTranscriber | { readonly unavailable: string }> {
  const chosen = await chooseTranscriber(choice);
  if ('unavailable' in chosen) return { unavailable: chosen.unavailable };
  return spanTranscriber(chosen.transcriber, chosen.note);
}
