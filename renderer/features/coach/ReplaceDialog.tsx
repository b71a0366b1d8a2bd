import { useEffect, useRef } from 'react';
import type { PackConflict } from './use-scenario-packs.js';

/** Asks before an imported pack replaces (or hides) an installed scenario. Escape cancels. */
export function ReplaceDialog({ conflict, onReplace, onCancel }: { conflict: PackConflict; onReplace: () => void; onCancel: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="replace-title"
        aria-describedby="replace-detail"
        data-testid="replace-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
      >
        <h3 id="replace-title">{conflict.question}</h3>
        <p id="replace-detail" className="small">
          {conflict.detail}
        </p>
        <div className="actions">
          <button type="button" ref={cancel} onClick={onCancel} data-testid="replace-cancel">
            Keep the installed one
          </button>
          <button type="button" className="danger" onClick={onReplace} data-testid="replace-confirm">
            Replace
          </button>
        </div>
      </div>
    </div>
  );
}
