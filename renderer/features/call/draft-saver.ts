import type { TrainerClient } from '../../../core/api.js';

/** Saves typed drafts shortly after each change, so a crash keeps what was typed. */
export class DraftSaver {
  private pending = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly client: TrainerClient,
    private readonly sessionId: string,
    private readonly delayMs = 300,
  ) {}

  changed(stepId: string, text: string): void {
    this.pending.set(stepId, text);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flushAll(), this.delayMs);
  }

  async flushAll(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const [stepId, text] of [...this.pending]) {
      try {
        await this.client.saveDraft({ sessionId: this.sessionId, stepId, text });
        if (this.pending.get(stepId) === text) this.pending.delete(stepId);
      } catch {
        this.timer ??= setTimeout(() => void this.flushAll(), 1000); // retried until the back end answers
      }
    }
  }
}
