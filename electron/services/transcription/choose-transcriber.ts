import { join, resolve } from 'node:path';
import type { Settings, SpeechEngineChoice } from '../../../core/settings.js';
import { createPocketsphinxTranscriber } from './pocketsphinx.js';
import type { Transcriber } from './transcriber.js';
import { createWhisperTranscriber } from './whisper.js';

/** Which recogniser to use and where the whisper model is, as the settings say (paths resolved). */
export interface SpeechChoice {
  readonly engine: SpeechEngineChoice;
  /** A ggml model file or a folder of them. */
  readonly whisperModel: string;
}

/** The default models folder: `<data dir>/models`. */
export function defaultModelsDir(dataDir: string): string {
  return join(resolve(dataDir), 'models');
}

export function speechChoiceFromSettings(settings: Pick<Settings, 'speechEngine' | 'whisperModel'>, dataDir: string): SpeechChoice {
  return { engine: settings.speechEngine, whisperModel: settings.whisperModel === null ? defaultModelsDir(dataDir) : resolve(dataDir, settings.whisperModel) };
}

export type ChosenTranscriber =
  | { readonly transcriber: Transcriber; /** Why the preferred engine was not used, for the coach. */ readonly note?: string }
  | { readonly unavailable: string };

export interface TranscriberFactories {
  readonly whisper: (model: string) => Transcriber;
  readonly pocketsphinx: () => Transcriber;
}

const REAL: TranscriberFactories = {
  whisper: (model) => createWhisperTranscriber({ model }),
  pocketsphinx: () => createPocketsphinxTranscriber(),
};

/**
 * The recogniser for a choice. 'whisper' or 'pocketsphinx': that one, or why it cannot run.
 * 'auto': whisper when its model is present and loads, else pocketsphinx with a note saying why
 * whisper was not used (and how to get a model); if neither can run, both reasons.
 */
export async function chooseTranscriber(choice: SpeechChoice, make: TranscriberFactories = REAL): Promise<ChosenTranscriber> {
  if (choice.engine === 'pocketsphinx' || choice.engine === 'whisper') {
    const only = choice.engine === 'whisper' ? make.whisper(choice.whisperModel) : make.pocketsphinx();
    const ready = await only.availability();
    return ready.available ? { transcriber: only } : { unavailable: ready.message };
  }
  const whisper = make.whisper(choice.whisperModel);
  const whisperReady = await whisper.availability();
  if (whisperReady.available) return { transcriber: whisper };
  const pocketsphinx = make.pocketsphinx();
  const pocketsphinxReady = await pocketsphinx.availability();
  if (pocketsphinxReady.available) return { transcriber: pocketsphinx, note: `whisper.cpp was not used: ${whisperReady.message}` };
  return { unavailable: `${whisperReady.message} ${pocketsphinxReady.message}` };
}
