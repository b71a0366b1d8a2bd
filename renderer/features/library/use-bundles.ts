import { useCallback, useState } from 'react';
import { MAX_SESSION_BUNDLE_BYTES, type SessionBundleExport } from '../../../core/api.js';
import { client } from '../../client.js';

export interface BundleView {
  readonly busy: 'export' | 'import' | null;
  readonly status: string | null;
  readonly error: string | null;
  readonly exported: SessionBundleExport | null;
}

const IDLE: BundleView = { busy: null, status: null, error: null, exported: null };
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Export of the picked sessions as one .tryout file, and import of one made on another laptop. */
export function useBundles(onImported: () => void) {
  const [view, setView] = useState<BundleView>(IDLE);

  const exportBundle = useCallback(async (sessionIds: readonly string[]) => {
    setView({ ...IDLE, busy: 'export', status: `Packing ${plural(sessionIds.length, 'session', 'sessions')} with their recordings and reviews…` });
    try {
      const exported = await client.exportSessionBundle({ sessionIds: [...sessionIds] });
      setView({ ...IDLE, exported, status: `Exported ${plural(exported.sessions, 'session', 'sessions')} to ${exported.fileName} (${Math.ceil(exported.bytes / 1024)} KB).` });
    } catch (err) {
      setView({ ...IDLE, error: `The bundle could not be made: ${messageOf(err)}` });
    }
  }, []);

  const importBundle = useCallback(
    async (file: File) => {
      if (!file.name.toLowerCase().endsWith('.tryout')) {
        setView({ ...IDLE, error: `${file.name} is not a session bundle: choose a .tryout file exported from Tryout's Sessions screen.` });
        return;
      }
      if (file.size > MAX_SESSION_BUNDLE_BYTES) {
        setView({ ...IDLE, error: `${file.name} is larger than a bundle may be (${MAX_SESSION_BUNDLE_BYTES / 1024 / 1024} MB). Export fewer sessions per bundle.` });
        return;
      }
      setView({ ...IDLE, busy: 'import', status: `Checking and importing ${file.name}…` });
      try {
        const bundle = new Uint8Array(await file.arrayBuffer());
        const r = await client.importSessionBundle({ bundle });
        onImported();
        const parts = [
          plural(r.imported.length, 'new session', 'new sessions'),
          r.updated.length > 0 ? plural(r.updated.length, 'session updated', 'sessions updated') : null,
          r.unchanged.length > 0 ? `${r.unchanged.length} already here` : null,
          plural(r.reviewsMerged, 'review merged', 'reviews merged'),
        ];
        setView({ ...IDLE, status: `Imported ${file.name}: ${parts.filter((x) => x !== null).join(', ')}.` });
      } catch (err) {
        setView({ ...IDLE, error: `${file.name} was not imported, and nothing was changed. ${messageOf(err)}` });
      }
    },
    [onImported],
  );

  return { view, exportBundle, importBundle };
}
