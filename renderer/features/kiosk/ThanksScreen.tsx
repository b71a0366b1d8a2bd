import { useEffect } from 'react';
import { useStore } from '../../store/index.js';
import { KioskProgress } from './KioskProgress.js';
import { useFocusHeading } from './use-focus-heading.js';

/** The kiosk resets by itself this long after the thank-you, in case the candidate walks away. */
const AUTO_RESET_MS = 120_000;

/** The end of a candidate's tryout: thanks, no scores; then the kiosk is cleared for the next one. */
export function ThanksScreen() {
  const name = useStore((s) => s.kiosk.candidate?.name ?? '');
  const resetKiosk = useStore((s) => s.resetKiosk);
  const heading = useFocusHeading();
  useEffect(() => {
    const timer = setTimeout(resetKiosk, AUTO_RESET_MS);
    return () => clearTimeout(timer);
  }, [resetKiosk]);
  const first = name.split(/\s+/)[0] ?? '';
  return (
    <section className="kiosk-screen kiosk-thanks" aria-labelledby="thanks-title" data-testid="kiosk-thanks">
      <KioskProgress />
      <h2 id="thanks-title" tabIndex={-1} ref={heading}>
        Thank you{first ? `, ${first}` : ''}
      </h2>
      <p>That is the end of your tryout. Your calls are saved for the coaches; you will hear from them after the day.</p>
      <p>Please let the coach know you have finished.</p>
      <div className="actions">
        <button type="button" className="primary" onClick={resetKiosk} data-testid="kiosk-next-candidate">
          Finish and clear the screen
        </button>
      </div>
      <p className="small muted">The screen clears itself in two minutes.</p>
    </section>
  );
}
