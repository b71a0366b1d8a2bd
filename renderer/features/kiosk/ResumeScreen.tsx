import type { KioskResume } from '../../../core/tryout/resume.js';
import { useFocusHeading } from './use-focus-heading.js';

export interface ResumeScreenProps {
  readonly resume: KioskResume;
  readonly total: number;
  /** The title of the call the candidate continues at. */
  readonly callTitle: string;
  readonly onContinue: () => void;
  /** Someone else is at the kiosk: a fresh check-in. */
  readonly onNewCandidate: () => void;
}

/**
 * After the app stopped during a candidate's tryout: they continue where they were, the calls
 * already done are not taken again, and an interrupted call starts again from its beginning
 * (what they said before is kept for the coach). The brief and microphone check come first.
 */
export function ResumeScreen({ resume, total, callTitle, onContinue, onNewCandidate }: ResumeScreenProps) {
  const heading = useFocusHeading();
  const first = resume.candidate.name.split(/\s+/)[0] ?? resume.candidate.name;
  const n = resume.index + 1;
  const cut = resume.interrupted;
  return (
    <section className="kiosk-screen" aria-labelledby="resume-title" data-testid="kiosk-resume" data-resume-index={resume.index}>
      <h2 id="resume-title" tabIndex={-1} ref={heading}>
        Welcome back, {first}
      </h2>
      {cut ? (
        <p data-testid="kiosk-resume-text">
          {cut.cause === 'app-stopped' ? 'The app restarted during your call' : 'Your call stopped because of a problem with the laptop'} ({n} of {total}, “{callTitle}”).
          {' '}Your answers so far are kept; the call starts again from the beginning.
        </p>
      ) : (
        <p data-testid="kiosk-resume-text">
          The app restarted between your calls. Your {resume.index === 1 ? 'first call is' : `first ${resume.index} calls are`} done and kept; you continue with call {n} of {total}, “{callTitle}”.
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={onContinue} data-testid="kiosk-resume-continue">
          Continue with call {n}
        </button>
        <button type="button" onClick={onNewCandidate} data-testid="kiosk-resume-new">
          Not {first}? Check in
        </button>
      </div>
    </section>
  );
}
