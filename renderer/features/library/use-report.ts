import { useCallback, useState } from 'react';
import type { ReportFile } from '../../../core/api.js';
import { client } from '../../client.js';

export type ReportRequest = { readonly kind: 'session'; readonly sessionId: string } | { readonly kind: 'candidate'; readonly candidateName: string };

export interface ReportView {
  readonly busy: boolean;
  readonly made: ReportFile | null;
  readonly error: string | null;
}

/** Makes a PDF report (per session or per candidate) and keeps its link to show. */
export function useReport() {
  const [view, setView] = useState<ReportView>({ busy: false, made: null, error: null });
  const make = useCallback(async (request: ReportRequest) => {
    setView({ busy: true, made: null, error: null });
    try {
      const made = await client.createReport(request);
      setView({ busy: false, made, error: null });
    } catch (err) {
      setView({ busy: false, made: null, error: `The report could not be made: ${err instanceof Error ? err.message : String(err)}` });
    }
  }, []);
  return { view, make };
}
