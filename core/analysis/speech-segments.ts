import { DEFAULT_VAD, INITIAL_VAD, vadStep, type VadOptions } from '../audio/vad.js';

/** A stretch of speech (or other activity) on one channel, in file frames [start, end). */
export interface Segment {
  readonly start: number;
  readonly end: number;
}

/**
 * Pauses shorter than this stay inside one speech segment. Shorter than the call's 1.2 s
 * end-of-turn hangover: analysis wants utterances, the call wants to know the turn is over.
 */
export const SEGMENT_HANGOVER_MS = 500;

/**
 * The call's energy VAD over block levels, fed in order (a call's levels as they arrive, or a
 * whole channel at once): the speech segments before their edges are refined. Causal, so the
 * segments it has closed after any prefix of a channel are the ones the whole channel gives.
 */
export class RawSpeechSegments {
  private state = INITIAL_VAD;
  private start: number | null = null;
  private blocks = 0;
  private readonly opts: VadOptions;
  /** Segments whose end the VAD has decided. */
  readonly closed: Segment[] = [];

  constructor(private readonly size: number, sampleRate: number, options: Partial<VadOptions> = {}) {
    this.opts = { ...DEFAULT_VAD, hangoverMs: SEGMENT_HANGOVER_MS, ...options, sampleRate };
  }

  /** Feeds levels[from..to), the blocks that follow the ones fed so far. */
  push(levels: Float64Array, from = 0, to = levels.length): void {
    for (let b = from; b < to; b++) {
      const step = vadStep(this.state, { frame: this.blocks * this.size, frames: this.size, db: levels[b] ?? -Infinity }, this.opts);
      this.blocks++;
      this.state = step.state;
      if (step.decision?.type === 'speech-started') this.start = step.decision.frame;
      if (step.decision?.type === 'speech-ended' && this.start !== null) {
        this.closed.push({ start: this.start, end: step.decision.speechEndFrame });
        this.start = null;
      }
    }
  }

  /** The speech still going on at the last block fed (it ends there, as far as is known), or null. */
  open(): Segment | null {
    return this.start === null ? null : { start: this.start, end: this.state.lastVoicedEnd ?? this.blocks * this.size };
  }
}

/** Speech segments of a channel from its block levels, with the call's energy VAD. */
export function speechSegments(levels: Float64Array, size: number, sampleRate: number, options: Partial<VadOptions> = {}): Segment[] {
  const raw = new RawSpeechSegments(size, sampleRate, options);
  raw.push(levels);
  const open = raw.open();
  return refineEdges(open ? [...raw.closed, open] : raw.closed, levels, size);
}

/** How far an edge may move when refined: speech fades in and out over a few tens of ms. */
const MAX_REFINE_BLOCKS = 15;

/** The room's noise level: the 10th percentile of the block levels (digital silence as -100 dB). */
export function noiseFloorDb(levels: Float64Array): number {
  const sorted = Array.from(levels, (d) => (Number.isFinite(d) ? d : -100)).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.1)] ?? -100;
}

/**
 * The VAD declares speech once it is clearly above the noise, which is a little after it
 * starts (and before it ends): each edge moves outwards, by at most 150 ms, while the blocks
 * stay 6 dB above the noise floor and within 35 dB of the segment's loudest block (so a faint
 * reverberant tail is not taken for speech).
 */
export function refineEdges(segments: readonly Segment[], levels: Float64Array, size: number): Segment[] {
  const noise = noiseFloorDb(levels);
  return segments.map((seg, i) => {
    let peak = -Infinity;
    for (let b = Math.floor(seg.start / size); b < Math.ceil(seg.end / size); b++) peak = Math.max(peak, levels[b] ?? -Infinity);
    const threshold = Math.max(noise + 6, peak - 35, -70);
    const loud = (b: number) => (levels[b] ?? -Infinity) > threshold;
    const prevEnd = segments[i - 1]?.end ?? 0;
    const nextStart = segments[i + 1]?.start ?? levels.length * size;
    // Outwards past single quiet blocks (a stop consonant), never across three in a row.
    let b = Math.floor(seg.start / size);
    for (let k = 1, quiet = 0; k <= MAX_REFINE_BLOCKS && quiet < 3; k++) {
      const c = Math.floor(seg.start / size) - k;
      if (c < 0 || c * size < prevEnd) break;
      if (loud(c)) [b, quiet] = [c, 0];
      else quiet++;
    }
    let e = Math.ceil(seg.end / size);
    for (let k = 0, quiet = 0; k < MAX_REFINE_BLOCKS && quiet < 3; k++) {
      const c = Math.ceil(seg.end / size) + k;
      if ((c + 1) * size > nextStart) break;
      if (loud(c)) [e, quiet] = [c + 1, 0];
      else quiet++;
    }
    return { start: Math.min(seg.start, b * size), end: Math.max(seg.end, Math.min(e * size, nextStart)) };
  });
}

/**
 * Activity on the customer channel: the bus is clean (no room noise), so any block above
 * `floorDb` is the customer (or hold music). Gaps shorter than `bridgeMs` are bridged.
 */
export function activeSegments(levels: Float64Array, size: number, sampleRate: number, floorDb = -50, bridgeMs = 250): Segment[] {
  const bridge = (bridgeMs / 1000) * sampleRate;
  const out: Segment[] = [];
  let current: { start: number; end: number } | null = null;
  for (let b = 0; b < levels.length; b++) {
    if ((levels[b] ?? -Infinity) <= floorDb) continue;
    const start = b * size;
    if (current && start - current.end <= bridge) current.end = start + size;
    else {
      if (current) out.push(current);
      current = { start, end: start + size };
    }
  }
  if (current) out.push(current);
  return out;
}

/** Total frames where two sorted segment lists overlap, with the overlapping ranges. */
export function overlaps(a: readonly Segment[], b: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  let j = 0;
  for (const s of a) {
    while (j < b.length && (b[j]?.end ?? 0) <= s.start) j++;
    for (let k = j; k < b.length; k++) {
      const t = b[k];
      if (!t || t.start >= s.end) break;
      const start = Math.max(s.start, t.start);
      const end = Math.min(s.end, t.end);
      if (end > start) out.push({ start, end });
    }
  }
  return out;
}

/** The parts of `segments` inside [start, end). */
export function clip(segments: readonly Segment[], start: number, end: number): Segment[] {
  return segments.flatMap((s) => (s.end <= start || s.start >= end ? [] : [{ start: Math.max(s.start, start), end: Math.min(s.end, end) }]));
}

/** Gaps in [start, end) not covered by any of the (sorted, possibly overlapping) segments. */
export function gaps(segments: readonly Segment[], start: number, end: number): Segment[] {
  const sorted = [...clip(segments, start, end)].sort((x, y) => x.start - y.start);
  const out: Segment[] = [];
  let at = start;
  for (const s of sorted) {
    if (s.start > at) out.push({ start: at, end: s.start });
    at = Math.max(at, s.end);
  }
  if (end > at) out.push({ start: at, end });
  return out;
}
