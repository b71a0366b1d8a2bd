import type { FormEvent } from 'react';
import { ProblemList } from '../../components/ProblemList.js';
import { useHome } from './use-home.js';

export function HomeScreen() {
  const h = useHome();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    h.proceed();
  };
  return (
    <form className="home" onSubmit={onSubmit} aria-labelledby="home-title">
      <h2 id="home-title">Take a call</h2>
      <label className="field">
        <span>Your name</span>
        <input data-testid="candidate-name" value={h.candidateName} onChange={(e) => h.setCandidateName(e.target.value)} autoComplete="off" maxLength={120} required />
      </label>
      <fieldset className="scenario-list">
        <legend>Choose a scenario</legend>
        {h.scenarios.length === 0 && <p className="muted">No scenarios could be loaded.</p>}
        {h.scenarios.map((s) => (
          <label key={s.id} className={h.selectedId === s.id ? 'scenario-card selected' : 'scenario-card'} data-testid={`scenario-${s.id}`}>
            <input type="radio" name="scenario" value={s.id} checked={h.selectedId === s.id} onChange={() => h.select(s.id)} />
            <span className="scenario-title">{s.title}</span>
            <span className="scenario-brief">{s.brief}</span>
            <span className="chips">
              {s.checklists.map((c) => (
                <span key={c} className="chip">
                  {c}
                </span>
              ))}
            </span>
          </label>
        ))}
      </fieldset>
      {h.problems.length > 0 && <ProblemList problems={h.problems} />}
      <div className="actions">
        <button type="submit" className="primary" data-testid="continue" disabled={!h.canProceed}>
          Continue to microphone check
        </button>
      </div>
    </form>
  );
}
