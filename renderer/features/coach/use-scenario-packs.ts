import { useCallback, useState } from 'react';
import { MAX_SCENARIO_PACK_BYTES, type ScenarioPackExport } from '../../../core/api.js';
import { TryoutError } from '../../../core/errors.js';
import { client } from '../../client.js';

/** Export and import of scenario packs, with progress, errors and the "Replace?" question. */

export interface PackConflict {
  /** "Replace "<title>"?", from the back end's message. */
  readonly question: string;
  readonly detail: string;
  readonly fileName: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

export interface PackView {
  readonly busy: 'export' | 'import' | null;
  readonly status: string | null;
  readonly error: string | null;
  readonly exported: ScenarioPackExport | null;
  readonly conflict: PackConflict | null;
}

const IDLE: PackView = { busy: null, status: null, error: null, exported: null, conflict: null };

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Splits the back end's conflict message into its question and the rest. */
export function splitConflict(message: string): { question: string; detail: string } {
  const m = /^(Replace "[^"]*"\?)\s*(.*)$/s.exec(message);
  return m ? { question: m[1] ?? '', detail: m[2] ?? '' } : { question: 'Replace the installed scenario?', detail: message };
}

export function useScenarioPacks(onImported: (scenarioId: string) => Promise<void>) {
  const [view, setView] = useState<PackView>(IDLE);

  const exportPack = useCallback(async (scenarioId: string) => {
    setView({ ...IDLE, busy: 'export', status: 'Packing the scenario and its clips…' });
    try {
      const exported = await client.exportScenarioPack({ scenarioId });
      setView({ ...IDLE, exported, status: `Exported ${exported.fileName} (${Math.ceil(exported.bytes / 1024)} KB).` });
    } catch (err) {
      setView({ ...IDLE, error: `The pack could not be exported: ${messageOf(err)}` });
    }
  }, []);

  const upload = useCallback(
    async (fileName: string, bytes: Uint8Array<ArrayBuffer>, replace: boolean) => {
      setView({ ...IDLE, busy: 'import', status: `Checking and installing ${fileName}…` });
      try {
        const result = await client.importScenarioPack({ pack: bytes, replace });
        await onImported(result.scenarioId);
        const how = result.replaced ? 'replaced the installed copy' : 'added';
        setView({ ...IDLE, status: `Imported "${result.title}" (${how}, ${result.clips} clips).` });
      } catch (err) {
        if (err instanceof TryoutError && err.code === 'conflict') {
          setView({ ...IDLE, conflict: { ...splitConflict(err.message), fileName, bytes } });
          return;
        }
        setView({ ...IDLE, error: `${fileName} was not imported. ${messageOf(err)}` });
      }
    },
    [onImported],
  );

  const importFile = useCallback(
    async (file: File) => {
      if (file.size > MAX_SCENARIO_PACK_BYTES) {
        setView({ ...IDLE, error: `${file.name} is larger than a scenario pack may be (${MAX_SCENARIO_PACK_BYTES / 1024 / 1024} MB).` });
        return;
      }
      setView({ ...IDLE, busy: 'import', status: `Reading ${file.name}…` });
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch (err) {
        setView({ ...IDLE, error: `${file.name} could not be read: ${messageOf(err)}` });
        return;
      }
      await upload(file.name, bytes, false);
    },
    [upload],
  );

  const confirmReplace = useCallback(async () => {
    const conflict = view.conflict;
    if (conflict) await upload(conflict.fileName, conflict.bytes, true);
  }, [upload, view.conflict]);

  const cancelReplace = useCallback(() => setView({ ...IDLE, status: 'Import cancelled: nothing was changed.' }), []);

  return { view, exportPack, importFile, confirmReplace, cancelReplace };
}
