import { z } from 'zod';

/** User settings, shared by the Electron store and the browser shell's settings file. */
export const SettingsSchema = z.strictObject({
  micDeviceId: z.string().max(512).nullable(),
  /** Browser audio processing on the microphone; off by default so levels are measured as spoken. */
  echoCancellation: z.boolean(),
  noiseSuppression: z.boolean(),
  autoGainControl: z.boolean(),
  lastCandidateName: z.string().max(120),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  micDeviceId: null,
  echoCancellation: true,
  noiseSuppression: false,
  autoGainControl: false,
  lastCandidateName: '',
};

export const SettingsPatchSchema = SettingsSchema.partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
