import { execFileSync } from 'node:child_process';
import { existsSync, renameSync } from 'node:fs';
import { between, seededRandom, seedFromText } from '../../core/audio/seeded-random.js';
import { readWav } from '../../electron/services/session/wav.js';
import { speech, type FestivalVoice } from '../../scripts/rehearse/speech.js';
import type { CorpusEntry } from '../support/corpus.js';

/**
 * The conditions the judgement bench plays every corpus call in. Typed answers are the same in
 * all of them; a spoken answer is re-rendered (other voice), time-stretched (tempo), band-limited
 * (telephone) or heard through noise added to the whole mic channel (white, pink).
 */
export const DEGRADATIONS = ['clean', 'telephone', 'white-noise', 'pink-noise', 'other-voice', 'tempo-0.85', 'tempo-1.15'] as const;
export type Degradation = (typeof DEGRADATIONS)[number];

/** Level of the room noise always on the mic channel (a quiet office on a headset). */
export const ROOM_NOISE_DBFS = -65;
/** Speech to noise of the noise degradations. */
export const NOISE_SNR_DB = 15;

/**
 * The degradations asked for: `BENCH_DEGRADATIONS=clean,telephone` or `--degradations=clean`
 * (comma-separated; "all" or nothing = every one).
 */
export function selectedDegradations(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): Degradation[] {
  const arg = argv.find((a) => a.startsWith('--degradations='))?.slice('--degradations='.length);
  const asked = (arg ?? env['BENCH_DEGRADATIONS'] ?? 'all').split(',').map((s) => s.trim()).filter(Boolean);
  if (asked.length === 0 || asked.includes('all')) return [...DEGRADATIONS];
  const unknown = asked.filter((a) => !(DEGRADATIONS as readonly string[]).includes(a));
  if (unknown.length > 0) throw new Error(`unknown degradation ${unknown.join(', ')}: choose from ${DEGRADATIONS.join(', ')}, or all`);
  return DEGRADATIONS.filter((d) => asked.includes(d));
}

const otherVoice = (v: FestivalVoice): FestivalVoice => (v === 'kal' ? 'us-slt' : 'kal');

/** Runs sox once into `out` (via a temporary file, so a killed run leaves no half file). */
function soxOnce(out: string, args: (tmp: string) => string[]): string {
  if (!existsSync(out)) {
    const tmp = `${out}.tmp.wav`;
    execFileSync('sox', args(tmp));
    renameSync(tmp, out);
  }
  return out;
}

/** The answer's clip file as heard in `d` (festival speech cached under .tmp/speech, sox steps cached next to it). */
export function answerFile(entry: CorpusEntry, d: Degradation): string {
  if (entry.voice === 'typed' || entry.text.trim() === '') throw new Error(`${entry.id} has no spoken clip`);
  const voice = d === 'other-voice' ? otherVoice(entry.voice) : entry.voice;
  let file = speech(entry.text, voice);
  const tempo = entry.tempo * (d === 'tempo-0.85' ? 0.85 : d === 'tempo-1.15' ? 1.15 : 1);
  if (Math.abs(tempo - 1) > 1e-9) {
    const from = file;
    file = soxOnce(from.replace(/\.wav$/, `-tempo${tempo.toFixed(4)}.wav`), (tmp) => [from, tmp, 'tempo', '-s', tempo.toFixed(4)]);
  }
  if (d === 'telephone') {
    const from = file;
    // Telephone band: 300-3400 Hz at 8 kHz, then back to the app's 16 kHz.
    const narrow = soxOnce(from.replace(/\.wav$/, '-8k.wav'), (tmp) => [from, '-r', '8000', tmp, 'sinc', '300-3400']);
    file = soxOnce(from.replace(/\.wav$/, '-phone.wav'), (tmp) => [narrow, '-r', '16000', tmp]);
  }
  return file;
}

export function answerSamples(entry: CorpusEntry, d: Degradation): Int16Array {
  return readWav(answerFile(entry, d)).samples[0] ?? new Int16Array(0);
}

/** Mean power (in int16 units squared) of the voiced part of clips: 20 ms blocks within 30 dB of the clip's loudest. */
export function speechPower(clips: readonly { samples: Int16Array; gainDb: number }[]): number | null {
  let sum = 0;
  let n = 0;
  for (const { samples, gainDb } of clips) {
    const g = 10 ** (gainDb / 20);
    const blocks: number[] = [];
    for (let i = 0; i + 320 <= samples.length; i += 320) {
      let p = 0;
      for (let k = i; k < i + 320; k++) p += ((samples[k] ?? 0) * g) ** 2;
      blocks.push(p / 320);
    }
    const loudest = Math.max(...blocks);
    for (const p of blocks) {
      if (p <= loudest / 1000) continue;
      sum += p;
      n++;
    }
  }
  return n === 0 ? null : sum / n;
}

/**
 * The noise on the mic channel, sample after sample: room noise always, plus white or pink noise
 * `NOISE_SNR_DB` below the call's speech in the noise degradations. Seeded by the session, so a
 * run is repeatable.
 */
export function micNoise(d: Degradation, seed: string, speechPowerOfCall: number | null): (count: number) => Float64Array {
  const random = seededRandom(seedFromText(`${seed}/${d}`));
  // Uniform noise in [-a, a] has RMS a/sqrt(3).
  const room = 32768 * 10 ** (ROOM_NOISE_DBFS / 20) * Math.sqrt(3);
  const noisy = d === 'white-noise' || d === 'pink-noise';
  const rms = noisy && speechPowerOfCall !== null ? Math.sqrt(speechPowerOfCall) * 10 ** (-NOISE_SNR_DB / 20) : 0;
  // Pink: Paul Kellet's filter of white noise; its output RMS is about 3.03x the input's (measured over 2 million samples).
  const pink = pinkFilter();
  return (count) => {
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      let x = between(random, -room, room);
      if (rms > 0) {
        const white = between(random, -1, 1) * Math.sqrt(3);
        x += rms * (d === 'pink-noise' ? pink(white) / PINK_GAIN : white);
      }
      out[i] = x;
    }
    return out;
  };
}

/** RMS of pinkFilter's output for unit-RMS white input. */
const PINK_GAIN = 3.03;

function pinkFilter(): (white: number) => number {
  let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
  return (w) => {
    b0 = 0.99886 * b0 + w * 0.0555179;
    b1 = 0.99332 * b1 + w * 0.0750759;
    b2 = 0.969 * b2 + w * 0.153852;
    b3 = 0.8665 * b3 + w * 0.3104856;
    b4 = 0.55 * b4 + w * 0.5329522;
    b5 = -0.7616 * b5 - w * 0.016898;
    const y = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
    b6 = w * 0.115926;
    return y;
  };
}
