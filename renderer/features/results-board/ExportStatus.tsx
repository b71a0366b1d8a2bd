import type { ExportState } from './use-results-board.js';

const NAMES = { csv: 'CSV', pdf: 'PDF' } as const;

/** What happened to the last export: under way, saved (where, with a link), or why not. */
export function ExportStatus({ state }: { state: ExportState }) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'busy')
    return (
      <p className="small" aria-live="polite" data-testid="board-export-progress">
        Making the {NAMES[state.format]}…
      </p>
    );
  if (state.kind === 'failed')
    return (
      <p role="alert" className="banner error" data-testid="board-export-error">
        The {NAMES[state.format]} could not be made: {state.message}
      </p>
    );
  const { file } = state;
  return (
    <p className="banner ok small" role="status" data-testid="board-export-result" data-path={file.path}>
      {NAMES[file.format]} saved{file.pages !== null ? ` (${file.pages === 1 ? '1 page' : `${file.pages} pages`})` : ''} to <code>{file.path}</code>.{' '}
      <a href={file.url} target="_blank" rel="noreferrer" download={file.fileName} data-testid="board-export-link">
        Open {file.fileName}
      </a>
    </p>
  );
}
