import type { LevelBlock } from '../../core/audio/vad.js';
import { openMicrophone, type MicProcessing } from './microphone.js';
import type { RecorderMessage } from './recorder-messages.js';
import { createRecorderNode } from './recorder-node.js';
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

/** An app-made sound looping on the playback bus (hold music, typing noise). */
export interface BusLoop {
  /** Ends the sound at file frame `frame`, or at once if that moment has passed; only an earlier end replaces a scheduled one. */
  stopAt(frame: number): void;
}

/** A short fade at the end of a loop, so stopping it does not click. */
const LOOP_FADE_SECONDS = 0.005;

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
    const { merger, recorder } = await createRecorderNode(ctx);
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

  /**
   * Loops an app-made sound on the playback bus as if it had started at file frame
   * `fromFrame`. A start already past (the engine reacts on 50 ms ticks) is caught up by
   * skipping into the loop, so what plays at each frame is the same in every call.
   */
  playLoop(buffer: AudioBuffer, fromFrame: number): BusLoop {
    const sr = this.ctx.sampleRate;
    const anchor = this.anchor ?? 0;
    const from = fromFrame + anchor;
    const start = Math.max(from, Math.round((this.ctx.currentTime + 0.05) * sr));
    const src = this.ctx.createBufferSource();
    src.buffer = buffer;
    src.loop = true;
    const fade = this.ctx.createGain();
    src.connect(fade).connect(this.bus);
    src.start(start / sr, ((start - from) % buffer.length) / sr);
    src.onended = () => fade.disconnect();
    let end = Number.POSITIVE_INFINITY;
    return {
      stopAt: (frame) => {
        const at = Math.max(frame + anchor, Math.round(this.ctx.currentTime * sr), start);
        if (at >= end) return;
        end = at;
        const fadeFrom = Math.max(start, Math.round(this.ctx.currentTime * sr), at - Math.round(LOOP_FADE_SECONDS * sr));
        fade.gain.cancelScheduledValues(0);
        fade.gain.setValueAtTime(1, fadeFrom / sr);
        fade.gain.linearRampToValueAtTime(0, at / sr);
        src.stop(at / sr);
      },
    };
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
