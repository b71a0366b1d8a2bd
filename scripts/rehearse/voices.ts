import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWav } from '../../electron/services/session/wav.js';

export const VOICE_RATE = 16_000;

/** Loads an answer as mono float samples at 16 kHz (sox converts other formats and rates). */
export function loadVoice(path: string): Float32Array {
  let wav = readWav(path);
  if (wav.sampleRate !== VOICE_RATE || wav.channels !== 1) {
    const dir = mkdtempSync(join(tmpdir(), 'tryout-voice-'));
    try {
      const converted = join(dir, 'voice.wav');
      execFileSync('sox', [path, '-r', String(VOICE_RATE), '-c', '1', '-b', '16', converted]);
      wav = readWav(converted);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const samples = wav.samples[0] ?? new Int16Array(0);
  return Float32Array.from(samples, (s) => s / 32768);
}
