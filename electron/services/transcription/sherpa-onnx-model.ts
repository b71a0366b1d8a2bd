import { stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The sherpa-onnx model the app knows: k2-fsa's Zipformer "small" English transducer
 * (LibriSpeech, int8, about 28 MB), exported by csukuangfj. A transducer gives one timestamp and
 * one log-probability per token, which the coach's transcript needs. `npm run models:fetch --
 * --model zipformer-small-en` downloads these files into `<models folder>/<folder>`.
 */
export const SHERPA_MODEL = {
  id: 'zipformer-small-en-2023-06-26 (int8)',
  folder: 'sherpa-onnx-zipformer-small-en-2023-06-26',
  encoder: 'encoder-epoch-99-avg-1.int8.onnx',
  decoder: 'decoder-epoch-99-avg-1.int8.onnx',
  joiner: 'joiner-epoch-99-avg-1.int8.onnx',
  tokens: 'tokens.txt',
} as const;

export const SHERPA_FETCH_COMMAND = 'npm run models:fetch -- --model zipformer-small-en';

export interface SherpaModelFiles {
  readonly dir: string;
  readonly encoder: string;
  readonly decoder: string;
  readonly joiner: string;
  readonly tokens: string;
}

export type SherpaModelLookup = { readonly found: true; readonly files: SherpaModelFiles } | { readonly found: false; readonly message: string };

/**
 * The model folder to use: the first of `modelsDirs` (the user's `<data dir>/models`, then the
 * app's bundled resources) holding SHERPA_MODEL.folder. A folder with files missing or empty is
 * reported rather than skipped, so a half-copied model is not silently ignored.
 */
export async function findSherpaModel(modelsDirs: readonly string[]): Promise<SherpaModelLookup> {
  for (const modelsDir of modelsDirs) {
    const dir = join(modelsDir, SHERPA_MODEL.folder);
    if (!(await stat(dir).catch(() => null))?.isDirectory()) continue;
    const files: SherpaModelFiles = {
      dir,
      encoder: join(dir, SHERPA_MODEL.encoder),
      decoder: join(dir, SHERPA_MODEL.decoder),
      joiner: join(dir, SHERPA_MODEL.joiner),
      tokens: join(dir, SHERPA_MODEL.tokens),
    };
    const bad: string[] = [];
    for (const file of [files.encoder, files.decoder, files.joiner, files.tokens]) {
      const info = await stat(file).catch(() => null);
      if (!info?.isFile() || info.size === 0) bad.push(file.slice(dir.length + 1));
    }
    if (bad.length > 0) return { found: false, message: `The sherpa-onnx model in ${dir} is incomplete (missing or empty: ${bad.join(', ')}). Delete the folder and run \`${SHERPA_FETCH_COMMAND}\` again.` };
    return { found: true, files };
  }
  const where = modelsDirs.length > 0 ? modelsDirs.join(' or ') : 'no models folder';
  return { found: false, message: `No sherpa-onnx model: ${SHERPA_MODEL.folder} is not in ${where}. Run \`${SHERPA_FETCH_COMMAND} --dir <models folder>\` on a machine with internet, or copy that folder into ${modelsDirs[0] ?? 'the models folder'}.` };
}
