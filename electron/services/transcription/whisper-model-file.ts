import { open, type FileHandle } from 'node:fs/promises';

/**
 * Checks a whisper.cpp ggml model file without loading it: the magic number, the hyper-parameters,
 * then every tensor header, skipping the weights. whisper.cpp itself accepts a file cut short after
 * its header as an "empty model for testing" and then fails silently, so a half-downloaded model
 * must be caught here, with a message a person can act on.
 * The layout follows whisper_model_load in whisper.cpp (src/whisper.cpp).
 */

export const GGML_MAGIC = 0x67676d6c; // "ggml"

export interface WhisperHparams {
  readonly nVocab: number;
  readonly nAudioCtx: number;
  readonly nAudioState: number;
  readonly nAudioHead: number;
  readonly nAudioLayer: number;
  readonly nTextCtx: number;
  readonly nTextState: number;
  readonly nTextHead: number;
  readonly nTextLayer: number;
  readonly nMels: number;
  readonly ftype: number;
}

export type ModelFileCheck = { readonly ok: true; readonly hparams: WhisperHparams; readonly tensors: number } | { readonly ok: false; readonly reason: string };

/** Bytes per block and values per block of the ggml tensor types whisper models use. */
const TYPE_SIZES: Readonly<Record<number, readonly [bytes: number, values: number]>> = {
  0: [4, 1], // F32
  1: [2, 1], // F16
  2: [18, 32], // Q4_0
  3: [20, 32], // Q4_1
  6: [22, 32], // Q5_0
  7: [24, 32], // Q5_1
  8: [34, 32], // Q8_0
  30: [2, 1], // BF16
};

/** Tensors a complete model holds: encoder (7 + 15 per layer) and decoder (4 + 24 per layer). */
export function expectedTensorCount(h: Pick<WhisperHparams, 'nAudioLayer' | 'nTextLayer'>): number {
  return 11 + 15 * h.nAudioLayer + 24 * h.nTextLayer;
}

class Truncated extends Error {}

/** Sequential reads over a file handle with a 64 KiB buffer, and skips without reading. */
class Reader {
  private buf = Buffer.alloc(0);
  private bufStart = 0;
  pos = 0;
  constructor(
    private readonly file: FileHandle,
    readonly size: number,
  ) {}

  async bytes(n: number): Promise<Buffer> {
    if (this.pos + n > this.size) throw new Truncated();
    const offset = this.pos - this.bufStart;
    if (offset < 0 || offset + n > this.buf.length) {
      this.buf = Buffer.alloc(Math.max(n, 65_536));
      const { bytesRead } = await this.file.read(this.buf, 0, this.buf.length, this.pos);
      this.buf = this.buf.subarray(0, bytesRead);
      this.bufStart = this.pos;
    }
    const start = this.pos - this.bufStart;
    this.pos += n;
    return this.buf.subarray(start, start + n);
  }

  async int32(): Promise<number> {
    return (await this.bytes(4)).readInt32LE(0);
  }

  skip(n: number): void {
    if (this.pos + n > this.size) throw new Truncated();
    this.pos += n;
  }
}

export async function checkWhisperModelFile(path: string): Promise<ModelFileCheck> {
  const file = await open(path, 'r');
  try {
    const r = new Reader(file, (await file.stat()).size);
    if ((await r.int32()) >>> 0 !== GGML_MAGIC) return { ok: false, reason: 'it is not a whisper.cpp ggml model (wrong magic number)' };
    const header: number[] = [];
    for (let i = 0; i < 11; i++) header.push(await r.int32());
    const [nVocab = 0, nAudioCtx = 0, nAudioState = 0, nAudioHead = 0, nAudioLayer = 0, nTextCtx = 0, nTextState = 0, nTextHead = 0, nTextLayer = 0, nMels = 0, ftype = 0] = header;
    const hparams: WhisperHparams = { nVocab, nAudioCtx, nAudioState, nAudioHead, nAudioLayer, nTextCtx, nTextState, nTextHead, nTextLayer, nMels, ftype };
    const sane = [nVocab, nAudioCtx, nAudioState, nAudioHead, nAudioLayer, nTextCtx, nTextState, nTextHead, nTextLayer, nMels].every((v) => v > 0 && v < 1_000_000);
    if (!sane || nAudioState !== nTextState) return { ok: false, reason: 'its header is not that of a whisper model' };
    const filterMels = await r.int32();
    const filterFft = await r.int32();
    if (filterMels <= 0 || filterFft <= 0) return { ok: false, reason: 'its mel filters are damaged' };
    r.skip(filterMels * filterFft * 4);
    const vocabWords = await r.int32();
    if (vocabWords < 0 || vocabWords > nVocab) return { ok: false, reason: 'its vocabulary is damaged' };
    for (let i = 0; i < vocabWords; i++) r.skip(await r.int32());
    let tensors = 0;
    while (r.pos < r.size) {
      const nDims = await r.int32();
      const nameLength = await r.int32();
      const type = await r.int32();
      const size = TYPE_SIZES[type];
      if (nDims < 1 || nDims > 4 || nameLength <= 0 || nameLength > 256 || !size) return { ok: false, reason: `tensor ${tensors + 1} is damaged` };
      let values = 1;
      for (let d = 0; d < nDims; d++) values *= await r.int32();
      r.skip(nameLength);
      r.skip(Math.ceil(values / size[1]) * size[0]);
      tensors++;
    }
    const expected = expectedTensorCount(hparams);
    if (tensors !== expected) return { ok: false, reason: `it holds ${tensors} of the ${expected} tensors a whisper model needs` };
    return { ok: true, hparams, tensors };
  } catch (error) {
    if (error instanceof Truncated) return { ok: false, reason: 'the file is cut short (an unfinished download?)' };
    throw error;
  } finally {
    await file.close();
  }
}
