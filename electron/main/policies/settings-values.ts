import { z } from 'zod';
import { TryoutError } from '../../../core/errors.js';
import { DEFAULT_SETTINGS, SettingsPatchSchema, SettingsSchema, type Settings } from '../../../core/settings.js';

/**
 * Settings validation for the Electron store, pure of electron-store: what a stored value
 * reads as, and what a patch turns the settings into. Both go through core's zod schemas.
 */

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

/** current + patch, both validated; a bad patch is a TryoutError 'invalid-argument'. */
export function applySettingsPatch(current: Settings, rawPatch: unknown): Settings {
  const patch = SettingsPatchSchema.safeParse(rawPatch);
  if (!patch.success) {
    const issue = patch.error.issues[0];
    throw new TryoutError('invalid-argument', `patch.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid settings'}`);
  }
  const defined = Object.fromEntries(Object.entries(patch.data).filter(([, value]) => value !== undefined));
  return SettingsSchema.parse({ ...current, ...defined });
}

/** JSON Schema (draft 2020-12) of one settings key, derived from SettingsSchema. */
export type SettingsPropertySchema = Record<string, unknown>;

/** Per-key JSON Schemas for electron-store's `schema` option, derived from the zod schema. */
export function settingsJsonSchemaProperties(): Record<keyof Settings, SettingsPropertySchema> {
  const json = z.toJSONSchema(SettingsSchema, { target: 'draft-2020-12' });
  const properties = json.properties ?? {};
  const out = {} as Record<keyof Settings, SettingsPropertySchema>;
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const property = properties[key];
    if (typeof property !== 'object') throw new Error(`settings JSON schema lacks "${key}"`);
    out[key] = { ...property };
  }
  return out;
}
