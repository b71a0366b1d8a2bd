import type { ApiOutputs, ApiParsedInput } from '../../../core/api.js';
import type { SpotPhrase } from '../../../core/speech/recognition.js';
import { loadChecklists } from '../analysis/checklist-repository.js';
import { loadVocabulary } from '../analysis/vocabulary-repository.js';
import type { ScenarioRoots } from '../scenarios/scenario-repository.js';
import { currentLibrary } from '../scenarios/scenario-library.js';
import { phrasesForScenario } from '../speech/scenario-phrases.js';
import type { SpeechChoice } from './choose-transcriber.js';
import { speechEngineStatus } from './engine-status.js';
import { testRecogniser } from './recogniser-test.js';
import { createThreadSpotter } from './spotter-client.js';
import type { SpotterTranscriber } from './spotter-transcriber.js';
import type { Transcriber } from './transcriber.js';

export interface SpeechStatusDeps {
  /** The settings' speech choice, read afresh for each call. */
  readonly speech: () => Promise<SpeechChoice>;
  /** The recogniser transcribeTurn tries first during a call; null: none. */
  readonly transcriber: Transcriber | null;
  /** The back end's phrase spotter for calls; absent when it has none (a test recording then starts its own). */
  readonly spotter: SpotterTranscriber | undefined;
  readonly roots: ScenarioRoots;
  /** Where judgement/moves.yaml and checklists/ are: the shipped scenarios folder. */
  readonly scenariosDir: string;
}

type SpeechHandlers = {
  getSpeechStatus: (input: ApiParsedInput<'getSpeechStatus'>) => Promise<ApiOutputs['getSpeechStatus']>;
  testRecogniser: (input: ApiParsedInput<'testRecogniser'>) => Promise<ApiOutputs['testRecogniser']>;
};

/** The phrases of each scenario in the library (goals, moves.yaml, rules, checklists, names, facts), one list per scenario. */
export function libraryPhrases(roots: ScenarioRoots, scenariosDir: string): SpotPhrase[][] {
  const vocabulary = loadVocabulary(scenariosDir).vocabulary;
  const checklists = loadChecklists(scenariosDir).checklists;
  return [...currentLibrary(roots).entries.values()].map(({ scenario }) => phrasesForScenario({ scenario, vocabulary, checklists }));
}

/** getSpeechStatus and testRecogniser, for the coach's "Speech engines" screen. */
export function speechStatusHandlers(deps: SpeechStatusDeps): SpeechHandlers {
  let ownSpotter: SpotterTranscriber | null = null;
  return {
    getSpeechStatus: async () => speechEngineStatus({ choice: await deps.speech(), callTranscriber: deps.transcriber, spotterEnabled: deps.spotter !== undefined }),
    testRecogniser: async ({ pcm, sampleRate }) =>
      testRecogniser(
        {
          choice: await deps.speech(),
          spotter: () => deps.spotter ?? (ownSpotter ??= createThreadSpotter()),
          phrases: () => libraryPhrases(deps.roots, deps.scenariosDir),
        },
        { pcm, sampleRate },
      ),
  };
}
