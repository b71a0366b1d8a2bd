import { useEffect, useRef, type ReactNode } from 'react';
import { LevelMeter } from '../../components/LevelMeter.js';
import { useStore } from '../../store/index.js';
import { useMicCheck } from './use-mic-check.js';

export interface MicCheckProps {
  /** Above the brief (a tryout's progress through its calls). */
  readonly header?: ReactNode;
  /** The heading; "Microphone check" by default. */
  readonly title?: string;
  /** Where "Back" goes; no Back button when absent. The Scenarios screen by default. */
  readonly onBack?: (() => void) | null;
  /** Opens the call; the call screen by default. */
  readonly onStart?: () => void;
  /** False on a locked kiosk: the microphone is the coach's to choose or fix (no device list, no call without it). */
  readonly canChooseDevice?: boolean;
  /** The start button's label. */
  readonly startLabel?: string;
}

export function MicCheckScreen(props: MicCheckProps = {}) {
  const mic = useMicCheck();
  const scenario = useStore((s) => s.catalog?.scenarios.find((x) => x.id === s.selectedScenarioId));
  const setScreen = useStore((s) => s.setScreen);
  const onBack = props.onBack === undefined ? () => setScreen('home') : props.onBack;
  const start = (withMic: boolean) => {
    mic.release();
    useStore.setState({ useMicrophone: withMic });
    if (props.onStart) props.onStart();
    else setScreen('call');
  };
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users start at the top of the new screen.
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="mic-check" aria-labelledby="mic-title" data-testid="mic-check-screen">
      {props.header}
      <h2 id="mic-title" tabIndex={-1} ref={headingRef}>
        {props.title ?? 'Microphone check'}
      </h2>
      {scenario && (
        <div className="brief" data-testid="scenario-brief">
          <h3>{scenario.title}</h3>
          <p>{scenario.brief}</p>
          <p className="muted">You will be speaking with {scenario.customer.name}. Captions show everything the customer says.</p>
        </div>
      )}
      {mic.status === 'virtual' && <p data-testid="mic-status">Test microphone (virtual) connected.</p>}
      {mic.status === 'opening' && <p data-testid="mic-status">Opening the microphone…</p>}
      {mic.status === 'error' && (
        <div role="alert" className="banner error" data-testid="mic-error">
          <p>{mic.error}</p>
          <button type="button" onClick={mic.retry}>
            Try again
          </button>
        </div>
      )}
      {mic.status === 'ready' && (
        <>
          {props.canChooseDevice !== false && (
          <label className="field">
            <span>Microphone</span>
            <select data-testid="mic-device" value={mic.deviceId ?? ''} onChange={(e) => mic.chooseDevice(e.target.value)}>
              <option value="">System default</option>
              {mic.devices.map((d) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
          )}
          <p>Say a few words: the bar should move when you speak.</p>
          <LevelMeter db={mic.db} label="Microphone level" />
        </>
      )}
      <div className="actions">
        {onBack && (
          <button type="button" onClick={onBack}>
            Back
          </button>
        )}
        <button type="button" className="primary" data-testid="start-call" disabled={mic.status === 'opening' || mic.status === 'error'} onClick={() => start(true)}>
          {props.startLabel ?? 'Start the call'}
        </button>
        {mic.status === 'error' && props.canChooseDevice !== false && (
          <button type="button" data-testid="start-without-mic" onClick={() => start(false)}>
            Start without a microphone (typed answers only)
          </button>
        )}
        {mic.status === 'error' && props.canChooseDevice === false && <p className="banner warn">Please tell the coach that the microphone is not working.</p>}
      </div>
    </section>
  );
}
