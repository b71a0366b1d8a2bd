import { useCallback, useEffect, useState } from 'react';
import { useReplayPlayer, type ReplayPlayer } from '../replay/use-replay-player.js';

/** Stop this long after the moment's end, so its last word is heard out. */
const TAIL_SECONDS = 0.6;

export interface MomentPlayer {
  readonly audioRef: ReplayPlayer['audioRef'];
  /** The key of the moment playing, or null. */
  readonly playing: string | null;
  /** Plays the recording from `startFrame` to a little after `endFrame`; the same key again stops it. */
  toggle(key: string, startFrame: number, endFrame: number): void;
}

/** The call's recording, played one moment at a time (the replay screen's player underneath). */
export function useMomentPlayer(sampleRate: number): MomentPlayer {
  const player = useReplayPlayer(null);
  const [moment, setMoment] = useState<{ key: string; stopAt: number } | null>(null);
  const { playing, time, pause, play, seek } = player;

  useEffect(() => {
    if (!moment) return;
    if (playing && time >= moment.stopAt) pause();
  }, [moment, playing, time, pause]);

  // Paused by the end of the moment, the end of the file or the audio's own controls.
  useEffect(() => {
    if (!playing) setMoment(null);
  }, [playing]);

  const toggle = useCallback(
    (key: string, startFrame: number, endFrame: number) => {
      if (moment?.key === key && playing) {
        pause();
        return;
      }
      seek(startFrame / sampleRate);
      setMoment({ key, stopAt: endFrame / sampleRate + TAIL_SECONDS });
      play();
    },
    [moment, playing, pause, play, seek, sampleRate],
  );

  return { audioRef: player.audioRef, playing: playing ? (moment?.key ?? null) : null, toggle };
}
