import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecogniserTest, SpeechStatus } from '../../../core/speech/engine-status.js';
import { LINE_SAMPLE_RATE, LineRecorder } from '../../audio/line-recorder.js';
import { describeMicError } from '../../audio/microphone.js';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';

/** How long the test records. */
export const TEST_SECONDS = 4;

export type TestPhase = 'idle' | 'starting' | 'recording' | 'recognising' | 'done' | 'error';

export interface TestView {
  readonly phase: TestPhase;
  /** Seconds recorded so far. */
  readonly seconds: number;
  readonly db: number;
  readonly result: RecogniserTest | null;
  readonly error: string | null;
}

const IDLE: TestView = { phase: 'idle', seconds: 0, db: -100, result: null, error: null };

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The engines' status from the back end, and the "test my microphone and recogniser" recording. */
export function useSpeechStatus() {
  const settings = useStore((s) => s.settings);
  const [status, setStatus] = useState<SpeechStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [test, setTest] = useState<TestView>(IDLE);
  const recorder = useRef<LineRecorder | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | undefined>(undefined);
  const alive = useRef(true);

  const load = useCallback(() => {
    setLoadError(null);
    client.getSpeechStatus({}).then(
      (s) => alive.current && setStatus(s),
      (err: unknown) => alive.current && setLoadError(`The speech engines could not be checked: ${messageOf(err)}`),
    );
  }, []);

  useEffect(() => {
    alive.current = true;
    load();
    return () => {
      // Leaving the screen mid-test releases the microphone.
      alive.current = false;
      clearInterval(timer.current);
      void recorder.current?.close();
      recorder.current = null;
    };
  }, [load]);

  const recognise = useCallback(async (r: LineRecorder) => {
    const take = await r.stop();
    if (!alive.current) return;
    setTest((v) => ({ ...v, phase: 'recognising', seconds: take.length / LINE_SAMPLE_RATE, db: -100 }));
    try {
      // A copy on its own ArrayBuffer: the request body must not be a view of shared memory.
      const pcm = new Uint8Array(take.byteLength);
      pcm.set(new Uint8Array(take.buffer, take.byteOffset, take.byteLength));
      const result = await client.testRecogniser({ pcm, sampleRate: LINE_SAMPLE_RATE });
      if (alive.current) setTest((v) => ({ ...v, phase: 'done', result }));
    } catch (err) {
      if (alive.current) setTest((v) => ({ ...v, phase: 'error', error: `The recogniser failed: ${messageOf(err)}` }));
    }
  }, []);

  const start = useCallback(async () => {
    if (!settings || recorder.current) return;
    setTest({ ...IDLE, phase: 'starting' });
    let r: LineRecorder;
    try {
      r = await LineRecorder.start(settings.micDeviceId, settings, TEST_SECONDS, (db) => setTest((v) => (v.phase === 'recording' ? { ...v, db } : v)));
    } catch (err) {
      setTest({ ...IDLE, phase: 'error', error: describeMicError(err) });
      return;
    }
    if (!alive.current) return void r.close();
    recorder.current = r;
    setTest((v) => ({ ...v, phase: 'recording' }));
    timer.current = setInterval(() => {
      const seconds = r.seconds;
      setTest((v) => (v.phase === 'recording' ? { ...v, seconds: Math.min(seconds, TEST_SECONDS) } : v));
      if (seconds < TEST_SECONDS) return;
      clearInterval(timer.current);
      recorder.current = null;
      void recognise(r).catch((err: unknown) => alive.current && setTest((v) => ({ ...v, phase: 'error', error: `The recording failed: ${messageOf(err)}` })));
    }, 100);
  }, [settings, recognise]);

  return { status, loadError, reload: load, test, start, ready: settings !== null };
}
