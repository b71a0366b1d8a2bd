import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { wavHeader } from '../../../electron/services/session/wav.js';

/** Temp folders and a small valid scenario for the service and browser-shell tests. */

export const SCENARIO_ID = 'test-call';

export const SCENARIO_YAML = `id: ${SCENARIO_ID}
title: Test call
brief: The customer asks about a late parcel.
customer:
  name: Robin
steps:
  - id: greet
    say: "Hello"
  - id: answer
    listen: {timeoutSeconds: 10}
`;

export function tempRoot(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `tryout-${prefix}-`));
}

/** A mono 16 kHz 16-bit WAV of `frames` frames of a ramp. */
export function monoWav(frames: number, sampleRate = 16_000): Uint8Array<ArrayBuffer> {
  const data = new Int16Array(frames).map((_, i) => ((i * 37) % 2000) - 1000);
  const out = new Uint8Array(44 + data.byteLength);
  out.set(wavHeader(sampleRate, 1, data.byteLength), 0);
  out.set(new Uint8Array(data.buffer), 44);
  return out;
}

/** `<root>/scenarios` with test-call.yaml and audio/test-call/greet.wav. */
export function makeScenariosDir(root: string): string {
  const dir = join(root, 'scenarios');
  mkdirSync(join(dir, 'audio', SCENARIO_ID), { recursive: true });
  writeFileSync(join(dir, `${SCENARIO_ID}.yaml`), SCENARIO_YAML);
  writeFileSync(join(dir, 'audio', SCENARIO_ID, 'greet.wav'), monoWav(1600));
  return dir;
}

/** Interleaved stereo 16-bit PCM: `frames` frames whose samples encode (offset + frame, channel). */
export function stereoPcm(frames: number, offset = 0): Uint8Array<ArrayBuffer> {
  const samples = new Int16Array(frames * 2);
  for (let f = 0; f < frames; f++) {
    samples[f * 2] = ((offset + f) % 30_000) - 15_000;
    samples[f * 2 + 1] = -(((offset + f) * 7) % 30_000);
  }
  return new Uint8Array(samples.buffer);
}

/** Every file and folder under `root` (relative paths, sorted), with sizes for files. */
export function listTree(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      out.push(stat.isDirectory() ? `${relative(root, path)}/` : `${relative(root, path)} ${stat.size}`);
      if (stat.isDirectory()) walk(path);
    }
  };
  walk(root);
  return out.sort();
}
