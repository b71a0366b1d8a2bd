/**
 * Energy voice-activity detection over short level blocks of the trainee channel.
 * Pure and incremental: feed blocks in order, get speech start/end decisions in file frames.
 */
export interface LevelBlock {
  /** File frame of the block's first sample. */
  readonly frame: number;
  readonly frames: number;
  /** RMS level in dBFS (-Infinity for digital silence). */
  readonly db: number;
}

export interface VadOptions {
  /** Never treat anything quieter than this as speech. */
  readonly floorDb: number;
  /** Speech must be this much louder than the running noise estimate. */
  readonly marginDb: number;
  /** Voiced time needed to declare speech (rejects clicks). */
  readonly onsetMs: number;
  /** Silence needed to declare the end of a turn. */
  readonly hangoverMs: number;
  readonly sampleRate: number;
}

export const DEFAULT_VAD: Omit<VadOptions, 'sampleRate'> = { floorDb: -48, marginDb: 12, onsetMs: 60, hangoverMs: 1200 };

export type VadDecision =
  | { readonly type: 'speech-started'; readonly frame: number }
  | { readonly type: 'speech-ended'; readonly frame: number; readonly speechEndFrame: number };

export interface VadState {
  readonly speaking: boolean;
  readonly noiseDb: number;
  /** First frame of the current voiced run (candidate onset), or null. */
  readonly runStart: number | null;
  readonly lastVoicedEnd: number | null;
  /** Frames seen so far; the first CALIBRATION_MS only learn the room's noise. */
  readonly seenFrames: number;
}

export const CALIBRATION_MS = 300;
export const INITIAL_VAD: VadState = { speaking: false, noiseDb: -70, runStart: null, lastVoicedEnd: null, seenFrames: 0 };

export function vadStep(state: VadState, block: LevelBlock, opts: VadOptions): { state: VadState; decision: VadDecision | null } {
  const db = Number.isFinite(block.db) ? block.db : -100;
  const calibrating = state.seenFrames < (CALIBRATION_MS / 1000) * opts.sampleRate;
  const seenFrames = state.seenFrames + block.frames;
  if (calibrating) {
    const noise = state.seenFrames === 0 ? Math.max(db, -90) : state.noiseDb + 0.3 * (Math.max(db, -90) - state.noiseDb);
    return { state: { ...state, noiseDb: noise, seenFrames }, decision: null };
  }
  const threshold = Math.max(opts.floorDb, state.noiseDb + opts.marginDb);
  const voiced = block.db > threshold;
  const blockEnd = block.frame + block.frames;
  const onsetFrames = (opts.onsetMs / 1000) * opts.sampleRate;
  const hangFrames = (opts.hangoverMs / 1000) * opts.sampleRate;
  // The noise estimate follows quiet blocks quickly and loud ones very slowly.
  const noiseDb = voiced ? state.noiseDb + 0.002 * (db - state.noiseDb) : state.noiseDb + 0.05 * (Math.max(db, -90) - state.noiseDb);

  if (!state.speaking) {
    if (!voiced) return { state: { ...state, noiseDb, runStart: null, seenFrames }, decision: null };
    const runStart = state.runStart ?? block.frame;
    if (blockEnd - runStart >= onsetFrames) {
      return { state: { speaking: true, noiseDb, runStart: null, lastVoicedEnd: blockEnd, seenFrames }, decision: { type: 'speech-started', frame: runStart } };
    }
    return { state: { ...state, noiseDb, runStart, seenFrames }, decision: null };
  }
  if (voiced) return { state: { ...state, noiseDb, lastVoicedEnd: blockEnd, seenFrames }, decision: null };
  const lastVoicedEnd = state.lastVoicedEnd ?? block.frame;
  if (blockEnd - lastVoicedEnd >= hangFrames) {
    return { state: { speaking: false, noiseDb, runStart: null, lastVoicedEnd: null, seenFrames }, decision: { type: 'speech-ended', frame: blockEnd, speechEndFrame: lastVoicedEnd } };
  }
  return { state: { ...state, noiseDb, seenFrames }, decision: null };
}
