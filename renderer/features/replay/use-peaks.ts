import { useEffect, useRef, useState } from 'react';
import type { WaveformPeaks } from '../../../core/analysis/peaks.js';
import { client } from '../../client.js';

/**
 * The session's waveform peaks. Asked for at once (in parallel with the analysis, so a long
 * session draws sooner), and again when an analysis arrives that they may not match yet: the
 * first one when there were no peaks, or a re-run (peaks and analysis are written together).
 */
export function usePeaks(sessionId: string, analysis: object | null): WaveformPeaks | null {
  const [peaks, setPeaks] = useState<WaveformPeaks | null>(null);
  const [answered, setAnswered] = useState(false);
  const [request, setRequest] = useState(0);
  const matched = useRef<object | null>(null);

  useEffect(() => {
    let alive = true;
    client.getPeaks({ sessionId }).then(
      (p) => {
        if (!alive) return;
        setPeaks(p);
        setAnswered(true);
      },
      () => alive && setAnswered(true),
    );
    return () => {
      alive = false;
    };
  }, [sessionId, request]);

  useEffect(() => {
    if (analysis === null || !answered || matched.current === analysis) return;
    const rerun = matched.current !== null;
    matched.current = analysis;
    if (rerun || peaks === null) {
      setAnswered(false);
      setRequest((n) => n + 1);
    }
  }, [analysis, answered, peaks]);

  return peaks;
}
