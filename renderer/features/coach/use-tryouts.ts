import { useCallback, useEffect, useState } from 'react';
import { MAX_TRYOUT_FILE_CHARS, type CoachPinStatus, type TryoutExportFile } from '../../../core/api.js';
import type { Tryout } from '../../../core/tryout/schema.js';
import { client } from '../../client.js';
import { useStore } from '../../store/index.js';
import { saveInputOf, type TryoutFormState } from './tryout-form-model.js';

/** The saved tryouts, the coach PIN's state, and what a coach does with them (save, export, import, start the day). */

export type ImportStatus = { readonly kind: 'ok' | 'busy'; readonly text: string } | { readonly kind: 'error'; readonly text: string };

export interface TryoutsView {
  /** Null while loading. */
  readonly tryouts: readonly Tryout[] | null;
  readonly pin: CoachPinStatus | null;
  /** The last export, shown as a download link in its tryout's row. */
  readonly exported: { readonly tryoutId: string; readonly file: TryoutExportFile } | null;
  readonly importStatus: ImportStatus | null;
  /** A failed list, delete, export or start, with what was being done. */
  readonly error: string | null;
  /** What the coach just did ("Saved …", "Deleted …"), for a polite status line. */
  readonly notice: string | null;
  readonly busy: boolean;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function useTryouts() {
  const setTryoutDay = useStore((s) => s.setTryoutDay);
  const [tryouts, setTryouts] = useState<readonly Tryout[] | null>(null);
  const [pin, setPin] = useState<CoachPinStatus | null>(null);
  const [exported, setExported] = useState<TryoutsView['exported']>(null);
  const [importStatus, setImportStatus] = useState<ImportStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setTryouts(await client.listTryouts({}));
    } catch (err) {
      setTryouts([]);
      setError(`The saved tryouts could not be listed: ${messageOf(err)}`);
    }
  }, []);

  const refreshPin = useCallback(async () => {
    try {
      setPin(await client.coachPinStatus({}));
    } catch (err) {
      setError(`The coach PIN's state could not be read: ${messageOf(err)}`);
    }
  }, []);

  useEffect(() => {
    void refresh();
    void refreshPin();
  }, [refresh, refreshPin]);

  /** Runs one action on the list; its failure shows in the panel's error banner. */
  const run = useCallback(async (what: string, action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (err) {
      setError(`${what}: ${messageOf(err)}`);
    } finally {
      setBusy(false);
    }
  }, []);

  /** Saves the form; resolves to the back end's message when it refuses (shown verbatim), else null. */
  const save = useCallback(
    async (form: TryoutFormState): Promise<string | null> => {
      try {
        const saved = await client.saveTryout(saveInputOf(form));
        setNotice(`Saved “${saved.name}”.`);
        setError(null);
        await refresh();
        return null;
      } catch (err) {
        return messageOf(err);
      }
    },
    [refresh],
  );

  const remove = useCallback(
    (t: Tryout) =>
      run(`“${t.name}” was not deleted`, async () => {
        await client.deleteTryout({ tryoutId: t.id });
        setExported((e) => (e?.tryoutId === t.id ? null : e));
        await refresh();
        setNotice(`Deleted “${t.name}”.`);
      }),
    [refresh, run],
  );

  const exportOne = useCallback(
    (t: Tryout) =>
      run(`“${t.name}” was not exported`, async () => {
        setExported({ tryoutId: t.id, file: await client.exportTryout({ tryoutId: t.id }) });
      }),
    [run],
  );

  const importFile = useCallback(
    async (file: File) => {
      // A character is at most 4 bytes of UTF-8: a larger file cannot be one (and is not read into memory).
      if (file.size > MAX_TRYOUT_FILE_CHARS * 4) {
        setImportStatus({ kind: 'error', text: `${file.name} was not imported: it is too large to be an exported tryout.` });
        return;
      }
      setImportStatus({ kind: 'busy', text: `Reading ${file.name}…` });
      setNotice(null);
      setError(null);
      try {
        const { tryout, replaced } = await client.importTryout({ text: await file.text() });
        await refresh();
        setImportStatus({ kind: 'ok', text: replaced ? `Replaced “${tryout.name}” with the one in ${file.name}.` : `Imported “${tryout.name}”.` });
      } catch (err) {
        setImportStatus({ kind: 'error', text: `${file.name} was not imported: ${messageOf(err)}` });
      }
    },
    [refresh],
  );

  /** Turns this laptop into the tryout's kiosk; the app switches to the candidate screens by itself. */
  const startDay = useCallback(
    (t: Tryout) =>
      run(`The tryout day for “${t.name}” did not start`, async () => {
        setTryoutDay(await client.startTryoutDay({ tryoutId: t.id }));
      }),
    [run, setTryoutDay],
  );

  const view: TryoutsView = { tryouts, pin, exported, importStatus, error, notice, busy };
  return { view, save, remove, exportOne, importFile, startDay, refreshPin };
}
