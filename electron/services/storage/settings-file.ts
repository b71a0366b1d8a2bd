import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { TryoutError } from '../../../core/errors.js';
import { DEFAULT_SETTINGS, SettingsPatchSchema, SettingsSchema, type Settings, type SettingsPatch } from '../../../core/settings.js';
import { jsonText, writeFileAtomic } from './atomic-write.js';
import { KeyedQueue } from './keyed-queue.js';
import { isMissing } from '../session/session-files.js';

/**
 * The laptop's settings, in `<dataDir>/settings.json` (written atomically): the one store of both
 * shells, read and changed only through the service's dispatch (so API_POLICY decides who may
 * change them). A missing or damaged file gives the defaults; a file from an older version gets
 * defaults for missing keys.
 *
 * Electron used to keep them in electron-store's `<userData>/config.json` as well; that store
 * is gone (a second file of the same settings, written outside the policy), and
 * adoptLegacySettings moves its values here once.
 */

const updates = new KeyedQueue();

export function settingsPath(dataDir: string): string {
  return resolve(dataDir, 'settings.json');
}

/**
 * Stored value -> Settings. Known keys are kept, missing ones get defaults, unknown ones are
 * dropped; if the result still fails the schema (a damaged file), the defaults are returned.
 */
export function settingsFromStored(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ...DEFAULT_SETTINGS };
  const known = Object.fromEntries(Object.entries(raw).filter(([key]) => Object.hasOwn(DEFAULT_SETTINGS, key)));
  const result = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...known });
  return result.success ? result.data : { ...DEFAULT_SETTINGS };
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

export async function readSettings(dataDir: string): Promise<Settings> {
  try {
    return settingsFromStored(await readJson(settingsPath(dataDir)));
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/**
 * Once, before the service starts: when `<dataDir>/settings.json` does not exist yet, the
 * values of an older settings file (Electron's electron-store `config.json`, whose internal keys
 * are dropped) become it, and the old file is deleted, so no second copy (with a candidate's
 * name in it) is left behind. Returns true when it adopted a file.
 */
export async function adoptLegacySettings(dataDir: string, legacyFile: string): Promise<boolean> {
  let raw: unknown;
  try {
    await stat(settingsPath(dataDir));
    return false;
  } catch (error) {
    // Only a missing settings.json is replaced; any other problem leaves both files alone.
    if (!isMissing(error)) return false;
  }
  try {
    raw = await readJson(legacyFile);
  } catch {
    return false;
  }
  await mkdir(resolve(dataDir), { recursive: true });
  await writeFileAtomic(settingsPath(dataDir), jsonText(settingsFromStored(raw)));
  await rm(legacyFile, { force: true });
  return true;
}

/** Applies a validated patch and returns the new settings. Updates run one at a time. */
export async function updateSettings(dataDir: string, patch: SettingsPatch): Promise<Settings> {
  const parsed = SettingsPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TryoutError('invalid-argument', `patch.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid settings'}`);
  }
  const path = settingsPath(dataDir);
  return updates.run(path, async () => {
    const defined = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
    const next = SettingsSchema.parse({ ...(await readSettings(dataDir)), ...defined });
    await mkdir(resolve(dataDir), { recursive: true });
    await writeFileAtomic(path, jsonText(next));
    return next;
  });
}
