import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { TryoutError } from '../../core/errors.js';
import { DEFAULT_SETTINGS, SettingsPatchSchema, SettingsSchema, type Settings, type SettingsPatch } from '../../core/settings.js';
import { jsonText, writeFileAtomic } from './atomic-write.js';
import { KeyedQueue } from './keyed-queue.js';

/**
 * The browser shell's settings, in `<dataDir>/settings.json` (written atomically). A missing or
 * damaged file gives the defaults; a file from an older version gets defaults for missing keys.
 */

const updates = new KeyedQueue();

export function settingsPath(dataDir: string): string {
  return resolve(dataDir, 'settings.json');
}

export async function readSettings(dataDir: string): Promise<Settings> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(settingsPath(dataDir), 'utf8'));
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ...DEFAULT_SETTINGS };
  const known = Object.fromEntries(Object.entries(raw).filter(([key]) => key in DEFAULT_SETTINGS));
  const result = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...known });
  return result.success ? result.data : { ...DEFAULT_SETTINGS };
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
