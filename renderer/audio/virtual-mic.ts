/**
 * Test hook: when a test page sets window.__TRYOUT_TEST__ = { virtualMic: true } before load,
 * the microphone is a gain node in the call's own AudioContext and answers are played into it
 * (exact timing, no resampling). Never active otherwise.
 */
declare global {
  interface Window {
    __TRYOUT_TEST__?: { virtualMic?: boolean };
    __tryoutVirtualMic?: { play(base64Float32: string): { startFrame: number } };
  }
}

export function virtualMicRequested(): boolean {
  return window.__TRYOUT_TEST__?.virtualMic === true;
}

export function installVirtualMic(ctx: AudioContext, input: AudioNode, toFileFrame: (contextFrame: number) => number): void {
  window.__tryoutVirtualMic = {
    play(base64Float32: string) {
      const bytes = Uint8Array.from(atob(base64Float32), (c) => c.charCodeAt(0));
      const samples = new Float32Array(bytes.buffer);
      const buffer = ctx.createBuffer(1, samples.length, ctx.sampleRate);
      buffer.copyToChannel(samples, 0);
      const src = ctx.createBufferSource();
      src.buffer = buffer;
      src.connect(input);
      const at = ctx.currentTime + 0.05;
      src.start(at);
      return { startFrame: toFileFrame(Math.round(at * ctx.sampleRate)) };
    },
  };
}
