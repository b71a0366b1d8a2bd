import { useEffect, useState } from 'react';
import type { ConsentText } from '../../../core/tryout/consent.js';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';
import { useFocusHeading } from './use-focus-heading.js';

/** What is recorded, who sees it and how long it is kept; nothing is recorded until the candidate agrees. */
export function ConsentScreen() {
  const [text, setText] = useState<ConsentText | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [declined, setDeclined] = useState(false);
  const patchKiosk = useStore((s) => s.patchKiosk);
  const resetKiosk = useStore((s) => s.resetKiosk);
  const firstId = useStore((s) => s.tryoutDay?.tryout?.scenarioIds[0] ?? null);
  const selectScenario = useStore((s) => s.selectScenario);
  const heading = useFocusHeading();

  useEffect(() => {
    client.getConsentText({}).then(setText, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  const accept = () => {
    if (!text) return;
    selectScenario(firstId);
    patchKiosk({ consent: { version: text.version, acceptedAt: new Date().toISOString() }, step: 'brief', index: 0 });
  };

  if (declined) {
    return (
      <section className="kiosk-screen" aria-labelledby="consent-title" data-testid="consent-declined">
        <h2 id="consent-title" tabIndex={-1} ref={heading}>
          Nothing has been recorded
        </h2>
        <p>That is fine. Please tell the coach that you would rather not be recorded.</p>
        <div className="actions">
          <button type="button" className="primary" onClick={resetKiosk} data-testid="consent-restart" autoFocus>
            Back to the start
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="kiosk-screen" aria-labelledby="consent-title" data-testid="consent-screen">
      <h2 id="consent-title" tabIndex={-1} ref={heading}>
        {text?.title ?? 'Before we start: your recording'}
      </h2>
      {error && (
        <p role="alert" className="banner error">
          The consent text could not be loaded ({error}). Please tell the coach.
        </p>
      )}
      {!text && !error && <p className="muted">Loading…</p>}
      {text && (
        <div className="consent-text" data-testid="consent-text" data-consent-version={text.version}>
          {text.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      <div className="actions">
        <button type="button" onClick={() => patchKiosk({ step: 'check-in', candidate: null })} data-testid="consent-back">
          Back
        </button>
        <button type="button" onClick={() => setDeclined(true)} data-testid="consent-decline">
          I do not agree
        </button>
        <button type="button" className="primary" onClick={accept} disabled={!text} data-testid="consent-accept">
          {text?.acceptLabel ?? 'I agree'}
        </button>
      </div>
    </section>
  );
}
