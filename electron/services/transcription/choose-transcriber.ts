import { dirname, join, resolve } from 'node:path';
import type { Settings, SpeechEngineChoice } from '../../../core/settings.js';
import { createPocketsphinxTranscriber } from './pocketsphinx.js';
import { createSherpaOnnxTranscriber } from './sherpa-onnx.js';
import type { Transcriber } from './transcriber.js';
import { createWhisperTranscriber } from './whisper.js';

/** Which recogniser to use and where the whisper model is, as the settings say (paths resolved). */
export interface SpeechChoice {
  readonly engine: SpeechEngineChoice;
  /** A ggml model file or a folder of them. */
  readonly whisperModel: string;
  /** Where to look for the sherpa-onnx model, when worked out in the main process (see sherpaModelsDirs). */
  readonly sherpaModelsDirs?: readonly string[];
}

/** The default models folder: `<data dir>/models`. */
export function defaultModelsDir(dataDir: string): string {
  return join(resolve(dataDir), 'models');
}

export function speechChoiceFromSettings(settings: Pick<Settings, 'speechEngine' | 'whisperModel'>, dataDir: string): SpeechChoice {
  const choice = { engine: settings.speechEngine, whisperModel: settings.whisperModel === null ? defaultModelsDir(dataDir) : resolve(dataDir, settings.whisperModel) };
  // Fixed here, in the main process, because the analysis worker thread may not see Electron's resourcesPath.
  return resourcesPath() ? { ...choice, sherpaModelsDirs: sherpaModelsDirs(choice) } : choice;
}

function resourcesPath(): string | undefined {
  // Set by Electron in the packaged app; absent under plain Node (tests, scripts).
  return (process as { resourcesPath?: string }).resourcesPath;
}

/**
 * Where the sherpa-onnx model is looked for: the user's models folder (the whisper setting's folder,
 * `<data dir>/models` by default), then the installer's `resources/models` (electron-builder
 * extraResources, filled by `npm run models:fetch -- --dir build/models` at packaging time).
 */
export function sherpaModelsDirs(choice: Pick<SpeechChoice, 'whisperModel' | 'sherpaModelsDirs'>): readonly string[] {
  if (choice.sherpaModelsDirs) return choice.sherpaModelsDirs;
  const user = /\.bin$/i.test(choice.whisperModel) ? dirname(choice.whisperModel) : choice.whisperModel;
  const resources = resourcesPath();
  return resources ? [user, join(resources, 'models')] : [user];
}

export type ChosenTranscriber =
  | { readonly transcriber: Transcriber; /** Why the preferred engine was not used, for the coach. */ readonly note?: string }
  | { readonly unavailable: string };

export interface TranscriberFactories {
  readonly whisper: (model: string) => Transcriber;
  readonly pocketsphinx: () => Transcriber;
  /** Optional so callers that stub only whisper and pocketsphinx keep working; absent: never tried. */
  readonly sherpaOnnx?: (modelsDirs: readonly string[]) => Transcriber;
}

const REAL: TranscriberFactories = {
  whisper: (model) => createWhisperTranscriber({ model }),
  pocketsphinx: () => createPocketsphinxTranscriber(),
  sherpaOnnx: (modelsDirs) => createSherpaOnnxTranscriber({ modelsDirs }),
};

/**
 * The recogniser for a choice. A named engine: that one, or why it cannot run. 'auto', by what is
 * installed (never by OS name): whisper.cpp when the user placed a ggml model (the largest and most
 * accurate, so a deliberate choice); else sherpa-onnx when its model is in the models folder or the
 * installer's resources (ships for Windows, macOS and Linux, with word confidences); else Debian's
 * pocketsphinx (Linux only, least accurate). The note says why the engines before it were not
 * used; if none can run, every reason.
 */
export async function chooseTranscriber(choice: SpeechChoice, make: TranscriberFactories = REAL): Promise<ChosenTranscriber> {
  const named = { whisper: () => make.whisper(choice.whisperModel), 'sherpa-onnx': make.sherpaOnnx ? () => make.sherpaOnnx?.(sherpaModelsDirs(choice)) : null, pocketsphinx: () => make.pocketsphinx() };
  if (choice.engine !== 'auto') {
    const only = named[choice.engine]?.();
    if (!only) return { unavailable: `${choice.engine} is not set up in this build.` };
    const ready = await only.availability();
    return ready.available ? { transcriber: only } : { unavailable: ready.message };
  }
  const skipped: { label: string; message: string }[] = [];
  for (const [label, create] of [['whisper.cpp', named.whisper], ['sherpa-onnx', named['sherpa-onnx']], ['pocketsphinx', named.pocketsphinx]] as const) {
    const candidate = create?.();
    if (!candidate) continue;
    const ready = await candidate.availability();
    if (ready.available) return skipped.length === 0 ? { transcriber: candidate } : { transcriber: candidate, note: skipped.map((s) => `${s.label} was not used: ${s.message}`).join(' ') };
    skipped.push({ label, message: ready.message });
  }
  return { unavailable: skipped.map((s) => s.message).join(' ') };
}
