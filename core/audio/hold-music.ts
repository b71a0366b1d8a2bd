import { applyGainDb, rmsDbfs } from './levels.js';
import { addWrapped } from './loop-mix.js';

/**
 * Hold music made by the app (no licensed audio): a slow, soft chord progression
 * (Cmaj7 - Am7 - Fmaj7 - G6) as a sine pad with a low bass note and a gentle bell arpeggio.
 * Pure and deterministic: the same sample rate gives the same samples, and the buffer loops
 * seamlessly (every note's tail wraps around to the start).
 */
export const HOLD_MUSIC_RMS_DBFS = -20;
export const HOLD_MUSIC_CHORD_SECONDS = 2.5;

/** MIDI notes per chord: the pad voicing and its bass note. */
const CHORDS: readonly { readonly pad: readonly number[]; readonly bass: number }[] = [
  { pad: [60, 64, 67, 71], bass: 48 }, // Cmaj7
  { pad: [60, 64, 67, 69], bass: 45 }, // Am7
  { pad: [60, 64, 65, 69], bass: 41 }, // Fmaj7
  { pad: [59, 62, 64, 67], bass: 43 }, // G6
];
/** Which pad note (an octave up) each bell of a chord plays: four bells per chord. */
const ARPEGGIO = [0, 2, 1, 3] as const;

export const HOLD_MUSIC_LOOP_SECONDS = CHORDS.length * HOLD_MUSIC_CHORD_SECONDS;

const hz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);

/** One loop of hold music at `sampleRate`, normalised to HOLD_MUSIC_RMS_DBFS. */
export function holdMusicLoop(sampleRate: number): Float32Array<ArrayBuffer> {
  const chordFrames = Math.round(HOLD_MUSIC_CHORD_SECONDS * sampleRate);
  const loop = new Float32Array(chordFrames * CHORDS.length);
  CHORDS.forEach((chord, c) => {
    const at = c * chordFrames;
    // Pads overlap the next chord by their release, so the changes are smooth.
    const padFrames = chordFrames + Math.round(0.9 * sampleRate);
    for (const note of chord.pad) addWrapped(loop, at, padNote(hz(note), padFrames, sampleRate), 0.22);
    addWrapped(loop, at, padNote(hz(chord.bass), padFrames, sampleRate), 0.3);
    ARPEGGIO.forEach((which, k) => {
      const note = chord.pad[which] ?? chord.pad[0] ?? 60;
      addWrapped(loop, at + Math.round((k * chordFrames) / ARPEGGIO.length), bell(hz(note + 12), sampleRate), 0.16);
    });
  });
  return applyGainDb(loop, HOLD_MUSIC_RMS_DBFS - rmsDbfs(loop));
}

/** A soft pad tone: a sine with a little second harmonic, raised-cosine attack and release. */
function padNote(freq: number, frames: number, sampleRate: number): Float32Array {
  const out = new Float32Array(frames);
  const attack = Math.round(0.6 * sampleRate);
  const release = Math.round(0.9 * sampleRate);
  for (let i = 0; i < frames; i++) {
    const t = i / sampleRate;
    const env = Math.min(ramp(i / attack), ramp((frames - 1 - i) / release));
    out[i] = env * (Math.sin(2 * Math.PI * freq * t) + 0.25 * Math.sin(4 * Math.PI * freq * t));
  }
  return out;
}

/** A quiet bell: 10 ms attack, exponential decay, faded to zero by its end. */
function bell(freq: number, sampleRate: number): Float32Array {
  const frames = Math.round(1.6 * sampleRate);
  const attack = Math.round(0.01 * sampleRate);
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    const t = i / sampleRate;
    const env = ramp(i / attack) * Math.exp(-t / 0.35) * ramp((frames - 1 - i) / (0.2 * sampleRate));
    out[i] = env * (Math.sin(2 * Math.PI * freq * t) + 0.3 * Math.sin(2 * Math.PI * 2.76 * freq * t) * Math.exp(-t / 0.1));
  }
  return out;
}

/** Raised-cosine ramp: 0 at x <= 0, 1 at x >= 1. */
function ramp(x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return 0.5 - 0.5 * Math.cos(Math.PI * x);
}
