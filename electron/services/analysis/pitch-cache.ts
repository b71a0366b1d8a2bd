import { createHash } from 'node:crypto';
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { trackSegmentPitch, type PitchFramesOf } from '../../../core/analysis/measure.js';
import { pitchFrameGrid, trackPitch, type PitchFrame } from '../../../core/analysis/pitch.js';
import type { Segment } from '../../../core/analysis/speech-segments.js';
import { isMissing } from '../session/session-files.js';

/**
 * `<session>/pitch-frames.jsonl`: the pitch frames of the trainee's speech segments, worked out
 * while the call runs (pitch-ahead.ts) so the analysis at hang-up does not track them again.
 * A cache, never the truth: an entry is used only for a segment with exactly its start and end,
 * whose samples still hash to its digest, made by a pitch tracker that still gives the same
 * frames on a probe signal. Anything else (a damaged line, an edited recording, a changed
 * tracker) is tracked again, so the analysis is the same with or without the file.
 */
export const PITCH_FRAMES_FILE = 'pitch-frames.jsonl';
const FORMAT = 1;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const CachedSegmentSchema = z.strictObject({
  format: z.literal(FORMAT),
  /** trackerFingerprint(sampleRate) of the tracker that made the frames. */
  tracker: z.string(),
  sampleRate: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** sha256 of the segment's samples (16-bit, machine order). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Frames of audio each pitch frame covers. */
  frames: z.number().int().positive(),
  /** Per pitch frame, 64-bit floats: where it starts, its level, periodicity and f0 (NaN: unvoiced). */
  at: base64,
  db: base64,
  periodicity: base64,
  f0: base64,
  /** sha256 of the four arrays' text: a line damaged on disk is not used. */
  check: z.string().regex(/^[0-9a-f]{64}$/),
});
type CachedSegment = z.infer<typeof CachedSegmentSchema>;

export function pitchFramesPath(sessionDir: string): string {
  return join(sessionDir, PITCH_FRAMES_FILE);
}

const keyOf = (segment: Segment) => `${segment.start}-${segment.end}`;

/** The sha256 of samples [start, end) of a channel. */
export function samplesDigest(samples: Int16Array, start: number, end: number): string {
  const bytes = new Uint8Array(samples.buffer, samples.byteOffset + 2 * start, 2 * Math.max(0, end - start));
  return createHash('sha256').update(bytes).digest('hex');
}

const floats = (values: readonly number[]) => Buffer.from(Float64Array.from(values).buffer).toString('base64');

function decodeFloats(text: string): Float64Array | null {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength % 8 !== 0) return null;
  // A copy: Buffer's memory may not be 8-byte aligned.
  return new Float64Array(new Uint8Array(bytes).buffer);
}

/** A second of voiced tones, a glide, noise, silence and a faint tone, made without randomness. */
function probeSignal(sampleRate: number): Int16Array {
  const out = new Int16Array(sampleRate);
  let noise = 12345;
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    const part = Math.floor(t * 6);
    const f0 = part === 0 ? 110 : part === 1 ? 210 : 120 + 200 * (t - 2 / 6);
    noise = (noise * 1103515245 + 12345) % 2147483648;
    const tone = Math.sin(2 * Math.PI * f0 * t) + 0.5 * Math.sin(4 * Math.PI * f0 * t) + 0.25 * Math.sin(6 * Math.PI * f0 * t);
    const sample = part <= 2 ? 8000 * tone : part === 3 ? (noise / 2147483648 - 0.5) * 12000 : part === 4 ? 0 : 40 * tone;
    out[i] = Math.round(sample);
  }
  return out;
}

const fingerprints = new Map<number, string>();
/** What the pitch tracker gives on the probe signal at this rate: changes when the tracker does. */
export function trackerFingerprint(sampleRate: number): string {
  let print = fingerprints.get(sampleRate);
  if (print === undefined) {
    const probe = probeSignal(sampleRate);
    const frames = trackPitch(probe, 0, probe.length, sampleRate);
    const values = frames.flatMap((f) => [f.frame, f.frames, f.db, f.periodicity, f.f0 ?? Number.NaN]);
    print = createHash('sha256').update(new Uint8Array(Float64Array.from(values).buffer)).digest('hex');
    fingerprints.set(sampleRate, print);
  }
  return print;
}

