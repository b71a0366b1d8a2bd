import type { ChangeEvent } from 'react';
import type { PackView } from './use-scenario-packs.js';

export interface PackPanelProps {
  readonly view: PackView;
  readonly scenarioTitle: string | null;
  readonly onExport: () => void;
  readonly onImport: (file: File) => void;
}

/** Export the shown scenario as one pack file; import a pack made elsewhere. */
export function PackPanel({ view, scenarioTitle, onExport, onImport }: PackPanelProps) {
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) onImport(file);
  };
  return (
    <section className="pack-panel" aria-labelledby="packs-title">
      <h3 id="packs-title">Scenario packs</h3>
      <p className="small muted">A pack is one file holding a scenario with its clips and coach recordings, to carry it to another computer.</p>
      <div className="actions">
        <button type="button" onClick={onExport} disabled={view.busy !== null || scenarioTitle === null} data-testid="export-pack">
          Export {scenarioTitle ? `“${scenarioTitle}”` : 'pack'}
        </button>
        <label className={view.busy !== null ? 'file-button disabled' : 'file-button'}>
          Import a pack…
          <input type="file" accept=".zip,application/zip" onChange={onFile} disabled={view.busy !== null} data-testid="import-pack" />
        </label>
      </div>
      {view.busy && (
        <p className="pack-progress" aria-live="polite" data-testid="pack-progress">
          <progress aria-label={view.busy === 'export' ? 'Exporting' : 'Importing'} /> {view.status}
        </p>
      )}
      {!view.busy && view.status && (
        <p className="small" aria-live="polite" data-testid="pack-status">
          {view.status}
        </p>
      )}
      {view.exported && (
        <p className="small" data-testid="export-result">
          Saved to <code>{view.exported.path}</code>.{' '}
          <a href={view.exported.url} download={view.exported.fileName} data-testid="export-download">
            Download {view.exported.fileName}
          </a>
        </p>
      )}
      {view.error && (
        <p role="alert" className="banner error pre-line" data-testid="pack-error">
          {view.error}
        </p>
      )}
    </section>
  );
}
