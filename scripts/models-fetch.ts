/**
 * npm run models:fetch [-- --model base.en|zipformer-small-en] [--dir <models folder>]
 *
 * Downloads a whisper.cpp ggml model, or the sherpa-onnx model folder, into the models folder
 * (default `<data dir>/models`, the folder the app looks in), with progress, a SHA-256 check and
 * an atomic rename per file. Needs internet; never run by the tests. At packaging time,
 * `--model zipformer-small-en --dir build/models` fills the folder electron-builder.yml ships as
 * the installer's resources/models.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../electron/browser-shell/cli-options.js';
import { BUNDLES, DEFAULT_MODEL, MODELS } from './models-fetch/catalogue.js';
import { downloadBundle } from './models-fetch/download-bundle.js';
import { downloadModel, modelPaths, type DownloadProgress } from './models-fetch/download-model.js';

const USAGE = `usage: npm run models:fetch -- [--model ${[...Object.keys(MODELS), ...Object.keys(BUNDLES)].join('|')}] [--dir <models folder>]`;

function progressLine({ received, total }: DownloadProgress): string {
  const mb = (n: number) => (n / 1e6).toFixed(1);
  return total === null ? `${mb(received)} MB` : `${mb(received)} / ${mb(total)} MB (${Math.floor((100 * received) / total)}%)`;
}

async function main(): Promise<number> {
  let values: { model?: string; dir?: string };
  try {
    ({ values } = parseArgs({ options: { model: { type: 'string' }, dir: { type: 'string' } }, strict: true }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const name = values.model ?? DEFAULT_MODEL;
  const model = MODELS[name];
  const bundle = BUNDLES[name];
  if (bundle) return fetchBundle(bundle, resolve(values.dir ?? join(defaultDataDir(), 'models')));
  if (!model) {
    console.error(`Unknown model "${name}".\n${USAGE}`);
    return 2;
  }
  const dir = resolve(values.dir ?? join(defaultDataDir(), 'models'));
  const { final } = modelPaths(dir, model);
  console.log(`Fetching ${model.fileName} (about ${model.megabytes} MB) into ${dir}`);
  let lastShown = 0;
  try {
    const downloaded = await downloadModel({
      model,
      dir,
      onProgress: (p) => {
        const now = Date.now();
        if (now - lastShown < 500 && p.received !== p.total) return;
        lastShown = now;
        process.stdout.write(process.stdout.isTTY ? `\r${progressLine(p)}   ` : `${progressLine(p)}\n`);
      },
    });
    if (process.stdout.isTTY) process.stdout.write('\n');
    console.log(downloaded ? `Done: ${final} (SHA-256 checked).` : `Already there: ${final} (SHA-256 checked).`);
    return 0;
  } catch (error) {
    if (process.stdout.isTTY) process.stdout.write('\n');
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

async function fetchBundle(bundle: NonNullable<(typeof BUNDLES)[string]>, dir: string): Promise<number> {
  const folder = join(dir, bundle.folder);
  console.log(`Fetching ${bundle.folder} (${bundle.files.length} files, about ${bundle.megabytes} MB) into ${folder}`);
  try {
    const downloaded = await downloadBundle({
      bundle,
      dir,
      onFile: (fileName) => console.log(`  ${fileName}`),
      onProgress: (p) => {
        if (p.received === p.total) console.log(`    ${progressLine(p)}`);
      },
    });
    console.log(`Done: ${folder} (${downloaded} of ${bundle.files.length} files downloaded, all SHA-256 checked).`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

process.exitCode = await main();