/** One line of the file: the frames of `segment` (samples of the whole channel, or from `offset` on). */
export function pitchFramesLine(samples: Int16Array, segment: Segment, sampleRate: number, frames: readonly PitchFrame[], offset = 0): string {
  const arrays = {
    at: floats(frames.map((f) => f.frame)),
    db: floats(frames.map((f) => f.db)),
    periodicity: floats(frames.map((f) => f.periodicity)),
    f0: floats(frames.map((f) => f.f0 ?? Number.NaN)),
  };
  const line: CachedSegment = {
    format: FORMAT,
    tracker: trackerFingerprint(sampleRate),
    sampleRate,
    start: segment.start,
    end: segment.end,
    sha256: samplesDigest(samples, segment.start - offset, segment.end - offset),
    frames: pitchFrameGrid(segment.start, segment.end, sampleRate).frames,
    ...arrays,
    check: arraysCheck(arrays),
  };
  return `${JSON.stringify(line)}\n`;
}

export async function appendPitchFrames(sessionDir: string, lines: readonly string[]): Promise<void> {
  if (lines.length > 0) await appendFile(pitchFramesPath(sessionDir), lines.join(''));
}

/** The entries of a pitch-frames.jsonl text made at this rate by this tracker, by segment; other lines are skipped. */
export function parsePitchFrames(text: string, sampleRate: number): Map<string, CachedSegment> {
  const tracker = trackerFingerprint(sampleRate);
  const entries = new Map<string, CachedSegment>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed = CachedSegmentSchema.safeParse(JSON.parse(line));
      if (parsed.success && parsed.data.sampleRate === sampleRate && parsed.data.tracker === tracker) entries.set(keyOf(parsed.data), parsed.data);
    } catch {
      // A line cut short by a crash: that segment is tracked again.
    }
  }
  return entries;
}

export async function readPitchFrames(sessionDir: string, sampleRate: number): Promise<Map<string, CachedSegment>> {
  try {
    return parsePitchFrames(await readFile(pitchFramesPath(sessionDir), 'utf8'), sampleRate);
  } catch (error) {
    if (isMissing(error)) return new Map();
    throw error;
  }
}

const arraysCheck = (a: Pick<CachedSegment, 'at' | 'db' | 'periodicity' | 'f0'>) => createHash('sha256').update([a.at, a.db, a.periodicity, a.f0].join('/')).digest('hex');

/** The cached frames of an entry, or null when they are damaged or not where the tracker puts its frames. */
function framesOf(entry: CachedSegment): PitchFrame[] | null {
  if (arraysCheck(entry) !== entry.check) return null;
  const [at, db, periodicity, f0] = [entry.at, entry.db, entry.periodicity, entry.f0].map(decodeFloats);
  if (!at || !db || !periodicity || !f0) return null;
  const grid = pitchFrameGrid(entry.start, entry.end, entry.sampleRate);
  const count = grid.starts.length;
  if (entry.frames !== grid.frames || at.length !== count || db.length !== count || periodicity.length !== count || f0.length !== count) return null;
  const frames: PitchFrame[] = [];
  for (let i = 0; i < count; i++) {
    const frame = at[i] as number;
    if (frame !== grid.starts[i]) return null;
    const hz = f0[i] as number;
    frames.push({ frame, frames: entry.frames, db: db[i] as number, periodicity: periodicity[i] as number, f0: Number.isNaN(hz) ? null : hz });
  }
  return frames;
}

export interface PitchCacheUse {
  readonly pitchFrames: PitchFramesOf;
  /** Segments whose frames came from the cache, and segments tracked now. */
  readonly counts: () => { readonly reused: number; readonly tracked: number };
}

/** Pitch frames per segment from the cache where an entry fits exactly, else tracked now. */
export function cachedPitchFrames(entries: ReadonlyMap<string, CachedSegment>): PitchCacheUse {
  let reused = 0;
  let tracked = 0;
  const pitchFrames: PitchFramesOf = (trainee, segment, sampleRate) => {
    const entry = entries.get(keyOf(segment));
    const frames = entry && entry.end <= trainee.length && samplesDigest(trainee, segment.start, segment.end) === entry.sha256 ? framesOf(entry) : null;
    if (frames) {
      reused++;
      return frames;
    }
    tracked++;
    return trackSegmentPitch(trainee, segment, sampleRate);
  };
  return { pitchFrames, counts: () => ({ reused, tracked }) };
}
