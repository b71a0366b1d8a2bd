import type { SpotterEngineName } from '../../../core/session/transcription.js';
import type { EngineInfo, SpotPhrase, Spotting } from '../../../core/speech/recognition.js';
import type { Spotter } from '../speech/spotter.js';
import { FILLER_WORD } from '../speech/spot-path.js';
import type { Transcript } from './transcriber.js';

/**
 * The phrase spotter standing in for a transcriber where no native recogniser is installed: its
 * "transcript" is the words of the phrases it heard, in order, with their times and confidences.
 * Everything else the trainee said is left out, so only the scenario's phrases can be judged.
 */
export interface SpotterTranscriber {
  /** 'soundswallower-spotter 0.6.3': short enough for events (40 characters). */
  readonly engine: SpotterEngineName;
  /** The acoustic model's id. */
  readonly model: string;
  /** Spots `phrases` in mono 16 kHz samples; frames count from the first sample. */
  transcribe(samples: Int16Array, phrases: readonly SpotPhrase[]): Promise<Transcript>;
  /** Starts spotting `phrases` in an answer fed as it arrives (one at a time: it holds the spotter until finished or cancelled). */
  listen(phrases: readonly SpotPhrase[]): Promise<ListeningAnswer>;
  /** Loads the model now, so the first answer does not wait for it. */
  warm(): Promise<void>;
}

/** An answer being spotted as it arrives. */
export interface ListeningAnswer {
  /** More mono 16 kHz samples, in order; decoded at once. */
  feed(chunk: Int16Array): void;
  /** Frames count from the first sample fed. */
  finish(): Promise<Transcript>;
  cancel(): void;
}

export function spotterEngineName(engine: EngineInfo): SpotterEngineName {
  return `${engine.name}-spotter ${engine.version}`;
}

/** For the coach: what a spotter's transcript is, and which engine and model made it. */
export function spotterNote(engine: EngineInfo): string {
  return `Phrase spotter ${engine.name} ${engine.version} (model ${engine.model}) stood in for a transcriber: the transcripts hold only the scenario's phrases it heard, not everything that was said.`;
}

/** The words of the phrases reported (confidence at or above the spotter's threshold), in time order. */
export function transcriptOfSpotting(spotting: Spotting): Transcript {
  const heard = new Map<string, { startFrame: number; endFrame: number }>();
  // A phrase with several tags is reported once per tag: the same stretch.
  for (const p of spotting.phrases) heard.set(`${p.startFrame}-${p.endFrame}`, p);
  const spans = [...heard.values()];
  const words = spotting.words
    .filter((w) => w.word !== FILLER_WORD && spans.some((s) => w.startFrame >= s.startFrame && w.endFrame <= s.endFrame))
    .map((w) => ({ word: w.word, startFrame: w.startFrame, endFrame: w.endFrame, confidence: w.confidence }))
    .sort((a, b) => a.startFrame - b.startFrame);
  return { text: words.map((w) => w.word).join(' '), words };
}

export function createSpotterTranscriber(spotter: Spotter): SpotterTranscriber {
  return {
    engine: spotterEngineName(spotter.engine),
    model: spotter.engine.model,
    async transcribe(samples, phrases) {
      if (samples.length === 0) return { text: '', words: [] };
      return transcriptOfSpotting(await spotter.spot(samples, phrases));
    },
    async listen(phrases) {
      const utterance = await spotter.start(phrases);
      return {
        feed: (chunk) => utterance.feed(chunk),
        finish: async () => transcriptOfSpotting(await utterance.finish()),
        cancel: () => utterance.cancel(),
      };
    },
    async warm() {
      // No phrases: loads the decoders and decodes nothing.
      await spotter.spot(new Int16Array(0), []);
    },
  };
}
