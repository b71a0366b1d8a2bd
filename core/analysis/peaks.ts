import { z } from 'zod';

/**
 * Waveform peaks of a session's recording, computed once by the analysis job (peaks.json next
 * to analysis.json) so the replay screen draws a 30-minute call without decoding its WAV.
 *
 * Per channel (0 customer, 1 trainee) and per 10 ms: the lowest and highest sample, scaled to
 * -127..127 and stored as base64 of signed bytes. 8 bits are plenty for a drawing, and keep a
 * 30-minute session near 1 MB (JSON numbers would be 2-3 times that).
 */
export const PEAKS_FORMAT_VERSION = 1;
export const PEAKS_PER_SECOND = 100;
/** Full scale of a stored peak value. */
export const PEAK_SCALE = 127;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'peaks are base64');

export const WaveformPeaksSchema = z.strictObject({
  formatVersion: z.literal(PEAKS_FORMAT_VERSION),
  sampleRate: z.number().int().positive(),
  /** Frames of audio.wav summed up in one peak. */
  framesPerPeak: z.number().int().positive(),
  /** Frames in the recording (its duration is durationFrames / sampleRate). */
  durationFrames: z.number().int().nonnegative(),
  /** Peaks per channel: ceil(durationFrames / framesPerPeak). */
  peakCount: z.number().int().nonnegative(),
  /** [customer, trainee]: base64 of peakCount signed bytes each. */
  channels: z.array(z.strictObject({ min: base64, max: base64 })).max(8),
});
export type WaveformPeaks = z.infer<typeof WaveformPeaksSchema>;

/** One channel's peaks as numbers in -1..1, ready for a waveform drawing. */
export interface ChannelPeakValues {
  readonly min: Float32Array;
  readonly max: Float32Array;
}

function quantize(sample: number): number {
  return Math.max(-PEAK_SCALE, Math.min(PEAK_SCALE, Math.round((sample * PEAK_SCALE) / 32767)));
}

/** The peaks of 16-bit channels (all the same length, or padded with silence to the longest). Pure and deterministic. */
export function computePeaks(channels: readonly Int16Array[], sampleRate: number, peaksPerSecond = PEAKS_PER_SECOND): WaveformPeaks {
  const framesPerPeak = Math.max(1, Math.round(sampleRate / peaksPerSecond));
  const durationFrames = channels.reduce((n, c) => Math.max(n, c.length), 0);
  const peakCount = Math.ceil(durationFrames / framesPerPeak);
  const encoded = channels.map((samples) => {
    const min = new Int8Array(peakCount);
    const max = new Int8Array(peakCount);
    for (let p = 0; p < peakCount; p++) {
      const from = p * framesPerPeak;
      const to = Math.min(samples.length, from + framesPerPeak);
      let lo = 0;
      let hi = 0;
      for (let i = from; i < to; i++) {
        const v = samples[i] ?? 0;
        if (v < lo) lo = v;
        else if (v > hi) hi = v;
      }
      min[p] = quantize(lo);
      max[p] = quantize(hi);
    }
    return { min: bytesToBase64(new Uint8Array(min.buffer)), max: bytesToBase64(new Uint8Array(max.buffer)) };
  });
  return { formatVersion: PEAKS_FORMAT_VERSION, sampleRate, framesPerPeak, durationFrames, peakCount, channels: encoded };
}

/** The stored peaks as -1..1 values per channel; throws on a file whose arrays do not match peakCount. */
export function peakValues(peaks: WaveformPeaks): ChannelPeakValues[] {
  return peaks.channels.map((c, i) => {
    const decode = (text: string, side: string) => {
      const bytes = new Int8Array(base64ToBytes(text).buffer);
      if (bytes.length !== peaks.peakCount) throw new RangeError(`peaks of channel ${i} (${side}) hold ${bytes.length} values, expected ${peaks.peakCount}`);
      return Float32Array.from(bytes, (v) => v / PEAK_SCALE);
    };
    return { min: decode(c.min, 'min'), max: decode(c.max, 'max') };
  });
}

/**
 * Per channel, the larger of |min| and |max| per peak in 0..1: the envelope a waveform drawing
 * mirrors around its centre line. Plain loops: a 30-minute call has 180,000 peaks per channel.
 */
export function peakEnvelopes(peaks: WaveformPeaks): Float32Array[] {
  return peaks.channels.map((c, channel) => {
    const min = new Int8Array(base64ToBytes(c.min).buffer);
    const max = new Int8Array(base64ToBytes(c.max).buffer);
    if (min.length !== peaks.peakCount || max.length !== peaks.peakCount) throw new RangeError(`peaks of channel ${channel} do not hold ${peaks.peakCount} values`);
    const out = new Float32Array(peaks.peakCount);
    for (let i = 0; i < out.length; i++) {
      const lo = -(min[i] ?? 0);
      const hi = max[i] ?? 0;
      out[i] = (hi > lo ? hi : lo) / PEAK_SCALE;
    }
    return out;
  });
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Character code -> 6-bit value, -1 for characters outside the alphabet. */
const LOOKUP = Int8Array.from({ length: 128 }, (_, code) => ALPHABET.indexOf(String.fromCharCode(code)));

/** Standard base64 with padding (core has neither Buffer nor btoa). */
export function bytesToBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out.push(
      ALPHABET[(n >> 18) & 63] ?? '',
      ALPHABET[(n >> 12) & 63] ?? '',
      i + 1 < bytes.length ? (ALPHABET[(n >> 6) & 63] ?? '') : '=',
      i + 2 < bytes.length ? (ALPHABET[n & 63] ?? '') : '=',
    );
  }
  return out.join('');
}

export function base64ToBytes(text: string): Uint8Array {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61) end--; // trailing '=' padding (a regex is slow on 240 KB)
  const clean = text.slice(0, end);
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = LOOKUP[clean.charCodeAt(i)] ?? -1;
    if (v < 0) throw new RangeError(`not base64: "${clean.charAt(i)}"`);
    value = ((value << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 255;
    }
  }
  return out;
}
