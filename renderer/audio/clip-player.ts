/**
 * Plays one sound at a time for the coach screen: a clip URL from the back end, or a take just
 * recorded (mono 16-bit samples). Starting another sound stops the one playing.
 */
export class ClipPlayer {
  private ctx: AudioContext | null = null;
  private current: { source: AudioBufferSourceNode; done: () => void } | null = null;

  private context(): AudioContext {
    this.ctx ??= new AudioContext();
    return this.ctx;
  }

  /** Resolves when the clip has played to its end or was stopped. */
  async playUrl(url: string): Promise<void> {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`the clip could not be loaded (${response.status})`);
    const ctx = this.context();
    return this.play(await ctx.decodeAudioData(await response.arrayBuffer()));
  }

  playSamples(samples: Int16Array, sampleRate: number): Promise<void> {
    const ctx = this.context();
    const buffer = ctx.createBuffer(1, Math.max(1, samples.length), sampleRate);
    const channel = buffer.getChannelData(0);
    for (let i = 0; i < samples.length; i++) channel[i] = (samples[i] ?? 0) / 32768;
    return this.play(buffer);
  }

  stop(): void {
    const current = this.current;
    this.current = null;
    if (!current) return;
    current.source.onended = null;
    current.source.stop();
    current.done();
  }

  async close(): Promise<void> {
    this.stop();
    await this.ctx?.close().catch(() => undefined);
    this.ctx = null;
  }

  private async play(buffer: AudioBuffer): Promise<void> {
    this.stop();
    const ctx = this.context();
    if (ctx.state !== 'running') await ctx.resume();
    return new Promise((resolve) => {
      const source = ctx.createBufferSource();
      source.buffer = buffer;
      source.connect(ctx.destination);
      const done = () => resolve();
      this.current = { source, done };
      source.onended = () => {
        if (this.current?.source === source) this.current = null;
        done();
      };
      source.start();
    });
  }
}
