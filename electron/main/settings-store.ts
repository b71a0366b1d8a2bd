import ElectronStore, { type Options, type Schema } from 'electron-store';
import type { Settings } from '../../core/settings.js';
import { DEFAULT_SETTINGS } from '../../core/settings.js';
import { applySettingsPatch, settingsFromStored, settingsJsonSchemaProperties } from './policies/settings-values.js';

/**
 * The Electron app's settings, in electron-store (`<userData>/config.json`). electron-store's
 * JSON schema guards the file; on top of it every read and every update goes through core's
 * zod schemas (settings-values.ts), so a damaged or hand-edited file reads as defaults.
 */

type SettingsMigrations = NonNullable<Options<Settings>['migrations']>;
type SettingsMigration = SettingsMigrations[string];

/**
 * Versioned migrations, keyed by the app version that introduced them (electron-store runs the
 * ones newer than the version recorded in the file, oldest first; a fresh file runs none).
 * The pattern: one named function per version, changing the stored keys into the new shape
 * with `store.set` / `store.delete`, e.g. `'0.2.0': renameMicToInputDevice`. A migration must be
 * safe to run on any file an older version could have written (including a damaged one).
 */
const initialShape: SettingsMigration = function initialShape() {
  // 0.1.0 is the first shape of the settings (core/settings.ts): nothing to convert.
};

export const SETTINGS_MIGRATIONS: SettingsMigrations = {
  '0.1.0': initialShape,
};

export interface SettingsStoreOptions {
  /** The app version (app.getVersion()), a full semver: electron-store compares migrations to it. */
  readonly projectVersion: string;
  /** The folder of the file; electron-store uses app.getPath('userData') when omitted. */
  readonly cwd?: string;
}

export interface SettingsStore {
  getSettings(): Settings;
  /** Validates the patch (TryoutError 'invalid-argument' if bad), stores and returns the result. */
  updateSettings(patch: unknown): Settings;
  /** The file behind the store. */
  readonly path: string;
}

export function createSettingsStore(opts: SettingsStoreOptions): SettingsStore {
  const store = new ElectronStore<Settings>({
    ...(opts.cwd === undefined ? {} : { cwd: opts.cwd }),
    projectVersion: opts.projectVersion,
    defaults: { ...DEFAULT_SETTINGS },
    // Structurally a JSON Schema per key (derived from the zod schema); conf's JSONSchema
    // type is a deep union that a Record<string, unknown> cannot be proven to match.
    schema: settingsJsonSchemaProperties() as Schema<Settings>,
    migrations: SETTINGS_MIGRATIONS,
    // An unreadable or schema-violating file is replaced by the defaults instead of crashing.
    clearInvalidConfig: true,
  });

  function getSettings(): Settings {
    return settingsFromStored(store.store);
  }

  return {
    path: store.path,
    getSettings,
    updateSettings(patch) {
      const next = applySettingsPatch(getSettings(), patch);
      store.set(next);
      return next;
    },
  };
}
