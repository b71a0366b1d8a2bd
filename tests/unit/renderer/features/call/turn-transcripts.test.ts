import { describe, expect, it } from 'vitest';
import type { TrainerClient } from '../../../../../core/api.js';
import { transcriptWindow } from '../../../../../core/scenario/transcript-window.js';
import { TurnTranscripts } from '../../../../../renderer/features/call/turn-transcripts.js';

/** A client whose transcribeTurn records what was asked and answers with the stretch it was given. */
function recordingClient() {
  const asked: { fromFrame: number; toFrame: number; stepId?: string | undefined }[] = [];
  const client = {
    transcribeTurn: async (input: { sessionId: string; fromFrame: number; toFrame: number; stepId?: string }) => {
      asked.push({ fromFrame: input.fromFrame, toFrame: input.toFrame, stepId: input.stepId });
      return { engine: 'pocketsphinx' as const, text: `heard ${input.fromFrame}-${input.toFrame}`, words: [], message: null };
    },
  } as unknown as TrainerClient; // only transcribeTurn is called
  return { client, asked };
}

describe('TurnTranscripts (the call screen)', () => {
  const RATE = 16_000;

  it('asks for every spoken turn once it ends, and a branch on that turn reuses the same request', async () => {
    const { client, asked } = recordingClient();
    let saved = 0;
    const transcripts = new TurnTranscripts(() => ({ client, sessionId: 's1', saveRecordedAudio: async () => void saved++ }), RATE);
    const turn = { stepId: 'answer', frame: 80_000, speechStartFrame: 40_000, speechEndFrame: 70_000 };
    transcripts.turnEnded(turn);
    // The engine's branch asks for the same stretch of the same turn.
    const window = transcriptWindow({ invitedFrame: 30_000, endedFrame: turn.frame, speechStartFrame: turn.speechStartFrame, speechEndFrame: turn.speechEndFrame }, RATE);
    const answer = await transcripts.get(window.fromFrame, window.toFrame, 'answer');
    expect(answer).toEqual({ text: `heard ${window.fromFrame}-${window.toFrame}`, engine: 'pocketsphinx' });
    expect(asked).toEqual([{ ...window, stepId: 'answer' }]);
    expect(saved).toBe(1);
  });

  it('asks nothing for a turn nobody spoke in, and separately for each spoken turn', async () => {
    const { client, asked } = recordingClient();
    const transcripts = new TurnTranscripts(() => ({ client, sessionId: 's1', saveRecordedAudio: async () => undefined }), RATE);
    transcripts.turnEnded({ stepId: 'answer', frame: 320_000, speechStartFrame: null, speechEndFrame: null });
    transcripts.turnEnded({ stepId: 'again-1', frame: 400_000, speechStartFrame: 340_000, speechEndFrame: 380_000 });
    transcripts.turnEnded({ stepId: 'again-2', frame: 500_000, speechStartFrame: 420_000, speechEndFrame: 480_000 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked.map((a) => a.stepId)).toEqual(['again-1', 'again-2']);
  });
});
