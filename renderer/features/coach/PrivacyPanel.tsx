import { useState, type FormEvent } from 'react';
import type { CandidateDeletion, RetentionSweep } from '../../../core/api.js';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';

type Status =
  | { readonly kind: 'idle' | 'working' }
  | { readonly kind: 'deleted'; readonly name: string; readonly result: CandidateDeletion }
  | { readonly kind: 'swept'; readonly result: RetentionSweep }
  | { readonly kind: 'error'; readonly message: string };

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A candidate's right to deletion, and the retention sweep run by hand. */
export function PrivacyPanel() {
  const [name, setName] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const setSessions = useStore((s) => s.setSessions);

  const run = async (work: () => Promise<Status>) => {
    setStatus({ kind: 'working' });
    try {
      setStatus(await work());
      setSessions(await client.listSessions({}));
    } catch (e) {
      setStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
  const onDelete = (e: FormEvent) => {
    e.preventDefault();
    const candidateName = name.trim();
    if (candidateName === '') return;
    if (!confirming) return setConfirming(true);
    setConfirming(false);
    setName('');
    void run(async () => ({ kind: 'deleted', name: candidateName, result: await client.deleteCandidateData({ candidateName }) }));
  };

  return (
    <section className="pack-panel" aria-labelledby="privacy-title" data-testid="privacy-panel">
      <h3 id="privacy-title">Candidate data</h3>
      <form onSubmit={onDelete}>
        <label className="field">
          <span>Delete everything of one candidate (every session under this name, any case)</span>
          <input
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setConfirming(false);
            }}
            maxLength={120}
            autoComplete="off"
            data-testid="privacy-candidate-name"
          />
        </label>
        {confirming && (
          <p role="alert" className="banner warn">
            This deletes the recordings, answers, reviews and reports of “{name.trim()}” for good. Press the button again to delete.
          </p>
        )}
        <div className="actions">
          <button type="submit" className="danger" disabled={name.trim() === '' || status.kind === 'working'} data-testid="privacy-delete">
            {confirming ? 'Yes, delete for good' : 'Delete this candidate’s data'}
          </button>
          <button type="button" disabled={status.kind === 'working'} onClick={() => void run(async () => ({ kind: 'swept', result: await client.runRetentionSweep({}) }))} data-testid="privacy-sweep">
            Apply the retention setting now
          </button>
        </div>
      </form>
      <p role="status" className="small" data-testid="privacy-status">
        {status.kind === 'working' && 'Working…'}
        {status.kind === 'deleted' &&
          `Deleted ${plural(status.result.removed.length, 'session', 'sessions')} of “${status.name}”${status.result.scrubbed.length > 0 ? ` and removed the name from ${plural(status.result.scrubbed.length, 'other file', 'other files')}` : ''}.`}
        {status.kind === 'swept' &&
          (status.result.retentionDays === null
            ? 'No retention period is set: sessions are kept until deleted.'
            : `Removed ${plural(status.result.removed.length, 'tryout session', 'tryout sessions')} older than ${plural(status.result.retentionDays, 'day', 'days')}; anonymous counts kept.`)}
      </p>
      {status.kind === 'error' && (
        <p role="alert" className="banner error">
          {status.message}
        </p>
      )}
    </section>
  );
}
