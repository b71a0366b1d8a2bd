import { describe, expect, it } from 'vitest';
import { DEFAULT_VAD, INITIAL_VAD, vadStep, type VadDecision } from '../../../../core/audio/vad.js';

const SR = 16_000;
const BLOCK = 320; // 20 ms
const opts = { ...DEFAULT_VAD, sampleRate: SR };

/** Runs the VAD over a level track given as [seconds, dB] segments. */
function run(segments: [number, number][]): VadDecision[] {
  let state = INITIAL_VAD;
  let frame = 0;
  const out: VadDecision[] = [];
  for (const [seconds, db] of segments) {
    const end = frame + seconds * SR;
    for (; frame < end; frame += BLOCK) {
      const r = vadStep(state, { frame, frames: BLOCK, db }, opts);
      state = r.state;
      if (r.decision) out.push(r.decision);
    }
  }
  return out;
}

describe('voice activity detection', () => {
  it('finds one turn with its onset and end in file frames', () => {
    const d = run([[2, -70], [3, -22], [2, -70]]);
    expect(d).toEqual([
      { type: 'speech-started', frame: 2 * SR },
      { type: 'speech-ended', frame: 5 * SR + 1.2 * SR, speechEndFrame: 5 * SR },
    ]);
  });

  it('keeps short pauses inside one turn', () => {
    const d = run([[1, -70], [1, -22], [0.6, -70], [1, -22], [2, -70]]);
    expect(d.map((x) => x.type)).toEqual(['speech-started', 'speech-ended']);
  });

  it('ignores a click shorter than the onset time', () => {
    expect(run([[1, -70], [0.02, -10], [2, -70]])).toEqual([]);
  });

  it('ignores steady room noise below the floor', () => {
    expect(run([[5, -55]])).toEqual([]);
  });

  it('adapts to a noisy room: speech must stand out from the noise', () => {
    const d = run([[3, -42], [2, -20], [2, -42]]);
    expect(d[0]).toEqual({ type: 'speech-started', frame: 3 * SR });
    expect(d).toHaveLength(2);
  });
});
