import { MAX_TRANSCRIBE_SECONDS, type RecognisedWord } from '../../../core/session/transcription.js';
import type { SessionEvent } from '../../../core/session/events.js';
import type { SpotPhrase } from '../../../core/speech/recognition.js';
import type { SessionStore } from '../session/session-store.js';
import type { ListeningAnswer, SpotterTranscriber } from './spotter-transcriber.js';
import type { Transcript } from './transcriber.js';
import type { TurnRange } from './transcribe-turn.js';

/** Channel 1 of audio.wav is the trainee's microphone. */
const MIC_CHANNEL = 1;
/** Spotting starts this long before the listen step, so an answer begun a moment early is whole. */
const LEAD_SECONDS = 0.5;
/** Sessions are recorded at 16 kHz, the rate the spotter takes (transcribeTurn checks it). */
const SAMPLE_RATE = 16_000;
/** Loudness is judged per 10 ms block. */
const BLOCK = SAMPLE_RATE / 100;
/**
 * A pause this long after speech closes a stretch: its phrases are rescored at once, while the
 * call still waits for the end of the turn (about 1.2 s of silence), so the branch does not.
 * Longer than the pauses inside a sentence, so a phrase is not cut in two.
 */
const PAUSE_BLOCKS = 60;
/** A block louder than this (RMS, -45 dBFS) is speech. A microphone noisier than that never pauses: the answer is then rescored whole at the end. */
const SPEECH_RMS = 32768 * 10 ** (-45 / 20);

export interface LiveSpottingOptions {
  readonly store: SessionStore;
  readonly spotter: SpotterTranscriber;
  readonly phrasesFor: (range: TurnRange) => Promise<readonly SpotPhrase[]>;
  /** Whether the spotter stands in for the transcriber now (no transcriber installed). */
  readonly needed: () => Promise<boolean>;
  readonly log: (message: string) => void;
}

interface Stretch {
  readonly answer: ListeningAnswer;
  /** audio.wav frame of its first sample. */
  readonly startFrame: number;
  spoke: boolean;
  /** Quiet blocks in a row since the last loud one. */
  quiet: number;
}

interface OpenAnswer {
  readonly sessionId: string;
  readonly stepId: string;
  /** audio.wav frame of the first sample fed. */
  readonly fromFrame: number;
  fedTo: number;
  phrases: readonly SpotPhrase[] | null;
  /** The stretch being decoded, from the end of the last pause. */
  stretch: Stretch | null;
  /** Words of the stretches already closed, in audio.wav frames. */
  readonly heard: RecognisedWord[];
  /** Feeding, one step after another; never rejects (a failure closes the answer). */
  work: Promise<void>;
  closed: boolean;
}

function loud(block: Int16Array): boolean {
  let sum = 0;
  for (const v of block) sum += v * v;
  return Math.sqrt(sum / Math.max(1, block.length)) > SPEECH_RMS;
}

/**
 * Spots each answer while the trainee speaks, so a branch waits only for the end of it: a
 * listen step's start (its event) opens an answer with that step's grammar, every audio chunk
 * on disk is decoded as it lands, each stretch of speech is rescored at the pause after it, and
 * transcribeTurn takes the words. One answer at a time (calls run one at a time); a new listen
 * step or the call's end drops an answer nobody took.
 */
