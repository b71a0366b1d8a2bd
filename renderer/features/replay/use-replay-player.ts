import { useCallback, useEffect, useRef, useState } from 'react';
import { createLaneMixer, type Lane, type LaneMixer } from './lane-mixer.js';

export const SPEEDS = [0.75, 1, 1.25, 1.5, 2] as const;

export interface ReplayPlayer {
  readonly audioRef: React.RefObject<HTMLAudioElement | null>;
  readonly playing: boolean;
  /** Seconds into the recording (updated about ten times a second while playing). */
  readonly time: number;
  readonly duration: number;
  readonly rate: number;
  readonly volumes: Readonly<Record<Lane, number>>;
  play(): void;
  pause(): void;
  toggle(): void;
  /** Jumps to `seconds` (clamped to the recording); keeps playing or paused as it was. */
  seek(seconds: number): void;
  skip(deltaSeconds: number): void;
  setRate(rate: number): void;
  setVolume(lane: Lane, volume: number): void;
  /** The lane's output level now, 0 … 1 (0 before the first play). */
  level(lane: Lane): number;
}

/** Playback of the session recording for the replay screen: one media element, a lane mixer, speed. */
export function useReplayPlayer(knownDuration: number | null): ReplayPlayer {
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const mixer = useRef<LaneMixer | null>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(knownDuration ?? 0);
  const [rate, setRateState] = useState(1);
  const [volumes, setVolumes] = useState<Record<Lane, number>>({ customer: 1, trainee: 1 });
  const volumesRef = useRef(volumes);
  volumesRef.current = volumes;

  useEffect(() => {
    if (knownDuration) setDuration(knownDuration);
  }, [knownDuration]);

  useEffect(() => {
    const audio = audioRef.current;
    if (!audio) return;
    let frame = 0;
    let last = 0;
    const sync = () => setTime(audio.currentTime);
    // While playing, follow the playhead at ~10 Hz (timeupdate alone comes only every 250 ms).
    const tick = (now: number) => {
      if (now - last > 90) {
        last = now;
        sync();
      }
      frame = requestAnimationFrame(tick);
    };
    const onPlay = () => {
      setPlaying(true);
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(tick);
    };
    const onPause = () => {
      setPlaying(false);
      cancelAnimationFrame(frame);
      sync();
    };
    const onMeta = () => {
      if (Number.isFinite(audio.duration) && audio.duration > 0) setDuration(audio.duration);
    };
    audio.addEventListener('play', onPlay);
    audio.addEventListener('pause', onPause);
    audio.addEventListener('ended', onPause);
    audio.addEventListener('seeked', sync);
    audio.addEventListener('timeupdate', sync);
    audio.addEventListener('loadedmetadata', onMeta);
    onMeta();
    return () => {
      cancelAnimationFrame(frame);
      audio.removeEventListener('play', onPlay);
      audio.removeEventListener('pause', onPause);
      audio.removeEventListener('ended', onPause);
      audio.removeEventListener('seeked', sync);
      audio.removeEventListener('timeupdate', sync);
      audio.removeEventListener('loadedmetadata', onMeta);
    };
  }, []);

  useEffect(
    () => () => {
      mixer.current?.close();
      mixer.current = null;
    },
    [],
  );

  const play = useCallback(() => {
    const audio = audioRef.current;
    if (!audio) return;
    // The mixer starts on the first play: a user gesture, so its audio context may run.
    if (!mixer.current) {
      try {
        mixer.current = createLaneMixer(audio, volumesRef.current);
      } catch {
        mixer.current = null; // Without Web Audio the recording still plays, both lanes together.
      }
    }
    void mixer.current?.resume().catch(() => undefined);
    void audio.play().catch(() => undefined);
  }, []);
  const pause = useCallback(() => audioRef.current?.pause(), []);
  const toggle = useCallback(() => {
    const audio = audioRef.current;
    if (audio && !audio.paused) audio.pause();
    else play();
  }, [play]);
  const seek = useCallback((seconds: number) => {
    const audio = audioRef.current;
    if (!audio) return;
    const end = Number.isFinite(audio.duration) ? audio.duration : Infinity;
    audio.currentTime = Math.max(0, Math.min(end, seconds));
    setTime(audio.currentTime);
  }, []);
  const skip = useCallback((delta: number) => seek((audioRef.current?.currentTime ?? 0) + delta), [seek]);
  const setRate = useCallback((r: number) => {
    setRateState(r);
    const audio = audioRef.current;
    if (audio) {
      audio.preservesPitch = true;
      audio.playbackRate = r;
    }
  }, []);
  const setVolume = useCallback((lane: Lane, volume: number) => {
    setVolumes((v) => ({ ...v, [lane]: volume }));
    mixer.current?.setVolume(lane, volume);
  }, []);
  const level = useCallback((lane: Lane) => mixer.current?.level(lane) ?? 0, []);

  return { audioRef, playing, time, duration, rate, volumes, play, pause, toggle, seek, skip, setRate, setVolume, level };
}
