import { useEffect, useState } from 'react';
import type { SessionDetail } from '../../../core/api.js';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';

export function useSessions() {
  const sessions = useStore((s) => s.sessions);
  const catalog = useStore((s) => s.catalog);
  const [openId, setOpenId] = useState<string | null>(null);
  const [detail, setDetail] = useState<SessionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void client.listSessions({}).then((list) => useStore.getState().setSessions(list)).catch((e: unknown) => setError(String(e)));
  }, []);

  useEffect(() => {
    setDetail(null);
    if (!openId) return;
    client.getSession({ sessionId: openId }).then(setDetail, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [openId]);

  return {
    sessions,
    titleOf: (id: string) => catalog?.scenarios.find((s) => s.id === id)?.title,
    openId,
    detail,
    error,
    open: (id: string | null) => setOpenId(id),
    recordingUrl: (id: string) => client.recordingUrl(id),
  };
}
