import { appendFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finalizeWavFile, parseWavHeader, readWav, wavHeader } from '../../../../electron/services/session/wav.js';
import { stereoPcm, tempRoot } from '../fixtures.js';

const root = tempRoot('wav');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('wav', () => {
  it('round-trips a header', () => {
    const header = wavHeader(48_000, 2, 1234 * 4);
    expect(header.byteLength).toBe(44);
    expect(parseWavHeader(header)).toEqual({ sampleRate: 48_000, channels: 2, bitsPerSample: 16, dataOffset: 44, dataBytes: 1234 * 4 });
    const view = new DataView(header.buffer);
    expect(view.getUint32(4, true)).toBe(36 + 1234 * 4);
    expect(view.getUint32(28, true)).toBe(48_000 * 4);
    expect(view.getUint16(32, true)).toBe(4);
  });

  it('refuses bad header arguments', () => {
    expect(() => wavHeader(0, 2, 0)).toThrow(/sample rate/);
    expect(() => wavHeader(16_000, 0, 0)).toThrow(/channel/);
    expect(() => wavHeader(16_000, 2, -4)).toThrow(/data size/);
  });

  it('explains what is wrong with a file that is not a WAV', () => {
    expect(() => parseWavHeader(new TextEncoder().encode('hello, this is text'))).toThrow(/not a WAV file/);
    const noData = wavHeader(16_000, 1, 0).slice(0, 36);
    expect(() => parseWavHeader(noData)).toThrow(/no "data" chunk/);
    const truncated = wavHeader(16_000, 1, 0).slice(0, 24);
    expect(() => parseWavHeader(truncated)).toThrow(/truncated/);
    const float = wavHeader(16_000, 1, 0);
    new DataView(float.buffer).setUint16(20, 3, true);
    expect(() => parseWavHeader(float)).toThrow(/not integer PCM/);
  });

  it('skips chunks before "data" (e.g. LIST from other tools)', () => {
    const base = wavHeader(16_000, 1, 4);
    const list = new Uint8Array([...new TextEncoder().encode('LIST'), 3, 0, 0, 0, 1, 2, 3, 0]);
    const file = new Uint8Array([...base.subarray(0, 36), ...list, ...base.subarray(36), 1, 0, 2, 0]);
    const info = parseWavHeader(file);
    expect(info.dataOffset).toBe(44 + list.byteLength);
    expect(info.dataBytes).toBe(4);
  });

  it('reads samples per channel', () => {
    const path = join(root, 'stereo.wav');
    const pcm = stereoPcm(100);
    writeFileSync(path, new Uint8Array([...wavHeader(16_000, 2, pcm.byteLength), ...pcm]));
    const wav = readWav(path);
    expect(wav.sampleRate).toBe(16_000);
    expect(wav.channels).toBe(2);
    const interleaved = new Int16Array(pcm.buffer);
    expect(Array.from(wav.samples[0] ?? [])).toEqual(Array.from(interleaved.filter((_, i) => i % 2 === 0)));
    expect(Array.from(wav.samples[1] ?? [])).toEqual(Array.from(interleaved.filter((_, i) => i % 2 === 1)));
  });

  it('finalizes a recording: partial trailing frame dropped, sizes patched, idempotent', () => {
    const path = join(root, 'rec.wav');
    const pcm = stereoPcm(50);
    writeFileSync(path, wavHeader(16_000, 2, 0));
    appendFileSync(path, pcm);
    appendFileSync(path, new Uint8Array([1, 2, 3]));
    expect(finalizeWavFile(path, 16_000, 2)).toBe(50);
    expect(statSync(path).size).toBe(44 + 200);
    const info = parseWavHeader(readFileSync(path));
    expect(info.dataOffset + info.dataBytes).toBe(statSync(path).size);
    expect(finalizeWavFile(path, 16_000, 2)).toBe(50);
    expect(readFileSync(path).subarray(44)).toEqual(Buffer.from(pcm));
  });

  it('resets a file shorter than a header to an empty recording', () => {
    const path = join(root, 'short.wav');
    writeFileSync(path, new Uint8Array(10));
    expect(finalizeWavFile(path, 16_000, 2)).toBe(0);
    expect(parseWavHeader(readFileSync(path)).dataBytes).toBe(0);
  });
});
