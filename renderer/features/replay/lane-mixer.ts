/**
 * Per-lane volume for the replay: the recording is one stereo WAV (channel 0 the customer,
 * channel 1 the trainee), played by one media element. Web Audio splits its two channels,
 * gives each its own gain and sends both, centred, to the speakers. An analyser per lane
 * (after its gain) lets the screen show what is sounding.
 */
export const LANES = ['customer', 'trainee'] as const;
export type Lane = (typeof LANES)[number];

export interface LaneMixer {
  /** 0 (muted) … 1 (as recorded). */
  setVolume(lane: Lane, volume: number): void;
  /** RMS level of the lane's output right now (0 … 1). */
  level(lane: Lane): number;
  /** Starts the audio context (needs a user gesture the first time). */
  resume(): Promise<void>;
  close(): void;
}

/**
 * Routes `media` through the mixer. A media element can be connected to Web Audio only once,
 * so one mixer per element for the element's lifetime; create it on the first play (a user
 * gesture) so the context is allowed to start.
 */
export function createLaneMixer(media: HTMLMediaElement, volumes: Readonly<Record<Lane, number>>): LaneMixer {
  const context = new AudioContext();
  const source = context.createMediaElementSource(media);
  // 'discrete' keeps the two recorded channels apart (no up- or down-mixing on the way in).
  const splitter = context.createChannelSplitter(2);
  source.channelInterpretation = 'discrete';
  source.connect(splitter);
  const lanes = Object.fromEntries(
    LANES.map((lane, channel) => {
      const gain = context.createGain();
      gain.gain.value = volumes[lane];
      const analyser = context.createAnalyser();
      analyser.fftSize = 1024;
      splitter.connect(gain, channel);
      gain.connect(analyser);
      // A mono node into the stereo destination is up-mixed to both speakers.
      gain.connect(context.destination);
      return [lane, { gain, analyser, buffer: new Float32Array(analyser.fftSize) }];
    }),
  ) as Record<Lane, { gain: GainNode; analyser: AnalyserNode; buffer: Float32Array<ArrayBuffer> }>;

  return {
    setVolume(lane, volume) {
      lanes[lane].gain.gain.setTargetAtTime(Math.max(0, Math.min(1, volume)), context.currentTime, 0.015);
    },
    level(lane) {
      const { analyser, buffer } = lanes[lane];
      analyser.getFloatTimeDomainData(buffer);
      let sum = 0;
      for (const v of buffer) sum += v * v;
      return Math.sqrt(sum / buffer.length);
    },
    resume: () => context.resume(),
    close: () => void context.close().catch(() => undefined),
  };
}
