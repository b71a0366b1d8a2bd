import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { TryoutExportFile, TryoutImport } from '../../../core/api.js';
import { TryoutError } from '../../../core/errors.js';
import { TRYOUT_EXPORT_FORMAT, TRYOUT_FORMAT_VERSION, TryoutExportSchema, TryoutIdSchema, TryoutSchema, type Tryout, type TryoutDefinition, type TryoutExport } from '../../../core/tryout/schema.js';
import { describeZodError } from '../api-input.js';
import { jsonText, writeFileAtomic, writeFileAtomicSync } from '../storage/atomic-write.js';
import { KeyedQueue } from '../storage/keyed-queue.js';
import { exportsDir, freeFileName } from '../transfer/pack-export.js';
import { isMissing } from '../session/session-files.js';

/**
 * Tryout definitions, one file each: `<data>/tryouts/<id>.json`, written atomically and checked
 * against TryoutSchema on every read (a damaged file is logged and left out of the list).
 * Exports go to `<data>/exports/tryout-<id>-<date>-<time>.json`, served under /media/exports/.
 */

export const TRYOUT_EXPORT_FILE_NAME = /^tryout-[a-z0-9][a-z0-9-]{2,62}[a-z0-9]-\d{8}-\d{6}(?:-\d{1,3})?\.json$/;

export function tryoutsDir(dataDir: string): string {
  return resolve(dataDir, 'tryouts');
}

function tryoutPath(dataDir: string, id: string): string {
  if (!TryoutIdSchema.safeParse(id).success) throw new TryoutError('invalid-argument', `tryoutId: "${id.slice(0, 80)}" is not a tryout id`);
  const root = tryoutsDir(dataDir);
  const path = resolve(root, `${id}.json`);
  if (dirname(path) !== root) throw new TryoutError('invalid-argument', 'tryoutId: the id escapes the tryouts folder');
  return path;
}

/** A new id: `t-` plus the date and 6 random characters, e.g. `t-20261123-k3f9x2`. */
export function newTryoutId(now: Date): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const date = now.toISOString().slice(0, 10).replaceAll('-', '');
  return `t-${date}-${Array.from(randomBytes(6), (b) => alphabet[b % alphabet.length]).join('')}`;
}

function exportStamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
}

type TryoutRead = { ok: true; tryout: Tryout } | { ok: false; missing: boolean; reason: string };

async function readTryout(path: string, id: string): Promise<TryoutRead> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    if (isMissing(error)) return { ok: false, missing: true, reason: 'there is no such tryout' };
    return { ok: false, missing: false, reason: error instanceof SyntaxError ? 'it is not valid JSON' : 'it cannot be read' };
  }
  const result = TryoutSchema.safeParse(raw);
  if (!result.success) return { ok: false, missing: false, reason: `it is not a valid tryout (${describeZodError(result.error)})` };
  if (result.data.id !== id) return { ok: false, missing: false, reason: `it holds tryout "${result.data.id}"` };
  return { ok: true, tryout: result.data };
}

export interface TryoutStoreOptions {
  readonly dataDir: string;
  readonly log: (message: string) => void;
  readonly now?: () => Date;
}

export class TryoutStore {
  private readonly queue = new KeyedQueue();
  private readonly now: () => Date;

  constructor(private readonly opts: TryoutStoreOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  /** Every readable tryout, by date (newest first), then name. */
  async list(): Promise<Tryout[]> {
    let names: string[];
    try {
      names = await readdir(tryoutsDir(this.opts.dataDir));
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const tryouts: Tryout[] = [];
    for (const name of names) {
      const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
      if (!TryoutIdSchema.safeParse(id).success) continue;
      const read = await readTryout(tryoutPath(this.opts.dataDir, id), id);
      if (read.ok) tryouts.push(read.tryout);
      else if (!read.missing) this.opts.log(`tryouts: skipping ${name}: ${read.reason}`);
    }
    return tryouts.sort((a, b) => b.date.localeCompare(a.date) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  /** The tryout, or TryoutError 'not-found'. */
  async get(id: string): Promise<Tryout> {
    const read = await readTryout(tryoutPath(this.opts.dataDir, id), id);
    if (read.ok) return read.tryout;
    if (read.missing) throw new TryoutError('not-found', `There is no tryout "${id}".`);
    throw new TryoutError('conflict', `Tryout "${id}" cannot be used: ${read.reason}.`);
  }

  /** Saves a new tryout (no id) or replaces one (its createdAt kept). */
  async save(definition: TryoutDefinition, id?: string): Promise<Tryout> {
    const now = this.now().toISOString();
    const tryoutId = id ?? newTryoutId(this.now());
    const path = tryoutPath(this.opts.dataDir, tryoutId);
    return this.queue.run(tryoutId, async () => {
      let createdAt = now;
      if (id !== undefined) createdAt = (await this.get(id)).createdAt;
      const tryout: Tryout = TryoutSchema.parse({ ...definition, formatVersion: TRYOUT_FORMAT_VERSION, id: tryoutId, createdAt, updatedAt: now });
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, jsonText(tryout));
      return tryout;
    });
  }

  async delete(id: string): Promise<{ deleted: boolean }> {
    const path = tryoutPath(this.opts.dataDir, id);
    return this.queue.run(id, async () => {
      const existed = existsSync(path);
      await rm(path, { force: true });
      return { deleted: existed };
    });
  }

  /** Writes the tryout as a JSON file under <data>/exports/. */
  async export(id: string): Promise<TryoutExportFile> {
    const tryout = await this.get(id);
    const at = this.now();
    const content: TryoutExport = { format: TRYOUT_EXPORT_FORMAT, version: TRYOUT_FORMAT_VERSION, exportedAt: at.toISOString(), tryout };
    const dir = exportsDir(this.opts.dataDir);
    mkdirSync(dir, { recursive: true });
    const fileName = freeFileName(dir, (suffix) => `tryout-${id}-${exportStamp(at)}${suffix}.json`);
    const text = jsonText(content);
    writeFileAtomicSync(join(dir, fileName), text);
    return { fileName, path: join(dir, fileName), url: `/media/exports/${fileName}`, bytes: Buffer.byteLength(text) };
  }

  /** Saves an exported tryout (the file's text) under its own id; one already saved with that id is replaced. */
  async import(text: string): Promise<TryoutImport> {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new TryoutError('invalid-argument', 'That file is not an exported tryout: it is not valid JSON.');
    }
    const result = TryoutExportSchema.safeParse(raw);
    if (!result.success) throw new TryoutError('invalid-argument', `That file is not an exported tryout (${describeZodError(result.error)}).`);
    const tryout = result.data.tryout;
    const path = tryoutPath(this.opts.dataDir, tryout.id);
    return this.queue.run(tryout.id, async () => {
      const replaced = existsSync(path);
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, jsonText(tryout));
      return { tryout, replaced };
    });
  }
}
