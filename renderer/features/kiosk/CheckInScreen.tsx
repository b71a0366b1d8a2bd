import { useState, type FormEvent } from 'react';
import { useStore } from '../../store/index.js';
import { useFocusHeading } from './use-focus-heading.js';

/** The first screen a candidate sees: their name and, if the coach gave them one, their candidate number. */
export function CheckInScreen() {
  const tryout = useStore((s) => s.tryoutDay?.tryout);
  const patchKiosk = useStore((s) => s.patchKiosk);
  const [name, setName] = useState('');
  const [candidateId, setCandidateId] = useState('');
  const heading = useFocusHeading();
  const calls = tryout?.scenarioIds.length ?? 0;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return;
    const id = candidateId.trim();
    patchKiosk({ candidate: { name: name.trim(), ...(id ? { candidateId: id } : {}) }, step: 'consent' });
  };
  return (
    <form className="kiosk-screen" onSubmit={onSubmit} aria-labelledby="checkin-title" data-testid="checkin-screen" autoComplete="off">
      <h2 id="checkin-title" tabIndex={-1} ref={heading}>
        Welcome to your tryout
      </h2>
      <p>
        You will take {calls === 1 ? '1 practice call' : `${calls} practice calls`} with a pretend customer. Captions show everything the customer says. Take your time.
      </p>
      <label className="field">
        <span>Your name</span>
        <input data-testid="checkin-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required autoComplete="off" spellCheck={false} />
      </label>
      <label className="field">
        <span>Candidate number (if you were given one)</span>
        <input data-testid="checkin-id" value={candidateId} onChange={(e) => setCandidateId(e.target.value)} maxLength={64} autoComplete="off" spellCheck={false} />
      </label>
      <div className="actions">
        <button type="submit" className="primary" data-testid="checkin-continue" disabled={name.trim() === ''}>
          Continue
        </button>
      </div>
    </form>
  );
}
