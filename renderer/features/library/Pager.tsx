/** "21–40 of 312" with previous/next. Props only. */
export function Pager({ offset, shown, total, pageSize, onGo }: { offset: number; shown: number; total: number; pageSize: number; onGo: (offset: number) => void }) {
  return (
    <nav className="pager" aria-label="Pages of sessions">
      <button type="button" onClick={() => onGo(offset - pageSize)} disabled={offset === 0} data-testid="page-previous">
        ← Previous
      </button>
      <span aria-live="polite" data-testid="page-range">
        {total === 0 ? 'No sessions' : `${offset + 1}–${offset + shown} of ${total}`}
      </span>
      <button type="button" onClick={() => onGo(offset + pageSize)} disabled={offset + shown >= total} data-testid="page-next">
        Next →
      </button>
    </nav>
  );
}
