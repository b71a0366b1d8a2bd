import { useEffect, useRef } from 'react';
import { EnginesTable } from './EnginesTable.js';
import { RecogniserTestPanel } from './RecogniserTestPanel.js';
import { TEST_SECONDS, useSpeechStatus } from './use-speech-status.js';
import './speech-status.css';

/** The coach's "Speech engines" screen: which recognisers this computer has, which one is used and why, and a test. */
export function SpeechStatusScreen() {
  const s = useSpeechStatus();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users start at the top of the new screen.
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="speech-status" aria-labelledby="speech-title" data-testid="speech-status-screen">
      <h2 id="speech-title" tabIndex={-1} ref={headingRef}>
        Speech engines
      </h2>
      {s.loadError && (
        <div role="alert" className="banner error" data-testid="speech-status-error">
          <p>{s.loadError}</p>
          <button type="button" onClick={s.reload}>
            Try again
          </button>
        </div>
      )}
      {!s.status && !s.loadError && <p className="muted">Checking the speech engines…</p>}
      {s.status && <EnginesTable status={s.status} />}
      <RecogniserTestPanel view={s.test} seconds={TEST_SECONDS} canStart={s.ready} spotterOnly={s.status?.transcripts.engine === null} onStart={() => void s.start()} />
    </section>
  );
}