export function createLiveSpotting(opts: LiveSpottingOptions) {
  let open: OpenAnswer | null = null;

  /** Drops the answer; the spotter is freed once the step under way is done. */
  const close = (a: OpenAnswer) => {
    a.closed = true;
    if (open === a) open = null;
    void a.work.then(() => a.stretch?.answer.cancel());
  };

  /** Runs `step` after the answer's earlier steps; a failure is logged and closes the answer. */
  const then = (a: OpenAnswer, step: () => Promise<void>): Promise<void> => {
    a.work = a.work.then(step).catch((error: unknown) => {
      opts.log(`phrase spotter: answer ${a.sessionId}/${a.stepId} not spotted as it arrived (${error instanceof Error ? error.message : String(error)})`);
      close(a);
    });
    return a.work;
  };

  /** Ends the stretch: its phrases' words join the answer's (a stretch with no speech is dropped). */
  const closeStretch = async (a: OpenAnswer) => {
    const stretch = a.stretch;
    if (!stretch) return;
    a.stretch = null;
    if (!stretch.spoke) return stretch.answer.cancel();
    const t = await stretch.answer.finish();
    a.heard.push(...t.words.map((w) => ({ ...w, startFrame: w.startFrame + stretch.startFrame, endFrame: w.endFrame + stretch.startFrame })));
  };

  /** Decodes samples starting at audio.wav frame `at`, closing a stretch at each pause after speech. */
  const decode = async (a: OpenAnswer, samples: Int16Array, at: number) => {
    let fed = 0;
    for (let i = 0; i < samples.length; i += BLOCK) {
      a.stretch ??= { answer: await opts.spotter.listen(a.phrases ?? []), startFrame: at + i, spoke: false, quiet: 0 };
      const stretch = a.stretch;
      if (loud(samples.subarray(i, i + BLOCK))) {
        stretch.spoke = true;
        stretch.quiet = 0;
      } else stretch.quiet++;
      if (stretch.spoke && stretch.quiet >= PAUSE_BLOCKS) {
        const end = Math.min(samples.length, i + BLOCK);
        stretch.answer.feed(samples.subarray(fed, end));
        fed = end;
        await closeStretch(a);
      }
    }
    if (fed < samples.length) a.stretch?.answer.feed(samples.subarray(fed));
  };

  /** Decodes what the session has on disk after what was decoded, up to `toFrame`. */
  const catchUp = (a: OpenAnswer, toFrame?: number): Promise<void> =>
    then(a, async () => {
      const end = Math.min(toFrame ?? Number.MAX_SAFE_INTEGER, a.fedTo + MAX_TRANSCRIBE_SECONDS * SAMPLE_RATE);
      if (a.closed || !a.phrases || a.fedTo >= end) return;
      const audio = await opts.store.readAudio(a.sessionId, { channel: MIC_CHANNEL, fromFrame: a.fedTo, toFrame: end, maxSeconds: MAX_TRANSCRIBE_SECONDS });
      if (a.closed || audio.toFrame <= audio.fromFrame) return;
      a.fedTo = audio.toFrame;
      await decode(a, audio.samples, audio.fromFrame);
    });

  const begin = (sessionId: string, stepId: string, frame: number) => {
    if (open) close(open);
    const fromFrame = Math.max(0, frame - Math.round(LEAD_SECONDS * SAMPLE_RATE));
    const a: OpenAnswer = { sessionId, stepId, fromFrame, fedTo: fromFrame, phrases: null, stretch: null, heard: [], work: Promise.resolve(), closed: false };
    open = a;
    void then(a, async () => {
      if (!(await opts.needed())) return close(a);
      a.phrases = await opts.phrasesFor({ sessionId, stepId, fromFrame, toFrame: fromFrame + 1 });
    });
    void catchUp(a);
  };

  return {
    /** The call's events: a listen step opens an answer; the end of the call drops it. */
    onEvents(sessionId: string, events: readonly SessionEvent[]): void {
      for (const e of events) {
        if (e.type === 'listen-started') begin(sessionId, e.stepId, e.frame);
        if (e.type === 'call-ended' && open?.sessionId === sessionId) close(open);
      }
    },
    /** More audio of the session is on disk. */
    onAudio(sessionId: string): void {
      if (open?.sessionId === sessionId) void catchUp(open);
    },
    /** The call is over (finished or recovered). */
    end(sessionId: string): void {
      if (open?.sessionId === sessionId) close(open);
    },
    /**
     * The turn's words when its answer was spotted as it arrived (frames from `fromFrame`), or
     * null: it was not (another step, speech from before the listen step), and the turn is spotted whole.
     */
    async take(range: TurnRange, fromFrame: number): Promise<Transcript | null> {
      const a = open;
      if (!a) return null;
      if (a.sessionId !== range.sessionId || a.stepId !== range.stepId || a.fromFrame > fromFrame) {
        // It holds the spotter, which the whole turn now needs.
        close(a);
        return null;
      }
      await catchUp(a, range.toFrame);
      if (a.closed || !a.phrases) return null;
      a.closed = true;
      open = null;
      await closeStretch(a);
      // Only the turn's words (by their middle), in frames from the turn's first frame.
      const words = a.heard
        .filter((w) => {
          const middle = (w.startFrame + w.endFrame) / 2;
          return middle >= fromFrame && middle < range.toFrame;
        })
        .map((w) => ({ ...w, startFrame: w.startFrame - fromFrame, endFrame: w.endFrame - fromFrame }));
      return { text: words.map((w) => w.word).join(' '), words };
    },
  };
}

export type LiveSpotting = ReturnType<typeof createLiveSpotting>;
