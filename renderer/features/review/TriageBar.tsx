import { TRIAGE_KEYS, type TriageView } from './use-triage.js';

export interface TriageBarProps {
  readonly triage: Pick<TriageView, 'remaining' | 'undoable' | 'moving' | 'notice'>;
  readonly onConfirm: () => void;
  readonly onUndo: () => void;
  readonly onGo: (direction: 'next' | 'previous') => void;
}

/** Confirm the remaining automatic results, undo that, next / previous unreviewed, and the keys for them. Props only. */
export function TriageBar({ triage, onConfirm, onUndo, onGo }: TriageBarProps) {
  const { remaining, undoable, moving, notice } = triage;
  return (
    <div className="triage-bar" role="group" aria-label="Triage" data-testid="triage-bar">
      <div className="triage-actions">
        <button type="button" onClick={() => onGo('previous')} disabled={moving} data-testid="previous-unreviewed">
          ← Previous unreviewed
        </button>
        <button
          type="button"
          className={remaining > 0 ? 'primary' : undefined}
          onClick={onConfirm}
          disabled={remaining === 0}
          data-testid="confirm-remaining"
          title="Records your decision, equal to the check's, on every pass and fail you have not decided yet"
        >
          {remaining === 0 ? 'Nothing left to confirm' : `Confirm the remaining ${remaining} automatic ${remaining === 1 ? 'result' : 'results'}`}
        </button>
        {undoable > 0 && (
          <span className="triage-undo" role="status" data-testid="confirm-done">
            {undoable} confirmed at once.{' '}
            <button type="button" onClick={onUndo} data-testid="undo-confirm">
              Undo
            </button>
          </span>
        )}
        <button type="button" onClick={() => onGo('next')} disabled={moving} data-testid="next-unreviewed">
          Next unreviewed →
        </button>
      </div>
      <p className="small muted triage-keys" data-testid="triage-keys">
        Keys:{' '}
        {TRIAGE_KEYS.map(([key, what], i) => (
          <span key={key}>
            {i > 0 && ' · '}
            <kbd>{key}</kbd> {what}
          </span>
        ))}
      </p>
      {notice && (
        <p className="small" role="status" data-testid="triage-notice">
          {notice}
        </p>
      )}
    </div>
  );
}
