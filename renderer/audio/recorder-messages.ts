import type { LevelBlock } from '../../core/audio/vad.js';

/** Messages from the recorder worklet to the main thread. */
export type RecorderMessage =
  | { readonly type: 'anchor'; readonly anchor: number }
  | { readonly type: 'chunk'; readonly pcm: ArrayBuffer; readonly frames: number }
  | { readonly type: 'levels'; readonly blocks: readonly LevelBlock[] }
  | { readonly type: 'flushed'; readonly framesWritten: number };
