import { openMicrophone, type MicProcessing } from './microphone.js';
import type { RecorderMessage } from './recorder-messages.js';
import { createRecorderNode } from './recorder-node.js';

/** Coach recordings are stored as mono 16-bit PCM at this rate. */
export const LINE_SAMPLE_RATE = 16_000;

/**
 * Records one customer line from the microphone: a 16 kHz AudioContext and the call's recorder
 * worklet (the microphone on its channel 1), keeping that channel as mono 16-bit samples.
 */
export class LineRecorder {
  private chunks: Int16Array[] = [];
  private frames = 0;
  private flushed: (() => void) | null = null;

  private constructor(
    private readonly ctx: AudioContext,
    private readonly recorder: AudioWorkletNode,
    private readonly stream: MediaStream,
    private readonly maxFrames: number,
  ) {}

  /** Opens the microphone and starts recording at once; `onLevel` gets the level in dBFS. */
  static async start(deviceId: string | null, processing: MicProcessing, maxSeconds: number, onLevel: (db: number) => void): Promise<LineRecorder> {
    const stream = await openMicrophone(deviceId, processing);
    try {
      const ctx = new AudioContext({ sampleRate: LINE_SAMPLE_RATE, latencyHint: 'interactive' });
      const { merger, recorder } = await createRecorderNode(ctx);
      ctx.createMediaStreamSource(stream).connect(merger, 0, 1);
      const line = new LineRecorder(ctx, recorder, stream, Math.round(maxSeconds * LINE_SAMPLE_RATE));
      recorder.port.onmessage = (e: MessageEvent<RecorderMessage>) => line.onMessage(e.data, onLevel);
      if (ctx.state !== 'running') await ctx.resume();
      return line;
    } catch (err) {
      stream.getTracks().forEach((t) => t.stop());
      throw err;
    }
  }

  get seconds(): number {
    return this.frames / LINE_SAMPLE_RATE;
  }

  /** Stops and returns the take (mono 16-bit samples at 16 kHz). */
  async stop(): Promise<Int16Array> {
    await new Promise<void>((resolve) => {
      this.flushed = resolve;
      this.recorder.port.postMessage({ type: 'flush' });
    });
    await this.close();
    const take = new Int16Array(Math.min(this.frames, this.maxFrames));
    let at = 0;
    for (const chunk of this.chunks) {
      const n = Math.min(chunk.length, take.length - at);
      take.set(chunk.subarray(0, n), at);
      at += n;
    }
    return take;
  }

  /** Stops without keeping anything. */
  async close(): Promise<void> {
    this.recorder.port.postMessage({ type: 'stop' });
    this.stream.getTracks().forEach((t) => t.stop());
    if (this.ctx.state !== 'closed') await this.ctx.close();
  }

  private onMessage(msg: RecorderMessage, onLevel: (db: number) => void): void {
    if (msg.type === 'chunk') {
      const interleaved = new Int16Array(msg.pcm);
      const mic = new Int16Array(msg.frames);
      for (let i = 0; i < msg.frames; i++) mic[i] = interleaved[i * 2 + 1] ?? 0;
      if (this.frames < this.maxFrames) this.chunks.push(mic);
      this.frames += msg.frames;
    } else if (msg.type === 'levels') {
      const last = msg.blocks.at(-1);
      if (last) onLevel(last.db);
    } else if (msg.type === 'flushed') {
      this.flushed?.();
      this.flushed = null;
    }
  }
}
