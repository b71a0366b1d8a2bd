import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { endianness, tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { wavHeader } from '../session/wav.js';
import { parsePocketsphinxOutput } from './pocketsphinx-output.js';
import { TRANSCRIBER_SAMPLE_RATE, type Transcriber, type TranscriberAvailability, type Transcript } from './transcriber.js';

export const DEFAULT_POCKETSPHINX_MODEL = '/usr/share/pocketsphinx/model/en-us';
const INSTALL_HINT = 'On Debian or Ubuntu: sudo apt install pocketsphinx pocketsphinx-en-us';

export interface PocketsphinxOptions {
  /** The decoder program; found on PATH unless a path is given. */
  readonly binary?: string;
  /** Folder holding en-us/ (acoustic model), en-us.lm.bin and cmudict-en-us.dict. */
  readonly modelDir?: string;
  /** Run-time limit; by default 20 s plus 1.5 times the audio's length. */
  readonly timeoutMs?: number;
  /** Where the temporary WAV and log go (a fresh folder inside, removed after each run). */
  readonly tmpDir?: string;
}

/**
 * Debian's pocketsphinx_continuous with its default US English model. Each call writes the
 * samples to a temporary WAV, decodes it in batch mode (deterministic: the same audio gives
 * the same words) and removes the temporary files, also on failure or timeout.
 */
export function createPocketsphinxTranscriber(opts: PocketsphinxOptions = {}): Transcriber {
  const binary = opts.binary ?? 'pocketsphinx_continuous';
  const modelDir = opts.modelDir ?? DEFAULT_POCKETSPHINX_MODEL;
  const model = { hmm: join(modelDir, 'en-us'), lm: join(modelDir, 'en-us.lm.bin'), dict: join(modelDir, 'cmudict-en-us.dict') };

  async function availability(): Promise<TranscriberAvailability> {
    if ((await findProgram(binary)) === null) {
      return { available: false, message: `Speech recognition is not installed: the program ${binary} was not found. ${INSTALL_HINT}.` };
    }
    for (const path of Object.values(model)) {
      if (!(await exists(path))) {
        return { available: false, message: `The speech recognition model is missing (${path} not found). ${INSTALL_HINT}.` };
      }
    }
    return { available: true };
  }

  async function transcribe(samples: Int16Array): Promise<Transcript> {
    if (samples.length === 0) return { text: '', words: [] };
    const program = await findProgram(binary);
    if (program === null) throw new Error(`Speech recognition is not installed: the program ${binary} was not found.`);
    const seconds = samples.length / TRANSCRIBER_SAMPLE_RATE;
    const timeoutMs = opts.timeoutMs ?? 20_000 + Math.ceil(seconds * 1500);
    const dir = await mkdtemp(join(opts.tmpDir ?? tmpdir(), 'tryout-asr-'));
    try {
      const wav = join(dir, 'turn.wav');
      const log = join(dir, 'decoder.log');
      await writeFile(wav, wavBytes(samples));
      const args = ['-infile', wav, '-time', 'yes', '-hmm', model.hmm, '-lm', model.lm, '-dict', model.dict, '-samprate', String(TRANSCRIBER_SAMPLE_RATE), '-logfn', log];
      const stdout = await run(program, args, timeoutMs, log);
      return parsePocketsphinxOutput(stdout, TRANSCRIBER_SAMPLE_RATE);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  return { engine: 'pocketsphinx', availability, transcribe };
}

function run(program: string, args: string[], timeoutMs: number, log: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (error, stdout) => {
      if (!error) return resolve(stdout);
      if (error.killed || error.signal) {
        return reject(new Error(`Speech recognition (pocketsphinx) did not finish within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`} and was stopped.`));
      }
      void lastLogLine(log).then((detail) =>
        reject(new Error(`Speech recognition (pocketsphinx) failed (exit code ${String(error.code ?? 'unknown')})${detail ? `: ${detail}` : '.'}`)),
      );
    });
  });
}

async function lastLogLine(log: string): Promise<string> {
  const text = await readFile(log, 'utf8').catch(() => '');
  const errors = text.split('\n').filter((l) => /^(ERROR|FATAL)/.test(l));
  return (errors.at(-1) ?? '').slice(0, 300);
}

/** A 16 kHz mono 16-bit WAV of the samples. */
function wavBytes(samples: Int16Array): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  if (endianness() === 'LE') Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength).copy(data);
  else samples.forEach((v, i) => data.writeInt16LE(v, i * 2));
  return Buffer.concat([wavHeader(TRANSCRIBER_SAMPLE_RATE, 1, data.byteLength), data]);
}

async function exists(path: string): Promise<boolean> {
  return access(path, constants.R_OK).then(
    () => true,
    () => false,
  );
}

/** The program's path: as given when it is a path, else the first executable match on PATH. */
export async function findProgram(name: string): Promise<string | null> {
  const candidates = isAbsolute(name) || name.includes('/') ? [name] : (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, name));
  for (const path of candidates) {
    const ok = await access(path, constants.X_OK).then(
      () => true,
      () => false,
    );
    if (ok) return path;
  }
  return null;
}
