import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import type { EngineChoice, SpeechEngineId, SpeechEngineStatus, SpeechStatus } from '../../../core/speech/engine-status.js';
import { soundswallowerModel } from '../speech/soundswallower-model.js';
import { chooseTranscriber, sherpaModelsDirs, type SpeechChoice, type TranscriberFactories } from './choose-transcriber.js';
import { DEFAULT_POCKETSPHINX_MODEL, findProgram } from './pocketsphinx.js';
import { sherpaOnnxVersion } from './sherpa-onnx.js';
import { SHERPA_PLATFORM_PACKAGE } from './sherpa-onnx-binding.js';
import { findSherpaModel, SHERPA_MODEL } from './sherpa-onnx-model.js';
import type { Transcriber } from './transcriber.js';
import { WHISPER_PLATFORM_PACKAGE } from './whisper-binding.js';
import { findWhisperModel } from './whisper-model.js';

export interface EngineStatusOptions {
  /** The settings' choice: the engine for the transcript after the call (analysis). */
  readonly choice: SpeechChoice;
  /** The recogniser transcribeTurn tries first during the call (trainer-service's `transcriber`); null: none. */
  readonly callTranscriber: Transcriber | null;
  /** Whether the back end has the phrase spotter to stand in during the call (trainer-service's turn spotter). */
  readonly spotterEnabled: boolean;
  /** The engines to ask; the real ones by default (tests pass fakes). */
  readonly make?: TranscriberFactories;
}

/** The program and model folder createPocketsphinxTranscriber() uses by default. */
const POCKETSPHINX_PROGRAM = 'pocketsphinx_continuous';
/** The pocketsphinx model id: Debian's pocketsphinx-en-us package. */
const POCKETSPHINX_MODEL_ID = 'en-us (CMU Sphinx US English, Debian pocketsphinx-en-us)';

/**
 * The speech engines of this machine for the coach's status screen: each engine's state, and
 * which one makes the transcripts and which decides branches, with the reason. Which engines can
 * run is asked of chooseTranscriber, engine by engine and then as the settings choose, so this
 * screen can never disagree with what the app does.
 */
export async function speechEngineStatus(opts: EngineStatusOptions): Promise<SpeechStatus> {
  const ask = (engine: 'pocketsphinx' | 'whisper' | 'sherpa-onnx') => chooseTranscriber({ ...opts.choice, engine }, ...(opts.make ? [opts.make] : []));
  const [pocketsphinxRun, whisperRun, sherpaRun, chosen] = await Promise.all([ask('pocketsphinx'), ask('whisper'), ask('sherpa-onnx'), chooseTranscriber(opts.choice, ...(opts.make ? [opts.make] : []))]);
  const program = await findProgram(POCKETSPHINX_PROGRAM);
  const pocketsphinx = await pocketsphinxStatus(program, DEFAULT_POCKETSPHINX_MODEL, 'unavailable' in pocketsphinxRun ? pocketsphinxRun.unavailable : null);
  const whisper = await whisperStatus(opts.choice.whisperModel, 'unavailable' in whisperRun ? whisperRun.unavailable : null);
  const sherpa = await sherpaStatus(opts.choice, 'unavailable' in sherpaRun ? sherpaRun.unavailable : null);
  const spotter = await spotterStatus();
  const engines = [pocketsphinx, whisper, sherpa, spotter];

  const programName = POCKETSPHINX_PROGRAM;
  const found = (id: SpeechEngineId) =>
    id === 'pocketsphinx' ? `${programName} found on PATH` : id === 'sherpa-onnx' ? `sherpa-onnx model ${sherpa.model ?? ''} found and loads` : `whisper model ${whisper.model ?? ''} found and whisper.cpp loads`;
  let transcripts: EngineChoice;
  if ('transcriber' in chosen) {
    const id = chosen.transcriber.engine;
    const asked = opts.choice.engine === 'auto' ? '' : `the settings ask for ${id}, and `;
    const skipped = opts.choice.engine !== 'auto' || id === 'whisper' ? '' : id === 'pocketsphinx' ? '; no usable whisper or sherpa-onnx model, so neither is used' : '; no usable whisper model, so whisper is not used';
    transcripts = { engine: id, reason: `${asked}${found(id)}${skipped}` };
  } else {
    const missing = opts.choice.engine === 'auto' ? 'no pocketsphinx, no whisper model and no sherpa-onnx model' : `the settings ask for ${opts.choice.engine}, which cannot run here`;
    const stands = spotter.installed ? '; the phrase spotter judges what the scenario asks for' : '; without the phrase spotter nothing said is judged';
    transcripts = { engine: null, reason: `no transcript engine: ${missing}${stands}` };
  }

  const callReady = opts.callTranscriber ? (await opts.callTranscriber.availability()).available : false;
  let branching: EngineChoice;
  // As transcribe-turn.ts decides each answer: the call's recogniser when it can run, else the spotter.
  if (opts.callTranscriber && callReady) {
    const id = opts.callTranscriber.engine;
    branching = { engine: id, reason: `${found(id)}: the branch rules read its transcript of each answer` };
  } else if (opts.spotterEnabled && spotter.installed) {
    const engine = opts.callTranscriber?.engine;
    const why = engine === 'pocketsphinx' ? (program ? 'pocketsphinx cannot run (its model is missing)' : `no ${programName} on PATH`) : engine === 'whisper' || engine === 'sherpa-onnx' ? `${engine} cannot run (no usable model)` : 'no recogniser set up for the call';
    branching = { engine: 'phrase-spotter', reason: `${why}: the phrase spotter inside the app listens for each step's phrases` };
  } else {
    branching = { engine: null, reason: 'no recogniser and no phrase spotter: branches that depend on what the trainee said take their timeouts' };
  }
  return { engines, transcripts, branching };
}

