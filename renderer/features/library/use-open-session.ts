import { useEffect, useState } from 'react';
import type { SessionDetail } from '../../../core/api.js';
import { client } from '../../client.js';

/** The session opened under the table (its timeline and recording). */
export function useOpenSession() {
  const [openId, setOpenId] = useState<string | null>(null);
  const [detail, setDetail] = useState<SessionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDetail(null);
    setError(null);
    if (!openId) return;
    let alive = true;
    client.getSession({ sessionId: openId }).then(
      (d) => alive && setDetail(d),
      (e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      alive = false;
    };
  }, [openId]);
  return { openId, detail, error, open: setOpenId, recordingUrl: (id: string) => client.recordingUrl(id) };
}
