import { useStore } from '../../store/index.js';

/** "Call 2 of 3" and the playlist, the current call marked (no scores: candidates see none). */
export function KioskProgress() {
  const ids = useStore((s) => s.tryoutDay?.tryout?.scenarioIds ?? []);
  const index = useStore((s) => s.kiosk.index);
  const step = useStore((s) => s.kiosk.step);
  const scenarios = useStore((s) => s.catalog?.scenarios ?? []);
  const titleOf = (id: string) => scenarios.find((x) => x.id === id)?.title ?? id;
  const finished = step === 'thanks' ? ids.length : index;
  return (
    <nav className="kiosk-progress" aria-label="Your progress through the tryout" data-testid="kiosk-progress">
      <p className="kiosk-progress-count">
        {step === 'thanks' ? `All ${ids.length} calls done` : `Call ${index + 1} of ${ids.length}`}
      </p>
      <ol>
        {ids.map((id, i) => (
          <li key={id} className={i < finished ? 'done' : i === index && step !== 'thanks' ? 'current' : ''} aria-current={i === index && step !== 'thanks' ? 'step' : undefined}>
            <span className="kiosk-progress-title">{titleOf(id)}</span>
            {i < finished && <span className="visually-hidden"> (done)</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
