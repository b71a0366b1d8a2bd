import { z } from 'zod';

/** The speech recogniser choices of the settings. */
export const SPEECH_ENGINES = ['auto', 'pocketsphinx', 'whisper', 'sherpa-onnx'] as const;
export type SpeechEngineChoice = (typeof SPEECH_ENGINES)[number];

/** User settings, shared by the Electron store and the browser shell's settings file. */
export const SettingsSchema = z.strictObject({
  micDeviceId: z.string().max(512).nullable(),
  /** Browser audio processing on the microphone; off by default so levels are measured as spoken. */
  echoCancellation: z.boolean(),
  noiseSuppression: z.boolean(),
  autoGainControl: z.boolean(),
  lastCandidateName: z.string().max(120),
  /** The name the coach reviews under on this laptop ('' until they give it); reviews are filed by it. */
  coachName: z.string().trim().max(80),
  /** Which speech recogniser analyses spoken answers; auto = whisper when a model is present, else pocketsphinx. */
  speechEngine: z.enum(SPEECH_ENGINES),
  /** A whisper.cpp ggml model file, or a folder holding ggml-*.bin; null = `<data dir>/models`. */
  whisperModel: z.string().min(1).max(4096).nullable(),
  /** Tryout (candidate) sessions older than this many days are deleted by the retention sweep; null = kept until deleted by hand. */
  retentionDays: z.number().int().min(1).max(3650).nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  micDeviceId: null,
  echoCancellation: true,
  noiseSuppression: false,
  autoGainControl: false,
  lastCandidateName: '',
  coachName: '',
  speechEngine: 'auto',
  whisperModel: null,
  retentionDays: null,
};

export const SettingsPatchSchema = SettingsSchema.partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/**
 * The settings as a candidate's kiosk screens see them: the microphone and its processing, which
 * the call needs, and nothing else (not the last candidate's name, the coach's name, the model
 * path or the retention rule).
 */
export function candidateSettings(settings: Settings): Settings {
  const { micDeviceId, echoCancellation, noiseSuppression, autoGainControl } = settings;
  return { ...DEFAULT_SETTINGS, micDeviceId, echoCancellation, noiseSuppression, autoGainControl };
}
