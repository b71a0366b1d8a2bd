import type { Scenario } from '../../../core/scenario/schema.js';
import type { SpotPhrase } from '../../../core/speech/recognition.js';
import { phrasesForScenario } from '../speech/scenario-phrases.js';
import type { Spotter } from '../speech/spotter.js';
import { chooseTranscriber, type SpeechChoice } from '../transcription/choose-transcriber.js';
import { createSpotterTranscriber, spotterNote } from '../transcription/spotter-transcriber.js';
import { TRANSCRIBER_SAMPLE_RATE, type Transcriber } from '../transcription/transcriber.js';
import { loadChecklists } from './checklist-repository.js';
import type { SpanTranscriber } from './span-transcriber.js';
import { loadVocabulary } from './vocabulary-repository.js';

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

/**
 * The phrase spotter as the analysis's transcriber, for any answer of the scenario: each span's
 * transcript is the words of the phrases spotted in it (the grammar has every step's phrases).
 */
export function spotterSpanTranscriber(spotter: Spotter, phrases: readonly SpotPhrase[], why: string): SpanTranscriber {
  const spotting = createSpotterTranscriber(spotter);
  return {
    engine: spotting.engine,
    note: `${why} ${spotterNote(spotter.engine)}`,
    async transcribe(samples, sampleRate) {
      if (sampleRate !== TRANSCRIBER_SAMPLE_RATE) throw new Error(`Phrase spotting needs ${TRANSCRIBER_SAMPLE_RATE} Hz audio; this session is at ${sampleRate} Hz.`);
      return spotting.transcribe(samples, phrases);
    },
  };
}

/** The phrase spotter and what to listen for, for when no transcriber is installed. */
export interface SpotterFallback {
  readonly spotter: Spotter;
  readonly phrases: readonly SpotPhrase[];
}

/** The spotter listening for every phrase of the scenario (its goals, moves.yaml, rules, checklists). */
export function scenarioSpotterFallback(spotter: Spotter, job: { readonly scenario: Scenario; readonly scenariosDir: string }): SpotterFallback {
  return { spotter, phrases: phrasesForScenario({ scenario: job.scenario, vocabulary: loadVocabulary(job.scenariosDir).vocabulary, checklists: loadChecklists(job.scenariosDir).checklists }) };
}

/** Without a choice from the settings (the bench, older callers): pocketsphinx, as before whisper came. */
const POCKETSPHINX_ONLY: SpeechChoice = { engine: 'pocketsphinx', whisperModel: '' };

/**
 * The app's speech recogniser for analysis as the settings choose it; where none is installed,
 * the phrase spotter when one is given, else why there is none (said to the coach).
 */
export async function defaultSpanTranscriber(choice: SpeechChoice = POCKETSPHINX_ONLY, fallback?: SpotterFallback): Promise<SpanTranscriber | { readonly unavailable: string }> {
  const chosen = await chooseTranscriber(choice);
  if ('unavailable' in chosen) return fallback ? spotterSpanTranscriber(fallback.spotter, fallback.phrases, chosen.unavailable) : { unavailable: chosen.unavailable };
  return spanTranscriber(chosen.transcriber, chosen.note);
}
