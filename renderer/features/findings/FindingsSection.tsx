import { useRef } from 'react';
import { client } from '../../client.js';
import { FindingsPanel } from './FindingsPanel.js';
import { useFindings } from './use-findings.js';

/**
 * The findings of one session with a way to listen to the evidence: the given `onSeek`
 * (the session view's player) or a player of its own (the end of a practice call).
 */
export function FindingsSection({ sessionId, autoRun, onSeek }: { sessionId: string; autoRun: boolean; onSeek?: (frame: number) => void }) {
  const f = useFindings(sessionId, autoRun);
  const audio = useRef<HTMLAudioElement>(null);
  const seek =
    onSeek ??
    ((frame: number) => {
      const player = audio.current;
      if (!player) return;
      player.currentTime = frame / (f.analysis?.sampleRate ?? 16_000);
      void player.play().catch(() => undefined);
    });
  return (
    <>
      {!onSeek && (
        <audio ref={audio} controls src={client.recordingUrl(sessionId)} preload="metadata" data-testid="findings-audio">
          Your system cannot play this recording.
        </audio>
      )}
      <FindingsPanel analysis={f.analysis} progress={f.progress} error={f.error} onSeek={seek} onRun={f.run} />
    </>
  );
}
