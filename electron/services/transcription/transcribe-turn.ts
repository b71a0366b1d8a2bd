import { TryoutError } from '../../../core/errors.js';
import { MAX_TRANSCRIBE_SECONDS, type TurnTranscription } from '../../../core/session/transcription.js';
import { KeyedQueue } from '../storage/keyed-queue.js';
import type { SpotPhrase } from '../../../core/speech/recognition.js';
import type { SessionStore } from '../session/session-store.js';
import type { SpotterTranscriber } from './spotter-transcriber.js';
import { TRANSCRIBER_SAMPLE_RATE, type Transcriber, type Transcript } from './transcriber.js';
import { appendTurnTranscript } from './turn-transcript-file.js';

/** Channel 1 of audio.wav is the trainee's microphone. */
const MIC_CHANNEL = 1;

export interface TurnRange {
  readonly sessionId: string;
  readonly fromFrame: number;
  readonly toFrame: number;
  /** The listening step the turn answered, when the caller knows it (kept with the saved transcript). */
  readonly stepId?: string | undefined;
}

export interface TurnTranscriptions {
  /** transcribeTurn: the transcript of a turn, also appended to the session's turn-transcripts.jsonl. */
  transcribe(range: TurnRange): Promise<TurnTranscription>;
  /** Resolves when every transcribeTurn of the session asked so far has answered (and saved its transcript). */
  settled(sessionId: string): Promise<void>;
}

/** The phrase spotter that stands in when no transcriber is installed, with what to listen for in a turn. */
export interface TurnSpotterFallback {
  readonly spotter: SpotterTranscriber;
  /** The grammar for the turn: its scenario's phrases for the step it answered (scenario-phrases.ts). */
  phrasesFor(range: TurnRange): Promise<readonly SpotPhrase[]>;
  /** The turn's words when they were spotted as the answer arrived (frames from `fromFrame`); null: spot the turn whole. */
  heard?(range: TurnRange, fromFrame: number): Promise<Transcript | null>;
}

/**
 * transcribeTurn: the trainee's microphone between two frames of a session, through the
 * transcriber. Recognition runs one at a time (the machine may have two cores). When there is
 * no transcript the answer says why instead of failing: the call goes on either way. Each
 * transcript is saved in the session folder (`sessionDir`) for the analysis after the call.
 * Where the transcriber is not installed, the `fallback` phrase spotter answers instead.
 */
export function createTurnTranscription(
  store: SessionStore,
  transcriber: Transcriber | null,
  log: (message: string) => void,
  sessionDir?: (sessionId: string) => string,
  fallback?: TurnSpotterFallback,
): TurnTranscriptions {
  const oneAtATime = new KeyedQueue();
  const pending = new Map<string, Set<Promise<unknown>>>();

  async function save(range: TurnRange, engine: string, result: TurnTranscription & { text: string }): Promise<void> {
    if (!sessionDir) return;
    try {
      await appendTurnTranscript(sessionDir(range.sessionId), {
        stepId: range.stepId ?? null,
        fromFrame: range.fromFrame,
        toFrame: range.toFrame,
        engine,
        text: result.text,
        words: result.words.map((w) => ({ word: w.word, startFrame: w.startFrame, endFrame: w.endFrame, confidence: w.confidence })),
      });
    } catch (error) {
      // The call goes on; the analysis transcribes this answer again.
      log(`transcribeTurn ${range.sessionId}: the transcript was not saved (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  async function transcribe(range: TurnRange): Promise<TurnTranscription> {
    const { sessionId, fromFrame, toFrame } = range;
    if (toFrame <= fromFrame) throw new TryoutError('invalid-argument', 'transcribeTurn: toFrame must be after fromFrame.');
    const audio = await store.readAudio(sessionId, { channel: MIC_CHANNEL, fromFrame, toFrame, maxSeconds: MAX_TRANSCRIBE_SECONDS });
    if (audio.toFrame <= audio.fromFrame) {
      throw new TryoutError('invalid-argument', `transcribeTurn: the recording has only ${audio.toFrame} frames so far; frame ${fromFrame} is past its end.`);
    }
    const none = (message: string): TurnTranscription => ({ engine: 'none', text: null, words: [], message });
    const availability = transcriber ? await transcriber.availability() : { available: false as const, message: 'No speech recogniser is set up.' };
    // The engine is chosen by what is installed: the transcriber, else the spotter inside the app.
    const engine = transcriber && availability.available ? { name: transcriber.engine, run: (samples: Int16Array) => transcriber.transcribe(samples) } : fallback ? spotterEngine(fallback, range, audio.fromFrame, log) : null;
    if (!engine) return none(availability.available ? 'No speech recogniser is set up.' : availability.message);
    if (audio.sampleRate !== TRANSCRIBER_SAMPLE_RATE) {
      return none(`This session was recorded at ${audio.sampleRate} Hz; speech recognition needs ${TRANSCRIBER_SAMPLE_RATE} Hz.`);
    }
    try {
      const result = await oneAtATime.run('recogniser', () => engine.run(audio.samples));
      const words = result.words.map((w) => ({ ...w, startFrame: w.startFrame + audio.fromFrame, endFrame: w.endFrame + audio.fromFrame }));
      const answer = { engine: engine.name, text: result.text, words, message: null };
      // Saved for the stretch actually read (clipped to what was recorded).
      await save({ ...range, fromFrame: audio.fromFrame, toFrame: audio.toFrame }, engine.name, answer);
      return answer;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`transcribeTurn ${sessionId} ${fromFrame}-${toFrame}: ${message}`);
      return { engine: engine.name, text: null, words: [], message };
    }
  }

  return {
    transcribe(range) {
      const run = transcribe(range);
      const set = pending.get(range.sessionId) ?? new Set();
      pending.set(range.sessionId, set);
      const tracked = run.catch(() => undefined).finally(() => {
        set.delete(tracked);
        if (set.size === 0) pending.delete(range.sessionId);
      });
      set.add(tracked);
      return run;
    },
    async settled(sessionId) {
      for (;;) {
        const set = pending.get(sessionId);
        if (!set || set.size === 0) return;
        await Promise.all(set);
      }
    },
  };
}

/** The spotter for a turn: the answer spotted as it arrived when it was, else the whole turn now. Logs how long the branch waited. */
function spotterEngine(fallback: TurnSpotterFallback, range: TurnRange, fromFrame: number, log: (message: string) => void) {
  return {
    name: fallback.spotter.engine,
    run: async (samples: Int16Array) => {
      const started = performance.now();
      const live = await fallback.heard?.(range, fromFrame);
      const result = live ?? (await fallback.spotter.transcribe(samples, await fallback.phrasesFor(range)));
      log(`transcribeTurn ${range.sessionId} ${range.stepId ?? ''}: phrase spotter answered in ${Math.round(performance.now() - started)} ms (${live ? 'spotted as it arrived' : 'whole turn'})`);
      return result;
    },
  };
}
