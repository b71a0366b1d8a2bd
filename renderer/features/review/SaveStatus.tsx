import type { SaveState } from './review-saver.js';

/** "Saved" / "Saving…" / the error, announced politely to screen readers. */
export function SaveStatus({ state, missingReasons }: { state: SaveState; missingReasons: number }) {
  const text =
    state.kind === 'error'
      ? `Not saved: ${state.message}`
      : state.kind === 'saving'
        ? 'Saving…'
        : state.kind === 'unsaved'
          ? 'Unsaved changes…'
          : 'Saved';
  return (
    <p className={`save-status save-${state.kind}`} role="status" aria-live="polite" data-testid="save-status" data-state={state.kind}>
      {text}
      {missingReasons > 0 && <span className="muted"> · {missingReasons === 1 ? 'one override waits' : `${missingReasons} overrides wait`} for a reason</span>}
    </p>
  );
}
