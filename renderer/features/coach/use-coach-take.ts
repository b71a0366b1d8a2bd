import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_COACH_CLIP_SECONDS } from '../../../core/api.js';
import type { ClipPlayer } from '../../audio/clip-player.js';
import { LINE_SAMPLE_RATE, LineRecorder } from '../../audio/line-recorder.js';
import { describeMicError } from '../../audio/microphone.js';
import { useStore } from '../../store/index.js';

/** One take at a time: record, stop, listen, then keep (save) or redo. */
export type TakePhase = 'idle' | 'starting' | 'recording' | 'recorded' | 'saving';

export interface TakeView {
  readonly stepId: string | null;
  readonly phase: TakePhase;
  readonly seconds: number;
  readonly db: number;
  readonly listening: boolean;
}

const IDLE: TakeView = { stepId: null, phase: 'idle', seconds: 0, db: -100, listening: false };

export interface TakeDeps {
  readonly player: ClipPlayer;
  /** Saves the kept take (mono 16-bit PCM bytes at 16 kHz). */
  readonly keep: (stepId: string, pcm: Uint8Array) => Promise<void>;
  readonly onError: (message: string | null) => void;
}

export function useCoachTake({ player, keep, onError }: TakeDeps) {
  const settings = useStore((s) => s.settings);
  const [view, setView] = useState<TakeView>(IDLE);
  const recorder = useRef<LineRecorder | null>(null);
  const take = useRef<Int16Array | null>(null);
  const limit = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const stop = useCallback(async () => {
    clearTimeout(limit.current);
    const r = recorder.current;
    recorder.current = null;
    if (!r) return;
    take.current = await r.stop();
    setView((v) => ({ ...v, phase: 'recorded', seconds: (take.current?.length ?? 0) / LINE_SAMPLE_RATE, db: -100 }));
  }, []);

  const record = useCallback(
    async (stepId: string) => {
      if (!settings || recorder.current) return;
      player.stop();
      onError(null);
      take.current = null;
      setView({ ...IDLE, stepId, phase: 'starting' });
      try {
        const r = await LineRecorder.start(settings.micDeviceId, settings, MAX_COACH_CLIP_SECONDS, (db) => {
          setView((v) => (v.phase === 'recording' ? { ...v, db, seconds: recorder.current?.seconds ?? v.seconds } : v));
        });
        recorder.current = r;
        setView((v) => ({ ...v, phase: 'recording' }));
        limit.current = setTimeout(() => void stop(), MAX_COACH_CLIP_SECONDS * 1000);
      } catch (err) {
        setView(IDLE);
        onError(describeMicError(err));
      }
    },
    [settings, player, onError, stop],
  );

  const listen = useCallback(async () => {
    const samples = take.current;
    if (!samples) return;
    setView((v) => ({ ...v, listening: true }));
    await player.playSamples(samples, LINE_SAMPLE_RATE).catch(() => undefined);
    setView((v) => ({ ...v, listening: false }));
  }, [player]);

  const keepTake = useCallback(async () => {
    const samples = take.current;
    const stepId = view.stepId;
    if (!samples || !stepId) return;
    player.stop();
    setView((v) => ({ ...v, phase: 'saving', listening: false }));
    try {
      await keep(stepId, new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength));
      take.current = null;
      setView(IDLE);
    } catch (err) {
      setView((v) => ({ ...v, phase: 'recorded' }));
      onError(`The recording was not saved: ${err instanceof Error ? err.message : String(err)}`);
    }
  }, [keep, onError, player, view.stepId]);

  const discard = useCallback(() => {
    clearTimeout(limit.current);
    player.stop();
    void recorder.current?.close();
    recorder.current = null;
    take.current = null;
    setView(IDLE);
  }, [player]);

  const redo = useCallback(() => {
    const stepId = view.stepId;
    discard();
    if (stepId) void record(stepId);
  }, [discard, record, view.stepId]);

  // Leaving the screen mid-take releases the microphone.
  useEffect(
    () => () => {
      clearTimeout(limit.current);
      void recorder.current?.close();
    },
    [],
  );

  return { view, record, stop, listen, keep: keepTake, redo, discard };
}
