export interface CallStoppedPanelProps {
  /** What the back end said: why the recording stopped, what is kept, what to do. */
  readonly coachNote: string;
  /** A tryout candidate: a calm request to call the coach; the reason is for the coach. */
  readonly kiosk: boolean;
}

/** The call stopped because its recording could not be written (disk full, data folder removed). */
export function CallStoppedPanel({ coachNote, kiosk }: CallStoppedPanelProps) {
  if (!kiosk) {
    return (
      <p role="alert" className="banner error" data-testid="call-stopped">
        The call stopped: <span data-testid="coach-note">{coachNote}</span>
      </p>
    );
  }
  return (
    <section className="call-stopped" role="alert" aria-labelledby="call-stopped-title" data-testid="call-stopped">
      <h3 id="call-stopped-title">Please call the coach</h3>
      <p>Your call has stopped because of a problem with the laptop. It is not your fault, and what you said so far is saved.</p>
      <p className="small muted">
        For the coach: <span data-testid="coach-note">{coachNote}</span>
      </p>
    </section>
  );
}
