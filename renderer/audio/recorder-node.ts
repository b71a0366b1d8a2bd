import workletUrl from './recorder.worklet.ts?worker&url';

/**
 * Loads the recorder worklet into `ctx` and returns its node behind a 2-input channel merger:
 * connect what goes on channel 0 to the merger's input 0 and channel 1 to input 1.
 */
export async function createRecorderNode(ctx: AudioContext): Promise<{ merger: ChannelMergerNode; recorder: AudioWorkletNode }> {
  await ctx.audioWorklet.addModule(workletUrl);
  const merger = ctx.createChannelMerger(2);
  const recorder = new AudioWorkletNode(ctx, 'tryout-recorder', {
    numberOfInputs: 1,
    numberOfOutputs: 0,
    channelCount: 2,
    channelCountMode: 'explicit',
    channelInterpretation: 'discrete',
  });
  merger.connect(recorder);
  return { merger, recorder };
}
