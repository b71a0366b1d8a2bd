import { ProgressChart } from './ProgressChart.js';
import { ProgressTable } from './ProgressTable.js';
import { usePracticeProgress } from './use-practice-progress.js';
import './practice.css';

/** A new hire's own practice history: which habits are improving, attempt by attempt. */
export function ProgressScreen() {
  const p = usePracticeProgress();
  const { load } = p;
  return (
    <section className="progress" aria-labelledby="progress-title" data-testid="progress-screen">
      <h2 id="progress-title">Your progress</h2>
      <div className="progress-filters">
        <label className="field">
          <span>Your name</span>
          <input data-testid="progress-name" value={p.name} onChange={(e) => p.setName(e.target.value)} autoComplete="off" maxLength={120} />
        </label>
        <label className="field">
          <span>Scenario</span>
          <select data-testid="progress-scenario" value={p.scenarioId} onChange={(e) => p.setScenarioId(e.target.value)}>
            <option value="">All scenarios</option>
            {p.scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      {load.state === 'idle' && <p className="muted">Type the name you practise under to see your attempts.</p>}
      {load.state === 'loading' && <p className="muted">Loading your attempts…</p>}
      {load.state === 'failed' && (
        <p role="alert" className="banner error">
          {load.message}
        </p>
      )}
      {load.state === 'ready' && load.progress.attempts.length === 0 && (
        <p className="muted" data-testid="progress-empty">
          No practice calls under this name yet. Take a call from Scenarios, then come back here.
        </p>
      )}
      {load.state === 'ready' && load.progress.attempts.length > 0 && (
        <>
          <p className="muted" data-testid="progress-summary">
            {load.progress.attempts.length} {load.progress.attempts.length === 1 ? 'attempt' : 'attempts'}. Each line is one checklist item: the share of your attempts so far in which it passed.
          </p>
          <ProgressChart progress={load.progress} />
          <ProgressTable progress={load.progress} />
        </>
      )}
    </section>
  );
}
