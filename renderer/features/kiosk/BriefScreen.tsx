import { useStore } from '../../store/index.js';
import { MicCheckScreen } from '../mic-check/MicCheckScreen.js';
import { KioskProgress } from './KioskProgress.js';

/** Before each call: where the candidate is in the playlist, the call's brief, and a microphone level check. */
export function BriefScreen() {
  const index = useStore((s) => s.kiosk.index);
  const total = useStore((s) => s.tryoutDay?.tryout?.scenarioIds.length ?? 0);
  const scenarioId = useStore((s) => s.tryoutDay?.tryout?.scenarioIds[index] ?? null);
  const installed = useStore((s) => s.catalog?.scenarios.some((x) => x.id === scenarioId) ?? false);
  const patchKiosk = useStore((s) => s.patchKiosk);
  if (!installed) {
    return (
      <section className="kiosk-screen" aria-labelledby="brief-missing-title">
        <KioskProgress />
        <h2 id="brief-missing-title">This call cannot be played</h2>
        <p role="alert" className="banner error">
          The scenario “{scenarioId}” is missing on this laptop. Please tell the coach.
        </p>
      </section>
    );
  }
  return (
    <MicCheckScreen
      header={<KioskProgress />}
      title={`Call ${index + 1} of ${total}`}
      onBack={null}
      onStart={() => patchKiosk({ step: 'call' })}
      canChooseDevice={false}
      startLabel={`Start call ${index + 1}`}
    />
  );
}
