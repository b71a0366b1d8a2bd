import { useStore } from '../../store/index.js';
import { CallScreen } from '../call/CallScreen.js';
import { BriefScreen } from './BriefScreen.js';
import { CheckInScreen } from './CheckInScreen.js';
import { CoachUnlock } from './CoachUnlock.js';
import { ConsentScreen } from './ConsentScreen.js';
import { KioskProgress } from './KioskProgress.js';
import { continueCandidate, forgetResume } from './kiosk-resume.js';
import { ResumeScreen } from './ResumeScreen.js';
import { ThanksScreen } from './ThanksScreen.js';
import './kiosk.css';

/**
 * The candidate screens of a tryout day: check in, consent, each call with its brief, thanks.
 * No navigation, no scores, no findings, nothing of anyone else; the coach gets in with the PIN.
 */
export function KioskApp() {
  const tryout = useStore((s) => s.tryoutDay?.tryout);
  const kiosk = useStore((s) => s.kiosk);
  const appError = useStore((s) => s.appError);
  const resume = useStore((s) => s.tryoutDay?.resume ?? null);
  const resumeTitle = useStore((s) => {
    const id = resume === null ? undefined : s.tryoutDay?.tryout?.scenarioIds[resume.index];
    return s.catalog?.scenarios.find((x) => x.id === id)?.title ?? id ?? '';
  });
  // A call that stopped because the disk failed waits for the coach (the PIN button shows).
  const stoppedForCoach = useStore((s) => s.call.phase === 'failed' && s.call.coachNote !== null);
  const patchKiosk = useStore((s) => s.patchKiosk);
  const selectScenario = useStore((s) => s.selectScenario);
  const resetCall = useStore((s) => s.resetCall);
  const ids = tryout?.scenarioIds ?? [];
  const last = kiosk.index + 1 >= ids.length;
  const next = () => {
    resetCall();
    if (last) return patchKiosk({ step: 'thanks' });
    selectScenario(ids[kiosk.index + 1] ?? null);
    patchKiosk({ step: 'brief', index: kiosk.index + 1 });
  };
  return (
    <div className="app kiosk" data-testid="kiosk" data-kiosk-step={kiosk.step}>
      <header className="app-header">
        <h1 className="brand">Tryout</h1>
        <span className="kiosk-tryout-name">{tryout?.name}</span>
        {/* Not during a call: nothing interrupts a recording. */}
        {(kiosk.step !== 'call' || stoppedForCoach) && <CoachUnlock />}
      </header>
      {appError && (
        <p role="alert" className="banner error">
          {appError}
        </p>
      )}
      <main>
        {kiosk.step === 'check-in' && resume !== null && (
          <ResumeScreen resume={resume} total={ids.length} callTitle={resumeTitle} onContinue={() => continueCandidate(resume)} onNewCandidate={forgetResume} />
        )}
        {kiosk.step === 'check-in' && resume === null && <CheckInScreen />}
        {kiosk.step === 'consent' && <ConsentScreen />}
        {kiosk.step === 'brief' && <BriefScreen />}
        {kiosk.step === 'call' && (
          <>
            <KioskProgress />
            <CallScreen kiosk={{ nextLabel: last ? 'Finish the tryout' : 'Go to the next call', onNext: next }} />
          </>
        )}
        {kiosk.step === 'thanks' && <ThanksScreen />}
      </main>
    </div>
  );
}
