import type { ReportView } from './use-report.js';

/** The state of a PDF being made, then a link to open it. */
export function ReportLink({ view }: { view: ReportView }) {
  if (view.busy) return <p className="small" aria-live="polite" data-testid="report-progress"><progress aria-label="Making the report" /> Making the PDF…</p>;
  if (view.error) return <p role="alert" className="banner error" data-testid="report-error">{view.error}</p>;
  if (!view.made) return null;
  return (
    <p className="small" aria-live="polite" data-testid="report-result">
      {view.made.pages === 1 ? '1 page' : `${view.made.pages} pages`}, saved to <code>{view.made.path}</code>.{' '}
      <a href={view.made.url} target="_blank" rel="noreferrer" download={view.made.fileName} data-testid="report-link">
        Open {view.made.fileName}
      </a>
    </p>
  );
}
