import './call.css';
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

export interface HangUpDialogProps {
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  /** Where focus goes back when the candidate keeps the call (the Hang up button). */
  readonly returnFocusTo: RefObject<HTMLButtonElement | null>;
}

/**
 * Asks once before a tryout call ends for good. A modal <dialog>: focus moves to "End the call"
 * (Enter confirms), Escape or "Keep the call" cancels and puts focus back on Hang up; the rest
 * of the page is inert meanwhile.
 */
export function HangUpDialog({ onConfirm, onCancel, returnFocusTo }: HangUpDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (!el.open) el.showModal();
    confirm.current?.focus();
    return () => {
      if (el.open) el.close();
    };
  }, []);

  const cancel = () => {
    // Closed first: while the modal is open the Hang up button is inert and cannot take focus.
    dialog.current?.close();
    returnFocusTo.current?.focus();
    onCancel();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    // A held-down Enter (the one that opened this dialog, repeating) must not end the call too.
    if (e.key === 'Enter' && e.repeat) e.preventDefault();
    // Tab goes round the two buttons: a native modal would let it leave for the browser's own controls.
    if (e.key === 'Tab') {
      const buttons = [...(dialog.current?.querySelectorAll('button') ?? [])];
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
      const next = buttons[(at + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length];
      e.preventDefault();
      next?.focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog hang-up-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="hang-up-title"
      aria-describedby="hang-up-detail"
      data-testid="hang-up-dialog"
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        // Escape: keep the call (React owns closing the dialog).
        e.preventDefault();
        cancel();
      }}
    >
      <h3 id="hang-up-title">End the call?</h3>
      <p id="hang-up-detail">You cannot go back to this call once it has ended.</p>
      <div className="actions">
        <button type="button" onClick={cancel} data-testid="hang-up-cancel">
          Keep the call
        </button>
        <button type="button" ref={confirm} className="danger" onClick={onConfirm} data-testid="hang-up-confirm">
          End the call
        </button>
      </div>
    </dialog>
  );
}
