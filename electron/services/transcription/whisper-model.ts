import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkWhisperModelFile } from './whisper-model-file.js';

/** What `npm run models:fetch` downloads, and how a person is told to get a model. */
export const MODELS_FETCH_COMMAND = 'npm run models:fetch';
/** Model files a models folder may hold (whisper.cpp's names); VAD models share the prefix and are skipped. */
const MODEL_FILE = /^ggml-.+\.bin$/i;
const NOT_A_SPEECH_MODEL = /silero|vad/i;

export type ModelLookup = { readonly found: true; readonly file: string } | { readonly found: false; readonly message: string };

function howToGetOne(folder: string): string {
  return `Run \`${MODELS_FETCH_COMMAND}\` on a machine with internet to download one, or put a whisper.cpp ggml-*.bin model in ${folder}.`;
}

/**
 * The whisper model to load: `path` itself when it is a file, else the first ggml-*.bin in the
 * folder (by name, so the choice is stable). The file is checked (whisper-model-file.ts) so a
 * damaged or half-downloaded model is reported instead of loaded.
 */
export async function findWhisperModel(path: string): Promise<ModelLookup> {
  const info = await stat(path).catch(() => null);
  let file: string;
  if (info === null) {
    if (MODEL_FILE.test(path.split(/[\\/]/).at(-1) ?? '')) return { found: false, message: `The whisper model ${path} does not exist. ${howToGetOne('the models folder')}` };
    return { found: false, message: `No whisper model: the models folder ${path} does not exist. ${howToGetOne(path)}` };
  }
  if (info.isDirectory()) {
    const names = (await readdir(path)).filter((n) => MODEL_FILE.test(n) && !NOT_A_SPEECH_MODEL.test(n)).sort();
    const first = names[0];
    if (first === undefined) return { found: false, message: `No whisper model in ${path}. ${howToGetOne(path)}` };
    file = join(path, first);
  } else {
    file = path;
  }
  const check = await checkWhisperModelFile(file);
  if (!check.ok) return { found: false, message: `The whisper model ${file} cannot be used: ${check.reason}. Delete it and run \`${MODELS_FETCH_COMMAND}\` again.` };
  return { found: true, file };
}
