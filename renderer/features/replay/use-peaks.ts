import { useEffect, useState } from 'react';
import type { WaveformPeaks } from '../../../core/analysis/peaks.js';
import { client } from '../../client.js';

/** The session's waveform peaks, fetched again whenever its analysis changes (they are written together). */
export function usePeaks(sessionId: string, analysedAt: unknown): WaveformPeaks | null {
  const [peaks, setPeaks] = useState<WaveformPeaks | null>(null);
  useEffect(() => {
    let alive = true;
    if (!analysedAt) {
      setPeaks(null);
      return;
    }
    client.getPeaks({ sessionId }).then(
      (p) => alive && setPeaks(p),
      () => alive && setPeaks(null),
    );
    return () => {
      alive = false;
    };
  }, [sessionId, analysedAt]);
  return peaks;
}
