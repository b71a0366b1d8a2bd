import type { TrainerClient } from '../../../core/api.js';
import { TryoutError } from '../../../core/errors.js';

/**
 * Sends audio chunks to the back end strictly in order, one at a time. A failed send is
 * retried with backoff and nothing is dropped: chunks wait in memory until the back end
 * takes them (the back end ignores a repeated sequence number).
 */
export class ChunkUploader {
  private queue: Uint8Array<ArrayBuffer>[] = [];
  private seq = 0;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly client: TrainerClient,
    private readonly sessionId: string,
    private readonly onBacklog: (pending: number, error: string | null) => void,
    /** The back end can no longer write the recording (disk full, folder removed): sending stops. */
    private readonly onStorageFailed: (error: TryoutError) => void = () => undefined,
  ) {}

  push(pcm: Uint8Array<ArrayBuffer>): void {
    this.queue.push(pcm);
    this.onBacklog(this.queue.length, null);
    this.running ??= this.pump().finally(() => (this.running = null));
  }

  /** Resolves when every chunk pushed so far is on disk. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  stop(): void {
    this.stopped = true;
  }

  private async pump(): Promise<void> {
    let delay = 250;
    for (let pcm = this.queue[0]; pcm && !this.stopped; pcm = this.queue[0]) {
      try {
        await this.client.appendAudio({ sessionId: this.sessionId, seq: this.seq, pcm });
        this.queue.shift();
        this.seq++;
        delay = 250;
        this.onBacklog(this.queue.length, null);
      } catch (err) {
        if (err instanceof TryoutError && err.code === 'storage-failed') {
          this.stopped = true;
          this.onStorageFailed(err);
          return;
        }
        // A refused chunk (bad input) will never succeed: surface it; otherwise keep retrying.
        if (err instanceof TryoutError && err.code !== 'internal') throw err;
        this.onBacklog(this.queue.length, 'Saving is delayed: the back end is not answering. Your answers are kept and will be saved.');
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 2000);
      }
    }
  }
}
