import { isCustomerLineStep } from '../../../core/scenario/library.js';
import { LaptopSettings } from './LaptopSettings.js';
import { LineRow } from './LineRow.js';
import { PackPanel } from './PackPanel.js';
import { PrivacyPanel } from './PrivacyPanel.js';
import { ReplaceDialog } from './ReplaceDialog.js';
import { stepSummary } from './step-summary.js';
import { TryoutsPanel } from './TryoutsPanel.js';
import { useCoach } from './use-coach.js';

/**
 * The coach's authoring screen: record the customer's lines in your own voice, preview the
 * scenario from any step, and carry scenarios between computers as packs.
 */
export function CoachScreen() {
  const c = useCoach();
  const { scenario, origin, take } = c;
  const lines = new Map((origin?.lines ?? []).map((l) => [l.stepId, l]));
  const recordingId = take.view.phase === 'idle' ? null : take.view.stepId;
  return (
    <section className="coach" aria-labelledby="coach-title" data-testid="coach-screen">
      <h2 id="coach-title">Coach: customer lines</h2>
      {c.scenarios.length === 0 ? (
        <p className="muted">No scenarios could be loaded. Import a pack below.</p>
      ) : (
        <label className="field">
          <span>Scenario</span>
          <select value={scenario?.id ?? ''} onChange={(e) => c.choose(e.target.value)} disabled={recordingId !== null} data-testid="coach-scenario">
            {c.scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {origin && (
        <p className="small muted" data-testid="coach-origin">
          {origin.root === 'user' ? 'From your scenarios folder' : 'Shipped with Tryout'}: <code>{origin.file}</code>
          {origin.shadowsShipped ? ' (your copy, used instead of the shipped scenario with the same id)' : ''}
        </p>
      )}
      {c.error && (
        <p role="alert" className="banner error" data-testid="coach-error">
          {c.error}
        </p>
      )}
      {scenario && (
        <ol className="coach-steps" aria-label="Steps of the scenario">
          {scenario.steps.map((step) => {
            const line = isCustomerLineStep(step) ? lines.get(step.id) : undefined;
            if (!line) {
              return (
                <li key={step.id} className="coach-step" data-testid={`step-${step.id}`}>
                  <span className="coach-step-id">{step.id}</span> <span className="small muted">{stepSummary(step)}</span>{' '}
                  <button type="button" className="link-button" onClick={() => c.preview(step.id)} disabled={recordingId !== null} data-testid={`preview-${step.id}`}>
                    Preview from here
                  </button>
                </li>
              );
            }
            return (
              <LineRow
                key={step.id}
                line={line}
                take={recordingId === step.id ? take.view : null}
                busyElsewhere={recordingId !== null && recordingId !== step.id}
                playing={c.playing === step.id}
                onPlay={() => void c.playCurrent(line)}
                onStopPlaying={c.stopPlaying}
                onRecord={() => void take.record(step.id)}
                onStop={() => void take.stop()}
                onListen={() => void take.listen()}
                onKeep={() => void take.keep()}
                onRedo={take.redo}
                onDiscard={take.discard}
                onUseSynthetic={() => void c.revertToSynthetic(step.id)}
                onPreview={() => c.preview(step.id)}
              />
            );
          })}
        </ol>
      )}
      <PackPanel
        view={c.packs.view}
        scenarioTitle={scenario?.title ?? null}
        onExport={() => scenario && void c.packs.exportPack(scenario.id)}
        onImport={(file) => void c.packs.importFile(file)}
      />
      <TryoutsPanel />
      <LaptopSettings />
      <PrivacyPanel />
      {c.packs.view.conflict && (
        <ReplaceDialog conflict={c.packs.view.conflict} onReplace={() => void c.packs.confirmReplace()} onCancel={c.packs.cancelReplace} />
      )}
    </section>
  );
}
