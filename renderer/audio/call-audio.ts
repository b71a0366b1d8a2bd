import type { LevelBlock } from '../../core/audio/vad.js';
import { openMicrophone, type MicProcessing } from './microphone.js';
import type { RecorderMessage } from './recorder-messages.js';
import workletUrl from './recorder.worklet.ts?worker&url';
import { installVirtualMic, virtualMicRequested } from './virtual-mic.js';

export const CALL_SAMPLE_RATE = 16_000;

export type MicChoice =
  | { readonly kind: 'device'; readonly deviceId: string | null; readonly processing: MicProcessing }
  | { readonly kind: 'none' };

export interface CallAudioHandlers {
  onChunk(pcm: Uint8Array<ArrayBuffer>): void;
  onLevels(blocks: readonly LevelBlock[]): void;
}

export interface ScheduledLine {
  readonly startFrame: number;
  readonly endFrame: number;
  readonly stop: () => void;
}

/**
 * One AudioContext for the whole call: it plays the customer's clips (the playback bus) and
 * records the bus and the microphone as two channels through the recorder worklet, so
 * every event and both channels share one clock.
 */
export class CallAudio {
  private anchor: number | null = null;
  private flushWaiters: ((frames: number) => void)[] = [];
  private stream: MediaStream | null = null;

  private constructor(
    readonly ctx: AudioContext,
    private readonly bus: GainNode,
    private readonly recorder: AudioWorkletNode,
  ) {}

  static async open(mic: MicChoice, handlers: CallAudioHandlers): Promise<CallAudio> {
    // Open the microphone first: if permission is refused, no context is left running.
    const stream = mic.kind === 'device' && !virtualMicRequested() ? await openMicrophone(mic.deviceId, mic.processing) : null;
    const ctx = new AudioContext({ sampleRate: CALL_SAMPLE_RATE, latencyHint: 'interactive' });
    await ctx.audioWorklet.addModule(workletUrl);
    const merger = ctx.createChannelMerger(2);
    const recorder = new AudioWorkletNode(ctx, 'tryout-recorder', {
      numberOfInputs: 1,
      numberOfOutputs: 0,
      channelCount: 2,
      channelCountMode: 'explicit',
      channelInterpretation: 'discrete',
    });
    merger.connect(recorder);
    const bus = ctx.createGain();
    bus.connect(ctx.destination);
    bus.connect(merger, 0, 0);
    const audio = new CallAudio(ctx, bus, recorder);
    audio.stream = stream;
    if (stream) ctx.createMediaStreamSource(stream).connect(merger, 0, 1);
    if (virtualMicRequested()) {
      const input = ctx.createGain();
      input.connect(merger, 0, 1);
      installVirtualMic(ctx, input, (f) => audio.toFileFrame(f));
    }
    recorder.port.onmessage = (e: MessageEvent<RecorderMessage>) => audio.onMessage(e.data, handlers);
    if (ctx.state !== 'running') await ctx.resume();
    await audio.settle();
    return audio;
  }

  get sampleRate(): number {
    return this.ctx.sampleRate;
  }

  /** The file frame being played/recorded now. */
  nowFrame(): number {
    return this.toFileFrame(Math.round(this.ctx.currentTime * this.ctx.sampleRate));
  }

  toFileFrame(contextFrame: number): number {
    return Math.max(0, contextFrame - (this.anchor ?? 0));
  }

  async loadClip(url: string): Promise<AudioBuffer | null> {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) return null;
    return this.ctx.decodeAudioData(await response.arrayBuffer());
  }

  /** Schedules a customer line on the playback bus a moment ahead; its frames are exact. */
  playLine(buffer: AudioBuffer): ScheduledLine {
    const src = this.ctx.createBufferSource();
    src.buffer = buffer;
    src.connect(this.bus);
    const startContextFrame = Math.round((this.ctx.currentTime + 0.05) * this.ctx.sampleRate);
    src.start(startContextFrame / this.ctx.sampleRate);
    const startFrame = this.toFileFrame(startContextFrame);
    return { startFrame, endFrame: startFrame + buffer.length, stop: () => src.stop() };
  }

  /** Sends the partly filled chunk and resolves with the frames recorded so far. */
  flush(): Promise<number> {
    return new Promise((resolve) => {
      this.flushWaiters.push(resolve);
      this.recorder.port.postMessage({ type: 'flush' });
    });
  }

  async close(): Promise<void> {
    this.recorder.port.postMessage({ type: 'stop' });
    this.stream?.getTracks().forEach((t) => t.stop());
    await this.ctx.close();
    delete window.__tryoutVirtualMic;
  }

  private onMessage(msg: RecorderMessage, handlers: CallAudioHandlers): void {
    if (msg.type === 'anchor') this.anchor = msg.anchor;
    else if (msg.type === 'chunk') handlers.onChunk(new Uint8Array(msg.pcm));
    else if (msg.type === 'levels') handlers.onLevels(msg.blocks);
    else this.flushWaiters.splice(0).forEach((w) => w(msg.framesWritten));
  }

  /** Waits until the worklet has run long enough for its frame anchor to be trusted. */
  private async settle(): Promise<void> {
    const deadline = performance.now() + 2000;
    while ((this.anchor === null || this.ctx.currentTime < 0.3) && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}
