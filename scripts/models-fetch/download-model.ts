import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelEntry } from './catalogue.js';

/** A download in progress: bytes so far and the total when the server said it. */
export interface DownloadProgress {
  readonly received: number;
  readonly total: number | null;
}

export interface DownloadOptions {
  readonly model: ModelEntry;
  /** The models folder; created when missing. */
  readonly dir: string;
  readonly onProgress?: (p: DownloadProgress) => void;
  /** The HTTP client; global fetch unless a test passes its own. */
  readonly fetch?: typeof fetch;
}

/** Where the model goes, and the temporary name it is downloaded under (renamed when checked). */
export function modelPaths(dir: string, model: Pick<ModelEntry, 'fileName'>): { readonly final: string; readonly partial: string } {
  const final = join(dir, model.fileName);
  return { final, partial: `${final}.part` };
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Moves a finished download into place if its SHA-256 is the expected one; else deletes it and throws. */
export async function installChecked(partial: string, final: string, expectedSha256: string): Promise<void> {
  const actual = await sha256OfFile(partial);
  if (actual !== expectedSha256) {
    await rm(partial, { force: true });
    throw new Error(`The download is damaged or not the expected file (SHA-256 ${actual}, expected ${expectedSha256}); it was deleted. Run the command again.`);
  }
  await rename(partial, final);
}

const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** A plain-English reason for a failed request: offline, refused, or the server's answer. */
export function describeFetchError(error: unknown, url: string): string {
  const host = new URL(url).host;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  if (code !== null && OFFLINE_CODES.has(code)) {
    return `Cannot reach ${host} (${code}): this machine seems to be offline. Run \`npm run models:fetch\` on a machine with internet, then copy the model into the models folder.`;
  }
  return `Downloading ${url} failed: ${error instanceof Error ? error.message : String(error)}${code ? ` (${code})` : ''}.`;
}

/**
 * Downloads the model into `<dir>/<file>.part`, hashing as it goes, then checks the SHA-256 and
 * renames it into place, so the models folder never holds a half-written model. An existing model
 * with the right hash is kept (returns false: nothing downloaded).
 */
export async function downloadModel(opts: DownloadOptions): Promise<boolean> {
  const { model, dir } = opts;
  const { final, partial } = modelPaths(dir, model);
  const existing = await sha256OfFile(final).catch(() => null);
  if (existing === model.sha256) return false;
  await mkdir(dir, { recursive: true });
  let response: Response;
  try {
    response = await (opts.fetch ?? fetch)(model.url, { redirect: 'follow' });
  } catch (error) {
    throw new Error(describeFetchError(error, model.url), { cause: error });
  }
  if (!response.ok || !response.body) throw new Error(`Downloading ${model.url} failed: the server answered ${response.status} ${response.statusText}.`);
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const file = await open(partial, 'w');
  let received = 0;
  try {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value: chunk } = await reader.read();
      if (done) break;
      await file.write(chunk);
      received += chunk.byteLength;
      opts.onProgress?.({ received, total });
    }
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(partial, { force: true });
    throw new Error(describeFetchError(error, model.url), { cause: error });
  }
  await file.close();
  await installChecked(partial, final, model.sha256);
  return true;
}
