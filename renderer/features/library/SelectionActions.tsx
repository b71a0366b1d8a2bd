import type { ChangeEvent } from 'react';
import { MAX_COMPARED_SESSIONS } from '../../../core/review/compare.js';
import type { BundleView } from './use-bundles.js';

export interface SelectionActionsProps {
  readonly count: number;
  /** The one candidate of the picked sessions, or null when they are of several (or none). */
  readonly candidate: string | null;
  readonly bundle: BundleView;
  readonly reportBusy: boolean;
  readonly onCompare: () => void;
  readonly onExport: () => void;
  readonly onImport: (file: File) => void;
  readonly onSessionReport: () => void;
  readonly onCandidateReport: () => void;
  readonly onClear: () => void;
}

/** What can be done with the picked sessions, and importing a bundle. Props only. */
export function SelectionActions(p: SelectionActionsProps) {
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) p.onImport(file);
  };
  const none = p.count === 0;
  return (
    <div className="selection-actions" role="toolbar" aria-label="Picked sessions">
      <span className="muted small" aria-live="polite" data-testid="selected-count">
        {none ? 'Tick sessions to compare, export or report on them.' : `${p.count} picked`}
      </span>
      <button
        type="button"
        onClick={p.onCompare}
        disabled={p.count < 2 || p.count > MAX_COMPARED_SESSIONS}
        data-testid="compare-sessions"
        title={p.count < 2 ? 'Pick two or more sessions' : p.count > MAX_COMPARED_SESSIONS ? `At most ${MAX_COMPARED_SESSIONS} sessions side by side` : undefined}
      >
        Compare side by side
      </button>
      <button type="button" onClick={p.onSessionReport} disabled={p.count !== 1 || p.reportBusy} data-testid="selected-session-report">
        Session PDF
      </button>
      <button type="button" onClick={p.onCandidateReport} disabled={p.candidate === null || p.reportBusy} data-testid="candidate-report">
        {p.candidate ? `PDF of all ${p.candidate}’s sessions` : 'Candidate PDF'}
      </button>
      <button type="button" onClick={p.onExport} disabled={none || p.bundle.busy !== null} data-testid="export-bundle">
        Export bundle
      </button>
      <label className={p.bundle.busy !== null ? 'file-button disabled' : 'file-button'}>
        Import bundle…
        <input type="file" accept=".tryout" onChange={onFile} disabled={p.bundle.busy !== null} data-testid="import-bundle" />
      </label>
      {!none && (
        <button type="button" className="link-button" onClick={p.onClear}>
          Untick all
        </button>
      )}
    </div>
  );
}
