import { ChecklistCard } from './ChecklistCard.js';
import { checklistTitle } from './format.js';
import { ItemChangesPanel } from './ItemChangesPanel.js';
import { usePracticeProgress } from './use-practice-progress.js';
import './practice.css';

/** A new hire's own practice history: a score per checklist per attempt, the best ones, and what changed. */
export function ProgressScreen() {
  const p = usePracticeProgress();
  const { load } = p;
  const total = p.scenarios.reduce((n, s) => n + s.attempts, 0);
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
            <option value="">All scenarios{total > 0 ? ` (${total} calls)` : ''}</option>
            {p.scenarios.map((s) => (
              <option key={s.scenarioId} value={s.scenarioId}>
                {s.scenarioTitle} ({s.attempts} {s.attempts === 1 ? 'call' : 'calls'})
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
            {load.progress.attempts.length} {load.progress.attempts.length === 1 ? 'call' : 'calls'}. Each chart is one checklist: your score in each call (items passed
            out of those decided); the star is your personal best.
          </p>
          <ItemChangesPanel changes={load.progress.changes} checklists={p.checklists} />
          <h3 className="progress-charts-title">Score per checklist</h3>
          <div className="checklist-cards">
            {load.progress.checklists.map((trend) => (
              <ChecklistCard key={trend.checklist} trend={trend} title={checklistTitle(trend.checklist, p.checklists)} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
