import { open } from 'node:fs/promises';
import { parseWavHeader } from './wav.js';

export interface ChannelAudio {
  readonly sampleRate: number;
  /** The frames actually read: [fromFrame, toFrame), clipped to what the file holds. */
  readonly fromFrame: number;
  readonly toFrame: number;
  readonly samples: Int16Array;
}

/** Enough of the file for any header Tryout or common tools write. */
const HEADER_PROBE_BYTES = 4096;

/**
 * Reads one channel of frames [fromFrame, toFrame) from a 16-bit PCM WAV, reading only that
 * range. A recording in progress has a placeholder size in its header: the file's length
 * says how many frames are written.
 */
export async function readChannelRange(path: string, channel: number, fromFrame: number, toFrame: number): Promise<ChannelAudio> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const probe = Buffer.alloc(Math.min(HEADER_PROBE_BYTES, size));
    await file.read(probe, 0, probe.byteLength, 0);
    const info = parseWavHeader(probe);
    if (info.bitsPerSample !== 16) throw new Error(`${info.bitsPerSample}-bit WAV; only 16-bit PCM is supported`);
    if (channel < 0 || channel >= info.channels) throw new Error(`the recording has no channel ${channel}`);
    const blockAlign = info.channels * 2;
    const onDisk = Math.max(0, size - info.dataOffset);
    const dataBytes = info.dataBytes > 0 ? Math.min(info.dataBytes, onDisk) : onDisk;
    const frames = Math.floor(dataBytes / blockAlign);
    const from = Math.min(fromFrame, frames);
    const to = Math.min(Math.max(toFrame, from), frames);
    const bytes = Buffer.alloc((to - from) * blockAlign);
    if (bytes.byteLength > 0) await file.read(bytes, 0, bytes.byteLength, info.dataOffset + from * blockAlign);
    const samples = new Int16Array(to - from);
    for (let f = 0; f < samples.length; f++) samples[f] = bytes.readInt16LE(f * blockAlign + channel * 2);
    return { sampleRate: info.sampleRate, fromFrame: from, toFrame: to, samples };
  } finally {
    await file.close();
  }
}
