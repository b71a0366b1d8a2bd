import { useEffect, useRef, useState, type FormEvent } from 'react';
import { client } from '../../client.js';
import { enterCoachMode } from './coach-session.js';

/** The kiosk's way into coach mode: a PIN dialog. The PIN goes to the back end and is not kept here. */
export function CoachUnlock() {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [wrong, setWrong] = useState(0);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const waitSeconds = Math.max(0, Math.ceil((waitUntil - now) / 1000));

  // A countdown while wrong attempts make the next one wait.
  useEffect(() => {
    if (waitUntil <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [waitUntil]);

  const open = () => {
    setError(null);
    dialog.current?.showModal();
    input.current?.focus();
  };
  const close = () => {
    if (input.current) input.current.value = '';
    dialog.current?.close();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const field = input.current;
    if (!field || checking || waitSeconds > 0) return;
    const pin = field.value;
    field.value = '';
    setChecking(true);
    try {
      const result = await client.unlockCoach({ pin });
      if (result.ok) {
        dialog.current?.close();
        await enterCoachMode();
        return;
      }
      setWrong((n) => n + 1);
      setWaitUntil(Date.now() + result.retryAfterMs);
      setNow(Date.now());
      setError(result.retryAfterMs > 0 ? 'That PIN is not right.' : 'That PIN is not right. Try again.');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setChecking(false);
      field.focus();
    }
  };

  return (
    <>
      <button type="button" className="kiosk-coach-button" onClick={open} data-testid="coach-unlock-open">
        Coach
      </button>
      <dialog ref={dialog} className="kiosk-unlock" aria-labelledby="unlock-title" data-testid="coach-unlock">
        <form onSubmit={(e) => void submit(e)}>
          <h2 id="unlock-title">Coach mode</h2>
          <p className="small muted">For coaches only. Enter the coach PIN of this laptop.</p>
          <label className="field">
            <span>Coach PIN</span>
            <input ref={input} type="password" inputMode="numeric" autoComplete="off" maxLength={12} data-testid="coach-pin-input" aria-describedby={error ? 'unlock-error' : undefined} />
          </label>
          {error && (
            <p id="unlock-error" role="alert" className="banner error" data-testid="coach-pin-error" data-wrong={wrong} data-retry-seconds={waitSeconds}>
              {error}
              {waitSeconds > 0 ? ` Try again in ${waitSeconds} s.` : ''}
            </p>
          )}
          <div className="actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={checking || waitSeconds > 0} data-testid="coach-pin-submit">
              {checking ? 'Checking…' : 'Unlock'}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
