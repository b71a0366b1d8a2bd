import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { readWav } from '../../../../electron/services/session/wav.js';

function onPath(command: string): boolean {
  return (process.env['PATH'] ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export const hasFestival = onPath('text2wave') && onPath('sox');

/** Festival's us-slt voice says `text` into `dir`; returns mono 16 kHz 16-bit samples. */
export function festivalAnswer(dir: string, name: string, text: string): Int16Array {
  const raw = join(dir, `${name}.raw.wav`);
  const out = join(dir, `${name}.wav`);
  execFileSync('text2wave', ['-eval', '(voice_cmu_us_slt_arctic_hts)', '-o', raw], { input: text });
  execFileSync('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', out]);
  return readWav(out).samples[0] ?? new Int16Array(0);
}

/** First and last sample of the clip's speech: 10 ms windows within 35 dB of the loudest. */
export function speechSpan(samples: Int16Array): { start: number; end: number } {
  const size = 160;
  const power: number[] = [];
  for (let at = 0; at + size <= samples.length; at += size) {
    let sum = 0;
    for (let i = at; i < at + size; i++) sum += (samples[i] ?? 0) ** 2;
    power.push(sum / size);
  }
  const floor = Math.max(...power) / 10 ** 3.5;
  const first = power.findIndex((p) => p > floor);
  const last = power.findLastIndex((p) => p > floor);
  return { start: first * size, end: (last + 1) * size };
}