async function pocketsphinxStatus(program: string | null, modelDir: string, problem: string | null): Promise<SpeechEngineStatus> {
  // The files pocketsphinx.ts hands the decoder: the acoustic model folder, the language model, the dictionary.
  const files = await filesOf([join(modelDir, 'en-us'), join(modelDir, 'en-us.lm.bin'), join(modelDir, 'cmudict-en-us.dict')]);
  return {
    id: 'pocketsphinx',
    label: 'pocketsphinx',
    installed: problem === null,
    version: program ? await debianPackageVersion(program) : null,
    model: files.paths.length > 0 ? POCKETSPHINX_MODEL_ID : null,
    modelFiles: files.paths,
    modelBytes: files.bytes,
    detail: problem ?? `${program ?? POCKETSPHINX_PROGRAM} with the model in ${modelDir}.`,
  };
}

async function whisperStatus(modelSetting: string, problem: string | null): Promise<SpeechEngineStatus> {
  const lookup = await findWhisperModel(modelSetting).catch(() => null);
  const file = lookup?.found ? lookup.file : null;
  const files = file ? await filesOf([file]) : { paths: [], bytes: 0 };
  return {
    id: 'whisper',
    label: 'whisper.cpp',
    installed: problem === null,
    version: whisperBindingVersion(),
    model: file ? basename(file).replace(/\.bin$/i, '') : null,
    modelFiles: files.paths,
    modelBytes: files.bytes,
    detail: problem ?? `${WHISPER_PLATFORM_PACKAGE} with the model ${file ?? modelSetting}.`,
  };
}

async function sherpaStatus(choice: SpeechChoice, problem: string | null): Promise<SpeechEngineStatus> {
  const lookup = await findSherpaModel(sherpaModelsDirs(choice));
  const files = lookup.found ? await filesOf([lookup.files.dir]) : { paths: [], bytes: 0 };
  return {
    id: 'sherpa-onnx',
    label: 'sherpa-onnx',
    installed: problem === null,
    version: sherpaOnnxVersion(),
    model: lookup.found ? SHERPA_MODEL.id : null,
    modelFiles: files.paths,
    modelBytes: files.bytes,
    detail: problem ?? `${SHERPA_PLATFORM_PACKAGE} with the model in ${lookup.found ? lookup.files.dir : '?'}.`,
  };
}

async function spotterStatus(): Promise<SpeechEngineStatus> {
  const label = 'phrase spotter (soundswallower)';
  try {
    const model = soundswallowerModel();
    const hmm = model.hmm.replace(/[\\/]$/, '');
    const files = await filesOf([hmm]);
    const complete = files.paths.includes(model.dict) && files.paths.includes(join(hmm, 'mdef'));
    return {
      id: 'phrase-spotter',
      label,
      installed: complete,
      version: model.engine.version,
      model: model.engine.model,
      modelFiles: files.paths,
      modelBytes: files.bytes,
      detail: complete ? `Ships inside the app (the soundswallower package, WebAssembly), model in ${hmm}.` : `The soundswallower model in ${hmm} is incomplete. Reinstall with \`npm ci\`.`,
    };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { id: 'phrase-spotter', label, installed: false, version: null, model: null, modelFiles: [], modelBytes: 0, detail: `The soundswallower package does not load (${why}). Reinstall with \`npm ci\`.` };
  }
}

/** Every file under these paths (folders walked), with their total size; paths that do not exist are left out. */
async function filesOf(paths: readonly string[]): Promise<{ paths: string[]; bytes: number }> {
  const out: string[] = [];
  let bytes = 0;
  const walk = async (path: string): Promise<void> => {
    const info = await stat(path).catch(() => null);
    if (!info) return;
    if (info.isDirectory()) {
      for (const name of (await readdir(path)).sort()) await walk(join(path, name));
    } else if (info.isFile()) {
      out.push(path);
      bytes += info.size;
    }
  };
  for (const p of paths) await walk(p);
  return { paths: out, bytes };
}

function whisperBindingVersion(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const pkg = require(`${WHISPER_PLATFORM_PACKAGE}/package.json`) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : null;
  } catch {
    // Another platform's build, or installed with --omit=optional.
    return null;
  }
}

/** The version of the Debian package that installed `program`; null where dpkg is absent or does not know it. */
async function debianPackageVersion(program: string): Promise<string | null> {
  const owner = await run('dpkg-query', ['-S', program]);
  const pkg = owner?.split(':')[0]?.trim();
  if (!pkg) return null;
  const version = await run('dpkg-query', ['-W', '-f=${Version}', pkg]);
  return version?.trim() || null;
}

function run(program: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(program, args, { timeout: 5000, windowsHide: true }, (error, stdout) => resolve(error ? null : stdout));
  });
}
