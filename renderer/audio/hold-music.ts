import { holdMusicLoop } from '../../core/audio/hold-music.js';
import { monoBuffer } from './mono-buffer.js';

/** One loop of the app's own hold music, generated at the context's rate. */
export function holdMusicBuffer(ctx: BaseAudioContext): AudioBuffer {
  return monoBuffer(ctx, holdMusicLoop(ctx.sampleRate));
}
