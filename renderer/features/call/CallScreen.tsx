import { useRef, useState, type KeyboardEvent } from 'react';
import { LevelMeter } from '../../components/LevelMeter.js';
import type { CallPhase } from '../../store/call-slice.js';
import { CallStoppedPanel } from './CallStoppedPanel.js';
import { HangUpDialog } from './HangUpDialog.js';
import { HoldTimer } from './HoldTimer.js';
import { QueueBadge } from './QueueBadge.js';
import { Transcript } from './Transcript.js';
import { useCall } from './use-call.js';
import { FindingsSection } from '../findings/FindingsSection.js';
import { DebriefSection } from '../debrief/DebriefSection.js';

const PHASE_LABEL: Record<CallPhase, string> = {
  connecting: 'Connecting the call…',
  speaking: 'Customer speaking',
  holding: 'Customer on hold',
  listening: 'Your turn: speak now',
  typing: 'Type your answer',
  transcribing: 'One moment…',
  saving: 'Saving the call…',
  ended: 'Call ended and saved',
  failed: 'The call stopped',
};

function captionText(phase: CallPhase, caption: string | null): string {
  if (phase === 'holding') return '(on hold, waiting for you to come back)';
  if (phase === 'ended') return '(the customer has hung up)';
  return caption ?? '…';
}

export interface CallScreenProps {
  /** A tryout candidate's call: no findings, no way elsewhere; one button onward once the call is saved. */
  readonly kiosk?: { readonly nextLabel: string; readonly onNext: () => void };
}

export function CallScreen({ kiosk }: CallScreenProps = {}) {
  const c = useCall();
  const { call } = c;
  const live = call.phase !== 'ended' && call.phase !== 'failed' && call.phase !== 'saving';
  // On tryout day Hang up asks once (the call cannot be taken again); practice hangs up at once.
  const [askingHangUp, setAskingHangUp] = useState(false);
  const hangUpButton = useRef<HTMLButtonElement>(null);
  const onHangUp = kiosk ? () => setAskingHangUp(true) : c.hangUp;
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      c.submit();
    }
  };
  return (
    <section className="call" data-testid="call-screen" data-call-phase={call.phase} data-step-id={call.stepId ?? ''} data-session-id={call.sessionId ?? ''} aria-labelledby="call-title">
      <div className="call-head">
        <h2 id="call-title">{c.scenario?.title ?? 'Call'}</h2>
        <span className={`phase-badge phase-${call.phase}`} role="status" data-testid="call-phase">
          {PHASE_LABEL[call.phase]}
        </span>
        {live && call.queueCount !== null && <QueueBadge count={call.queueCount} />}
      </div>
      {call.coachNote !== null && <CallStoppedPanel coachNote={call.coachNote} kiosk={kiosk !== undefined} />}
      {call.coachNote === null && (
        <div className="caption-box" aria-live="polite" data-testid="caption">
          <span className="speaker">{c.scenario?.customer.name ?? 'Customer'}</span>
          <p>{captionText(call.phase, call.caption)}</p>
          {call.phase !== 'holding' && call.captionVoice === 'system' && <span className="muted small">(read by the system voice: no recorded clip for this line)</span>}
        </div>
      )}
      {call.phase === 'holding' && call.holdSeconds !== null && call.holdStartedAt !== null && (
        <div className="hold-panel">
          <HoldTimer startedAt={call.holdStartedAt} seconds={call.holdSeconds} />
          <button type="button" className="primary" onClick={c.resume} data-testid="resume-hold">
            Take the caller off hold
          </button>
        </div>
      )}
      {call.phase === 'listening' && (
        <div className="listen-panel">
          <p>{call.hint ?? 'Answer the customer out loud. Tryout notices when you stop speaking.'}</p>
          <button type="button" onClick={c.done} data-testid="done-answering">
            I have finished answering
          </button>
        </div>
      )}
      {call.phase === 'typing' && (
        <div className="type-panel">
          <p className="prompt">{call.prompt}</p>
          {call.message && <blockquote className="customer-message">{call.message}</blockquote>}
          <label className="field">
            <span>Your answer (Ctrl+Enter sends)</span>
            <textarea data-testid="typed-answer" value={c.draft} onChange={(e) => c.onDraft(e.target.value)} onKeyDown={onKeyDown} rows={6} autoFocus />
          </label>
          <button type="button" className="primary" data-testid="send-typed" disabled={c.draft.trim().length < call.minChars} onClick={c.submit}>
            Send answer
          </button>
        </div>
      )}
      {live && (
        <div className="mic-row">
          <span>{call.trainee === 'speaking' ? 'You are speaking' : 'Your microphone'}</span>
          <LevelMeter db={call.micDb} label="Your microphone level" />
        </div>
      )}
      {call.error && (
        <p role="alert" className="banner error" data-testid="call-error">
          {call.error}
        </p>
      )}
      <Transcript lines={call.transcript} />
      {/* A trainee gets the debrief; a coach's preview keeps the full findings. */}
      {call.phase === 'ended' && call.sessionId && !kiosk && (c.preview ? <FindingsSection sessionId={call.sessionId} autoRun /> : <DebriefSection sessionId={call.sessionId} />)}
      {call.phase === 'failed' && kiosk && call.coachNote === null && <p className="banner warn">Please tell the coach that this call stopped; what was said before is saved.</p>}
      <div className="actions">
        {live && (
          <button type="button" ref={hangUpButton} className="danger" onClick={onHangUp} data-testid="hang-up" aria-haspopup={kiosk ? 'dialog' : undefined}>
            Hang up
          </button>
        )}
        {live && askingHangUp && (
          <HangUpDialog
            returnFocusTo={hangUpButton}
            onCancel={() => setAskingHangUp(false)}
            onConfirm={() => {
              setAskingHangUp(false);
              c.hangUp();
            }}
          />
        )}
        {/* A call stopped by the disk waits for the coach: the next call would stop the same way. */}
        {!live && call.phase !== 'saving' && kiosk && call.coachNote === null && (
          <button type="button" className="primary" onClick={kiosk.onNext} data-testid="kiosk-next" autoFocus>
            {kiosk.nextLabel}
          </button>
        )}
        {!live && call.phase !== 'saving' && !kiosk && (
          <>
            <button type="button" onClick={() => c.leave('home')} data-testid="back-home">
              {c.preview ? 'Back to coach' : 'Back to scenarios'}
            </button>
            <button type="button" onClick={() => c.leave('sessions')} data-testid="open-sessions">
              See saved sessions
            </button>
            {!c.preview && (
              <button type="button" onClick={() => c.leave('progress')} data-testid="open-progress">
                See my progress
              </button>
            )}
            <button type="button" className="primary" onClick={c.retry} data-testid="try-again">
              Try again
            </button>
          </>
        )}
      </div>
    </section>
  );
}
