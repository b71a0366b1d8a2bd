import { join } from 'node:path';
import type { ModelBundle } from './catalogue.js';
import { downloadModel, type DownloadOptions } from './download-model.js';

/**
 * Downloads every file of a bundle into `<dir>/<bundle.folder>`, each checked and renamed into
 * place as downloadModel does; files already there with the right hash are kept. Returns how many
 * files were downloaded.
 */
export async function downloadBundle(opts: Omit<DownloadOptions, 'model'> & { readonly bundle: ModelBundle; readonly onFile?: (fileName: string) => void }): Promise<number> {
  const folder = join(opts.dir, opts.bundle.folder);
  let downloaded = 0;
  for (const model of opts.bundle.files) {
    opts.onFile?.(model.fileName);
    if (await downloadModel({ ...opts, model, dir: folder })) downloaded++;
  }
  return downloaded;
}
