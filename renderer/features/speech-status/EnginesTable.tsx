import type { EngineChoice, SpeechEngineStatus, SpeechStatus } from '../../../core/speech/engine-status.js';

/** Megabytes (10^6 bytes) with one decimal, as people read a download size. */
export function megabytes(bytes: number): string {
  return bytes > 0 ? `${(bytes / 1_000_000).toFixed(1)} MB` : '—';
}

function ChoiceLine({ job, choice, engines, testId }: { job: string; choice: EngineChoice; engines: readonly SpeechEngineStatus[]; testId: string }) {
  const label = engines.find((e) => e.id === choice.engine)?.label;
  return (
    <div className="speech-choice" data-testid={testId} data-engine={choice.engine ?? 'none'}>
      <dt>{job}</dt>
      <dd>
        <strong>{label ?? 'None'}</strong>: {choice.reason}.
      </dd>
    </div>
  );
}

/** The engines of this machine, and which one does what and why. */
export function EnginesTable({ status }: { status: SpeechStatus }) {
  return (
    <>
      <dl className="speech-choices">
        <ChoiceLine job="Transcripts for the coach" choice={status.transcripts} engines={status.engines} testId="speech-transcripts" />
        <ChoiceLine job="Branches during the call" choice={status.branching} engines={status.engines} testId="speech-branching" />
      </dl>
      <table className="session-table speech-engines" data-testid="speech-engines">
        <caption className="visually-hidden">Speech engines on this computer</caption>
        <thead>
          <tr>
            <th scope="col">Engine</th>
            <th scope="col">Installed</th>
            <th scope="col">Version</th>
            <th scope="col">Model</th>
            <th scope="col" className="num">
              Size
            </th>
          </tr>
        </thead>
        <tbody>
          {status.engines.map((e) => (
            <tr key={e.id} data-testid={`engine-${e.id}`} data-installed={e.installed}>
              <th scope="row">
                {e.label}
                <div className="small muted speech-detail">{e.detail}</div>
              </th>
              <td>
                <span className={e.installed ? 'speech-yes' : 'speech-no'}>{e.installed ? 'Yes' : 'No'}</span>
              </td>
              <td>{e.version ?? '—'}</td>
              <td className="speech-model">{e.model ?? '—'}</td>
              <td className="num" title={e.modelFiles.join('\n')}>
                {megabytes(e.modelBytes)}
                {e.modelFiles.length > 0 && <div className="small muted">{e.modelFiles.length === 1 ? '1 file' : `${e.modelFiles.length} files`}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
