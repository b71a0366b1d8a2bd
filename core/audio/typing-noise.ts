import { bandPass, filter, lowPass } from './biquad.js';
import { applyGainDb, peakDbfs } from './levels.js';
import { addWrapped } from './loop-mix.js';
import { between, seededRandom, seedFromText, type Random } from './seeded-random.js';

/**
 * The customer typing on a keyboard while "listening": key clicks (short band-passed noise
 * bursts with a softer release click) at irregular intervals, words ended by a duller
 * space-bar thunk, and now and then a pause. Pure and deterministic: the same seed and sample
 * rate give the same samples; the buffer loops seamlessly.
 */
export const TYPING_NOISE_LOOP_SECONDS = 12;
export const TYPING_NOISE_PEAK_DBFS = -8;

/** The seed for a step's typing: the same step always types the same way. */
export function typingNoiseSeed(scenarioId: string, stepId: string): number {
  return seedFromText(`${scenarioId}/${stepId}/typing`);
}

/** What the typist does, in seconds from the loop start (exposed for tests). */
export interface Keystroke {
  readonly at: number;
  readonly key: 'letter' | 'space';
}

export function typingRhythm(seed: number): Keystroke[] {
  const random = seededRandom(seed);
  const strokes: Keystroke[] = [];
  let t = 0.05;
  // Stop early enough that the gap across the loop's end looks like an ordinary pause.
  while (t < TYPING_NOISE_LOOP_SECONDS - 0.6) {
    const letters = 2 + Math.floor(random() * 7);
    for (let i = 0; i < letters && t < TYPING_NOISE_LOOP_SECONDS - 0.6; i++) {
      strokes.push({ at: t, key: 'letter' });
      t += random() < 0.12 ? between(random, 0.25, 0.4) : between(random, 0.08, 0.2);
    }
    strokes.push({ at: t, key: 'space' });
    t += between(random, 0.12, 0.26);
    if (random() < 0.15) t += between(random, 0.6, 1.8); // reads the screen, then goes on
  }
  return strokes.filter((s) => s.at < TYPING_NOISE_LOOP_SECONDS - 0.3);
}

/** One loop of typing noise at `sampleRate`, peak-normalised to TYPING_NOISE_PEAK_DBFS. */
export function typingNoiseLoop(sampleRate: number, seed: number): Float32Array<ArrayBuffer> {
  const loop = new Float32Array(Math.round(TYPING_NOISE_LOOP_SECONDS * sampleRate));
  // A separate stream for the sound of each key, so the rhythm does not depend on it.
  const random = seededRandom(seed ^ 0x5bd1e995);
  for (const stroke of typingRhythm(seed)) {
    const at = Math.round(stroke.at * sampleRate);
    if (stroke.key === 'space') {
      addWrapped(loop, at, spaceThunk(sampleRate, random), between(random, 0.9, 1.1));
    } else {
      const level = between(random, 0.6, 1);
      addWrapped(loop, at, keyClick(sampleRate, random, between(random, 1800, 3400)), level);
      // The key coming back up: a softer click 60-120 ms later.
      addWrapped(loop, at + Math.round(between(random, 0.06, 0.12) * sampleRate), keyClick(sampleRate, random, between(random, 2500, 4000)), 0.35 * level);
    }
  }
  return applyGainDb(loop, TYPING_NOISE_PEAK_DBFS - peakDbfs(loop));
}

/** A click: about 25 ms of band-passed noise with a fast exponential decay. */
function keyClick(sampleRate: number, random: Random, centerHz: number): Float32Array {
  const burst = decayingNoise(sampleRate, random, 0.025, 0.004);
  return fadeOut(filter(burst, bandPass(sampleRate, Math.min(centerHz, 0.4 * sampleRate), 1.2)));
}

/** The space bar: a longer, duller, low-passed knock with a little body. */
function spaceThunk(sampleRate: number, random: Random): Float32Array {
  const knock = filter(decayingNoise(sampleRate, random, 0.07, 0.014), lowPass(sampleRate, between(random, 500, 800)));
  const click = keyClick(sampleRate, random, 2200);
  const body = between(random, 140, 190);
  for (let i = 0; i < knock.length; i++) {
    const t = i / sampleRate;
    knock[i] = 1.2 * (knock[i] ?? 0) + 0.5 * (click[i] ?? 0) + 0.15 * Math.sin(2 * Math.PI * body * t) * Math.exp(-t / 0.018);
  }
  return fadeOut(knock);
}

function decayingNoise(sampleRate: number, random: Random, seconds: number, tau: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  const attack = Math.max(1, Math.round(0.0005 * sampleRate));
  for (let i = 0; i < out.length; i++) {
    out[i] = (random() * 2 - 1) * Math.min(1, i / attack) * Math.exp(-i / sampleRate / tau);
  }
  return out;
}

/** The last 3 ms fade to zero, so no burst ends on a step. */
function fadeOut(samples: Float32Array): Float32Array {
  const n = Math.min(samples.length, 48);
  for (let k = 0; k < n; k++) {
    const i = samples.length - 1 - k;
    samples[i] = (samples[i] ?? 0) * (k / n);
  }
  return samples;
}
