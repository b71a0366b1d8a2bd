import { SessionDetailView } from './SessionDetailView.js';
import { formatDate, formatDuration } from './format.js';
import { useSessions } from './use-sessions.js';

export function SessionsScreen() {
  const s = useSessions();
  return (
    <section className="sessions" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Saved sessions</h2>
      {s.error && <p role="alert" className="banner error">{s.error}</p>}
      {s.sessions.length === 0 ? (
        <p className="muted">No sessions yet. Take a call and it will be listed here.</p>
      ) : (
        <table className="session-table" data-testid="sessions-table">
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">Scenario</th>
              <th scope="col">Date</th>
              <th scope="col">Duration</th>
              <th scope="col">State</th>
              <th scope="col"><span className="visually-hidden">Open</span></th>
            </tr>
          </thead>
          <tbody>
            {s.sessions.map((m) => (
              <tr key={m.id} data-testid={`session-row-${m.id}`} data-status={m.status} className={s.openId === m.id ? 'selected' : ''}>
                <td>{m.candidate.name}</td>
                <td>{s.titleOf(m.scenarioId) ?? m.scenarioTitle}</td>
                <td>{formatDate(m.createdAt)}</td>
                <td>{formatDuration(m.durationFrames / m.sampleRate)}</td>
                <td>
                  <span className={`status status-${m.status}`}>{m.status === 'recording' ? 'in progress' : m.status}</span>
                </td>
                <td>
                  <button type="button" onClick={() => s.open(s.openId === m.id ? null : m.id)} aria-expanded={s.openId === m.id}>
                    {s.openId === m.id ? 'Close' : 'Open'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {s.openId && s.detail && <SessionDetailView detail={s.detail} recordingUrl={s.recordingUrl(s.openId)} />}
    </section>
  );
}
