import { TryoutError } from '../../../core/errors.js';
import { MAX_TRANSCRIBE_SECONDS, type TurnTranscription } from '../../../core/session/transcription.js';
import { KeyedQueue } from '../keyed-queue.js';
import type { SessionStore } from '../session-store.js';
import { TRANSCRIBER_SAMPLE_RATE, type Transcriber } from './transcriber.js';

/** Channel 1 of audio.wav is the trainee's microphone. */
const MIC_CHANNEL = 1;

export interface TurnRange {
  readonly sessionId: string;
  readonly fromFrame: number;
  readonly toFrame: number;
}

/**
 * transcribeTurn: the trainee's microphone between two frames of a session, through the
 * transcriber. Recognition runs one at a time (the machine may have two cores). When there is
 * no transcript the answer says why instead of failing: the call goes on either way.
 */
export function createTurnTranscription(store: SessionStore, transcriber: Transcriber | null, log: (message: string) => void) {
  const oneAtATime = new KeyedQueue();

  return async function transcribeTurn({ sessionId, fromFrame, toFrame }: TurnRange): Promise<TurnTranscription> {
    if (toFrame <= fromFrame) throw new TryoutError('invalid-argument', 'transcribeTurn: toFrame must be after fromFrame.');
    const audio = await store.readAudio(sessionId, { channel: MIC_CHANNEL, fromFrame, toFrame, maxSeconds: MAX_TRANSCRIBE_SECONDS });
    if (audio.toFrame <= audio.fromFrame) {
      throw new TryoutError('invalid-argument', `transcribeTurn: the recording has only ${audio.toFrame} frames so far; frame ${fromFrame} is past its end.`);
    }
    const none = (message: string): TurnTranscription => ({ engine: 'none', text: null, words: [], message });
    if (!transcriber) return none('No speech recogniser is set up.');
    const availability = await transcriber.availability();
    if (!availability.available) return none(availability.message);
    if (audio.sampleRate !== TRANSCRIBER_SAMPLE_RATE) {
      return none(`This session was recorded at ${audio.sampleRate} Hz; speech recognition needs ${TRANSCRIBER_SAMPLE_RATE} Hz.`);
    }
    try {
      const result = await oneAtATime.run('recogniser', () => transcriber.transcribe(audio.samples));
      const words = result.words.map((w) => ({ ...w, startFrame: w.startFrame + audio.fromFrame, endFrame: w.endFrame + audio.fromFrame }));
      return { engine: transcriber.engine, text: result.text, words, message: null };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`transcribeTurn ${sessionId} ${fromFrame}-${toFrame}: ${message}`);
      return { engine: transcriber.engine, text: null, words: [], message };
    }
  };
}
