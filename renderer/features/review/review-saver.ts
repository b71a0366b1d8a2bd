import type { ReviewContent } from '../../../core/review/schema.js';

/** What the coach sees next to the review: is everything on disk? */
export type SaveState =
  | { readonly kind: 'saved' }
  | { readonly kind: 'unsaved' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'error'; readonly message: string };

/**
 * Saves a review as the coach goes: a change is written `delayMs` after the last one (so
 * typing a note is one write, not forty), `flush()` writes at once (on blur, on leaving).
 * One write at a time, always of the newest content; a failed write is retried on the next
 * change or flush, and its error shown until then.
 */
export class ReviewSaver {
  private latest: ReviewContent | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly write: (content: ReviewContent) => Promise<unknown>,
    private readonly onState: (state: SaveState) => void,
    private readonly delayMs = 500,
  ) {}

  change(content: ReviewContent): void {
    this.latest = content;
    this.onState({ kind: 'unsaved' });
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Writes whatever is not yet written; resolves when it is on disk (or failed). */
  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    while (this.inFlight) await this.inFlight;
    const content = this.latest;
    if (content === null) return;
    this.latest = null;
    this.onState({ kind: 'saving' });
    let failed = false;
    this.inFlight = this.write(content).then(
      () => {
        this.inFlight = null;
        this.onState(this.latest === null ? { kind: 'saved' } : { kind: 'unsaved' });
      },
      (err: unknown) => {
        this.inFlight = null;
        // Keep it to write again, unless something newer came in meanwhile.
        this.latest ??= content;
        failed = true;
        this.onState({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
    await this.inFlight;
    // Changes made while writing are written next; a failure waits for the next change or flush.
    if (!failed && this.latest !== null && this.timer === null) await this.flush();
  }

  get pending(): boolean {
    return this.latest !== null || this.inFlight !== null;
  }
}
