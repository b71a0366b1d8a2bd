import { useState } from 'react';
import { SPEECH_ENGINES, type Settings, type SpeechEngineChoice } from '../../../core/settings.js';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';

const ENGINE_LABELS: Record<SpeechEngineChoice, string> = {
  auto: 'Automatic (whisper.cpp when a model is present, else sherpa-onnx when its model is, else pocketsphinx)',
  pocketsphinx: 'pocketsphinx',
  whisper: 'whisper.cpp',
  'sherpa-onnx': 'sherpa-onnx',
};

type Status = { readonly kind: 'idle' | 'saving' | 'saved' } | { readonly kind: 'error'; readonly message: string };

/** The form's text fields -> a settings patch, or a plain message saying what is wrong. */
export function settingsPatchOf(form: { engine: SpeechEngineChoice; model: string; retention: string }): Partial<Settings> | string {
  const retention = form.retention.trim();
  const days = retention === '' ? null : Number(retention);
  if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650)) return 'Keep candidate sessions for a whole number of days from 1 to 3650, or leave it empty to keep them.';
  return { speechEngine: form.engine, whisperModel: form.model.trim() === '' ? null : form.model.trim(), retentionDays: days };
}

/** Settings of this laptop that a coach chooses: the speech recogniser and how long candidate sessions are kept. */
export function LaptopSettings() {
  const settings = useStore((s) => s.settings);
  const setSettings = useStore((s) => s.setSettings);
  const [engine, setEngine] = useState<SpeechEngineChoice>(settings?.speechEngine ?? 'auto');
  const [model, setModel] = useState(settings?.whisperModel ?? '');
  const [retention, setRetention] = useState(settings?.retentionDays === null || settings?.retentionDays === undefined ? '' : String(settings.retentionDays));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const save = async () => {
    const patch = settingsPatchOf({ engine, model, retention });
    if (typeof patch === 'string') return setStatus({ kind: 'error', message: patch });
    setStatus({ kind: 'saving' });
    try {
      setSettings(await client.updateSettings({ patch }));
      setStatus({ kind: 'saved' });
    } catch (e) {
      setStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section className="pack-panel" aria-labelledby="laptop-settings-title" data-testid="laptop-settings">
      <h3 id="laptop-settings-title">Settings of this laptop</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>Speech recognition for the checks</span>
          <select value={engine} onChange={(e) => setEngine(e.target.value as SpeechEngineChoice)} data-testid="setting-speech-engine">
            {SPEECH_ENGINES.map((id) => (
              <option key={id} value={id}>
                {ENGINE_LABELS[id]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>whisper.cpp model (a ggml-*.bin file or its folder; empty = the models folder in the data folder)</span>
          <input type="text" value={model} onChange={(e) => setModel(e.target.value)} data-testid="setting-whisper-model" />
        </label>
        <label className="field">
          <span>Delete candidate sessions after this many days (empty = keep them)</span>
          <input type="text" inputMode="numeric" value={retention} onChange={(e) => setRetention(e.target.value)} data-testid="setting-retention-days" />
        </label>
        <p>
          <button type="submit" className="primary" disabled={status.kind === 'saving'} data-testid="save-settings">
            Save settings
          </button>{' '}
          <span role="status" className="small" data-testid="settings-status">
            {status.kind === 'saving' ? 'Saving…' : status.kind === 'saved' ? 'Saved.' : ''}
          </span>
        </p>
        {status.kind === 'error' && (
          <p role="alert" className="banner error" data-testid="settings-error">
            {status.message}
          </p>
        )}
      </form>
    </section>
  );
}
