import { typingNoiseLoop, typingNoiseSeed } from '../../core/audio/typing-noise.js';
import { monoBuffer } from './mono-buffer.js';

/** One loop of a step's keyboard noise, generated at the context's rate (the same for every candidate). */
export function typingNoiseBuffer(ctx: BaseAudioContext, scenarioId: string, stepId: string): AudioBuffer {
  return monoBuffer(ctx, typingNoiseLoop(ctx.sampleRate, typingNoiseSeed(scenarioId, stepId)));
}
