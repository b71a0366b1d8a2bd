import type { BundleView } from './use-bundles.js';

/** Progress, result (with a download link) or error of a bundle export or import. */
export function BundleStatus({ view }: { view: BundleView }) {
  return (
    <>
      {view.busy && (
        <p className="pack-progress" aria-live="polite" data-testid="bundle-progress">
          <progress aria-label={view.busy === 'export' ? 'Exporting' : 'Importing'} /> {view.status}
        </p>
      )}
      {!view.busy && view.status && (
        <p className="small" aria-live="polite" data-testid="bundle-status">
          {view.status}
        </p>
      )}
      {view.exported && (
        <p className="small" data-testid="bundle-result">
          Saved to <code>{view.exported.path}</code>.{' '}
          <a href={view.exported.url} download={view.exported.fileName} data-testid="bundle-download">
            Download {view.exported.fileName}
          </a>
        </p>
      )}
      {view.error && (
        <p role="alert" className="banner error pre-line" data-testid="bundle-error">
          {view.error}
        </p>
      )}
    </>
  );
}
