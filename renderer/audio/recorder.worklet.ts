/**
 * Recorder worklet: 2 input channels (0 = customer playback bus, 1 = microphone) become
 * interleaved 16-bit PCM chunks, plus 20 ms level blocks of the microphone for voice activity.
 *
 * Frame anchoring: currentFrame in the first process() calls is sometimes stale (too low),
 * so the anchor is the max over calls of (currentFrame - framesWritten); file frame =
 * context frame - anchor. Every change is reported to the main thread.
 */
import type { RecorderMessage } from './recorder-messages.js';

declare const currentFrame: number;
declare function registerProcessor(name: string, ctor: new () => AudioWorkletProcessorLike): void;
declare class AudioWorkletProcessorLike {
  readonly port: MessagePort;
  process(inputs: Float32Array[][]): boolean;
}
declare const AudioWorkletProcessor: typeof AudioWorkletProcessorLike;

const CHUNK_FRAMES = 8000;
const LEVEL_FRAMES = 320;

class RecorderProcessor extends AudioWorkletProcessor {
  private chunk = new Int16Array(CHUNK_FRAMES * 2);
  private chunkFill = 0;
  private framesWritten = 0;
  private anchor = Number.NEGATIVE_INFINITY;
  private levelSum = 0;
  private levelCount = 0;
  private levels: { frame: number; frames: number; db: number }[] = [];
  private stopped = false;

  constructor() {
    super();
    this.port.onmessage = (e: MessageEvent<{ type: string }>) => {
      if (e.data.type === 'flush') {
        this.postChunk();
        this.postLevels();
        this.send({ type: 'flushed', framesWritten: this.framesWritten });
      } else if (e.data.type === 'stop') {
        this.stopped = true;
      }
    };
  }

  override process(inputs: Float32Array[][]): boolean {
    if (this.stopped) return false;
    const input = inputs[0] ?? [];
    const left = input[0];
    const right = input[1];
    const frames = left?.length ?? 128;
    const candidate = currentFrame - this.framesWritten;
    if (candidate > this.anchor) {
      this.anchor = candidate;
      this.send({ type: 'anchor', anchor: candidate });
    }
    for (let i = 0; i < frames; i++) {
      const l = left?.[i] ?? 0;
      const r = right?.[i] ?? 0;
      this.chunk[this.chunkFill * 2] = toInt16(l);
      this.chunk[this.chunkFill * 2 + 1] = toInt16(r);
      this.chunkFill++;
      this.levelSum += r * r;
      this.levelCount++;
      if (this.levelCount === LEVEL_FRAMES) {
        const rms = Math.sqrt(this.levelSum / LEVEL_FRAMES);
        this.levels.push({ frame: this.framesWritten + i + 1 - LEVEL_FRAMES, frames: LEVEL_FRAMES, db: 20 * Math.log10(rms) });
        this.levelSum = 0;
        this.levelCount = 0;
        if (this.levels.length >= 5) this.postLevels();
      }
      if (this.chunkFill === CHUNK_FRAMES) this.postChunk();
    }
    this.framesWritten += frames;
    return true;
  }

  private postChunk(): void {
    if (this.chunkFill === 0) return;
    const pcm = this.chunk.slice(0, this.chunkFill * 2);
    this.send({ type: 'chunk', pcm: pcm.buffer, frames: this.chunkFill }, [pcm.buffer]);
    this.chunkFill = 0;
  }

  private postLevels(): void {
    if (this.levels.length === 0) return;
    this.send({ type: 'levels', blocks: this.levels });
    this.levels = [];
  }

  private send(message: RecorderMessage, transfer: Transferable[] = []): void {
    this.port.postMessage(message, transfer);
  }
}

function toInt16(x: number): number {
  const c = x < -1 ? -1 : x > 1 ? 1 : x;
  return c < 0 ? Math.round(c * 0x8000) : Math.round(c * 0x7fff);
}

registerProcessor('tryout-recorder', RecorderProcessor);
