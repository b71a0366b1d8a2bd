import type { SessionEvent } from '../../../core/session/events.js';
import type { SpotPhrase } from '../../../core/speech/recognition.js';
import { loadChecklists } from '../analysis/checklist-repository.js';
import { loadVocabulary } from '../analysis/vocabulary-repository.js';
import type { ScenarioRoots } from '../scenarios/scenario-repository.js';
import { currentLibrary } from '../scenarios/scenario-library.js';
import type { SessionStore } from '../session/session-store.js';
import { phrasesForStep } from '../speech/scenario-phrases.js';
import { createLiveSpotting } from './live-spotting.js';
import { createThreadSpotter } from './spotter-client.js';
import type { SpotterTranscriber } from './spotter-transcriber.js';
import type { TurnRange, TurnSpotterFallback } from './transcribe-turn.js';
import type { Transcriber } from './transcriber.js';

export interface TurnSpotterOptions {
  readonly store: SessionStore;
  readonly roots: ScenarioRoots;
  /** Where judgement/moves.yaml and checklists/ are: the shipped scenarios folder. */
  readonly scenariosDir: string;
  /** One spotter per back end, in its own thread (spotter-client.ts): its model loads on first use and stays loaded. */
  readonly spotter?: SpotterTranscriber;
  /** The transcriber it stands in for: when that is not installed, the spotter's model loads at once and answers are spotted as they arrive. */
  readonly primary?: Transcriber | null;
  readonly log?: (message: string) => void;
}

/** The fallback, and what the back end tells it about each call so answers are spotted while they are spoken. */
export interface TurnSpotter extends TurnSpotterFallback {
  onEvents(sessionId: string, events: readonly SessionEvent[]): void;
  onAudio(sessionId: string): void;
  end(sessionId: string): void;
}

/**
 * The branch-time stand-in for a transcriber: the phrase spotter listening for the phrases of
 * the session's scenario at the step the turn answered. Grammars are kept per session and step,
 * so a turn's decision does not wait for the scenario files to be read again.
 */
export function createTurnSpotter(opts: TurnSpotterOptions): TurnSpotter {
  const log = opts.log ?? (() => undefined);
  const spotter = opts.spotter ?? createThreadSpotter();
  const grammars = new Map<string, readonly SpotPhrase[]>();
  const needed = async () => (opts.primary ? !(await opts.primary.availability()).available : true);
  void needed()
    .then((yes) => (yes ? spotter.warm() : undefined))
    .catch((error: unknown) => log(`phrase spotter: the model did not load (${error instanceof Error ? error.message : String(error)})`));

  async function phrasesFor(range: TurnRange) {
    const key = `${range.sessionId}\n${range.stepId ?? ''}`;
    const kept = grammars.get(key);
    if (kept) return kept;
    const { manifest } = await opts.store.get(range.sessionId);
    const scenario = currentLibrary(opts.roots).entries.get(manifest.scenarioId)?.scenario;
    if (!scenario) throw new Error(`The phrase spotter has nothing to listen for: scenario "${manifest.scenarioId}" is not in the library.`);
    const phrases = phrasesForStep({ scenario, vocabulary: loadVocabulary(opts.scenariosDir).vocabulary, checklists: loadChecklists(opts.scenariosDir).checklists }, range.stepId);
    grammars.set(key, phrases);
    return phrases;
  }

  const live = createLiveSpotting({ store: opts.store, spotter, phrasesFor, needed, log });
  return {
    spotter,
    phrasesFor,
    heard: (range, fromFrame) => live.take(range, fromFrame),
    onEvents: (sessionId, events) => live.onEvents(sessionId, events),
    onAudio: (sessionId) => live.onAudio(sessionId),
    end(sessionId) {
      live.end(sessionId);
      for (const key of grammars.keys()) if (key.startsWith(`${sessionId}\n`)) grammars.delete(key);
    },
  };
}
