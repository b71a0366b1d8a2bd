import { MIN_WORD_CONFIDENCE } from '../../../core/judgement/cues.js';
import { LevelMeter } from '../../components/LevelMeter.js';
import type { TestView } from './use-speech-status.js';

export interface RecogniserTestProps {
  readonly view: TestView;
  readonly seconds: number;
  /** False until the settings (the chosen microphone) are loaded. */
  readonly canStart: boolean;
  /** True when no transcript engine is installed: the phrase spotter listens, one scenario at a time. */
  readonly spotterOnly: boolean;
  readonly onStart: () => void;
}

const BUSY = new Set(['starting', 'recording', 'recognising']);

/** "Test my microphone and recogniser": records a few seconds, then shows the words heard and how sure the engine was. */
export function RecogniserTestPanel({ view, seconds, canStart, spotterOnly, onStart }: RecogniserTestProps) {
  const busy = BUSY.has(view.phase);
  const result = view.result;
  return (
    <section className="speech-test" aria-labelledby="speech-test-title" data-testid="speech-test" data-phase={view.phase}>
      <h3 id="speech-test-title">Test my microphone and recogniser</h3>
      <p className="small muted">Press the button, then say a sentence a trainee might say (for example “I’m so sorry, let me sort that out for you”). It records {seconds} seconds from the microphone chosen in the settings.</p>
      <button type="button" className="primary" onClick={onStart} disabled={busy || !canStart} data-testid="speech-test-start">
        {view.phase === 'idle' ? 'Test my microphone and recogniser' : 'Test again'}
      </button>
      <div aria-live="polite">
        {view.phase === 'starting' && <p data-testid="speech-test-status">Opening the microphone…</p>}
        {view.phase === 'recording' && (
          <div className="speech-recording" data-testid="speech-test-status">
            <p>
              Recording… {view.seconds.toFixed(1)} of {seconds} s
            </p>
            <progress max={seconds} value={view.seconds} aria-label="Recording progress" />
            <LevelMeter db={view.db} label="Microphone level" />
          </div>
        )}
        {view.phase === 'recognising' && (
          <p data-testid="speech-test-status">
            Recognising {view.seconds.toFixed(1)} s of speech…{spotterOnly ? ' The phrase spotter listens for each scenario’s phrases in turn, so this takes a little longer.' : ''}
          </p>
        )}
      </div>
      {view.phase === 'error' && view.error && (
        <p role="alert" className="banner error" data-testid="speech-test-error">
          {view.error}
        </p>
      )}
      {view.phase === 'done' && result && (
        <div className="speech-result" data-testid="speech-test-result">
          <p>
            Heard by <strong data-testid="speech-test-engine">{result.engine}</strong> in {result.seconds.toFixed(1)} s of audio
            {result.words.length === 0 ? ': no words.' : ':'}
          </p>
          {result.words.length > 0 && (
            <ol className="speech-words" aria-label="Words heard">
              {result.words.map((w, i) => {
                const unsure = w.confidence < MIN_WORD_CONFIDENCE;
                return (
                  <li key={`${i}-${w.start}`} className={unsure ? 'speech-word unsure' : 'speech-word'} data-testid="speech-word" data-unsure={unsure}>
                    <span className="word">{w.word}</span>
                    <span className="small">
                      {Math.round(w.confidence * 100)}%{unsure ? ' (unsure)' : ''}
                    </span>
                    <span className="small muted">
                      {w.start.toFixed(2)}–{w.end.toFixed(2)} s
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
          {result.words.some((w) => w.confidence < MIN_WORD_CONFIDENCE) && (
            <p className="small muted">Words marked “unsure” are below {Math.round(MIN_WORD_CONFIDENCE * 100)}% confidence: a finding that rests on them goes to a coach’s review, never to an automatic fail.</p>
          )}
          {result.note && <p className="small muted" data-testid="speech-test-note">{result.note}</p>}
        </div>
      )}
    </section>
  );
}
