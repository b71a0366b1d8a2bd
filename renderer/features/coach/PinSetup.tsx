import { useState } from 'react';
import type { CoachPinStatus } from '../../../core/api.js';
import { client } from '../../client.js';
import { pinFormProblem, retryMessage, type PinForm } from './tryout-form-model.js';

export interface PinSetupProps {
  /** Null while loading. */
  readonly status: CoachPinStatus | null;
  /** Reads the PIN's state again after a change. */
  readonly onChanged: () => Promise<void>;
}

const EMPTY: PinForm = { current: '', pin: '', confirm: '' };

/** A PIN field: hidden, digits keyboard on touch screens, never remembered by the browser. */
function PinInput(props: { label: string; value: string; onChange: (v: string) => void; testId: string }) {
  return (
    <label className="field pin-field">
      <span>{props.label}</span>
      <input
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      />
    </label>
  );
}

/**
 * Set the coach PIN (first use) or change it (needs the current one). The PIN lives only in this
 * form's fields until it is sent; the fields are emptied after every submit.
 */
export function PinSetup({ status, onChanged }: PinSetupProps) {
  const [form, setForm] = useState<PinForm>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const changing = status?.set === true;

  const submit = async () => {
    const sent = form;
    setForm(EMPTY);
    setDone(null);
    const problem = pinFormProblem(sent, changing);
    if (problem !== null) return setError(problem);
    setError(null);
    setSaving(true);
    try {
      const result = await client.setCoachPin(changing ? { pin: sent.pin, currentPin: sent.current } : { pin: sent.pin });
      if (result.ok) setDone(changing ? 'PIN changed.' : 'PIN set.');
      else setError(retryMessage(result.retryAfterMs));
      await onChanged();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  const lockedSeconds = status?.lockedUntil ? Math.ceil((Date.parse(status.lockedUntil) - Date.now()) / 1000) : 0;
  const statusText =
    status === null ? 'Reading the PIN’s state…' : status.set ? 'A coach PIN is set on this laptop.' : 'No coach PIN is set on this laptop yet.';
  return (
    <section className="tryout-pin" aria-labelledby="pin-title" data-testid="pin-setup">
      <h3 id="pin-title">{changing ? 'Change the coach PIN' : 'Set a coach PIN'}</h3>
      <p className="small muted">
        During a tryout day this laptop shows only the candidate screens; the PIN opens coach mode. 4 to 12 digits.
      </p>
      <p className="small" role="status" data-testid="pin-status">
        {statusText} {done}
      </p>
      <form
        className="pin-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {changing && <PinInput label="Current PIN" value={form.current} onChange={(current) => setForm((f) => ({ ...f, current }))} testId="pin-current" />}
        <PinInput label={changing ? 'New PIN' : 'PIN'} value={form.pin} onChange={(pin) => setForm((f) => ({ ...f, pin }))} testId="pin-new" />
        <PinInput label={changing ? 'New PIN again' : 'PIN again'} value={form.confirm} onChange={(confirm) => setForm((f) => ({ ...f, confirm }))} testId="pin-confirm" />
        <div className="actions">
          <button type="submit" className="primary" disabled={saving || status === null} data-testid="pin-save">
            {saving ? 'Saving…' : changing ? 'Change PIN' : 'Set PIN'}
          </button>
        </div>
      </form>
      {(error !== null || lockedSeconds > 0) && (
        <p role="alert" className="banner error" data-testid="pin-error">
          {error ?? retryMessage(lockedSeconds * 1000)}
        </p>
      )}
    </section>
  );
}
