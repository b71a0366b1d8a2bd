import { useEffect, useState } from 'react';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';
import { showCandidateScreens } from './coach-session.js';

/** How often an unlocked coach mode asks whether it has locked itself (idle lock on the back end). */
const LOCK_POLL_MS = 15_000;

/** Shown above the app while a tryout day is on and coach mode is unlocked: lock again, or end the day. */
export function CoachModeBar() {
  const day = useStore((s) => s.tryoutDay);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dayOn = day?.tryout != null;

  useEffect(() => {
    if (!dayOn) return;
    const timer = setInterval(() => {
      void client.getTryoutDay({}).then((state) => {
        if (!state.coachUnlocked) showCandidateScreens(state);
      });
    }, LOCK_POLL_MS);
    return () => clearInterval(timer);
  }, [dayOn]);

  if (!day?.tryout) return null;
  const act = (work: () => Promise<void>) => () => void work().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  const lock = act(async () => showCandidateScreens(await client.lockCoach({})));
  const end = act(async () => {
    const state = await client.endTryoutDay({});
    const s = useStore.getState();
    s.resetKiosk();
    s.setTryoutDay(state);
    s.setSessions(await client.listSessions({}));
    s.setScreen('coach');
  });
  return (
    <section className="coach-mode-bar" aria-label="Coach mode" data-testid="coach-mode-bar">
      <p>
        <strong>Coach mode.</strong> Tryout day “{day.tryout.name}” is on; candidates cannot see this. It locks itself after 15 minutes without coach activity.
      </p>
      {day.notices.length > 0 && (
        <div className="banner warn" data-testid="day-notices">
          <p>
            <strong>Calls that did not end normally today</strong> (each is kept and marked recovered in the sessions list):
          </p>
          <ul>
            {day.notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p role="alert" className="banner error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={lock} data-testid="coach-lock">
          Lock: back to the candidate screens
        </button>
        <button type="button" onClick={() => useStore.getState().openResultsBoard(day.tryout?.id ?? null)} data-testid="day-results-board">
          Results board
        </button>
        {!confirmEnd ? (
          <button type="button" onClick={() => setConfirmEnd(true)} data-testid="end-tryout-day">
            End the tryout day
          </button>
        ) : (
          <>
            <span role="alert">End the day? Candidates will no longer be able to check in.</span>
            <button type="button" className="danger" onClick={end} data-testid="end-tryout-day-confirm">
              Yes, end it
            </button>
            <button type="button" onClick={() => setConfirmEnd(false)}>
              No
            </button>
          </>
        )}
      </div>
    </section>
  );
}
