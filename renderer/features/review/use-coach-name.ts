import { useCallback, useState } from 'react';
import { useStore } from '../../store/index.js';
import { client } from '../../client.js';

/** The coach's name from the settings, and a way to set it (asked once, then remembered). */
export function useCoachName() {
  const saved = useStore((s) => s.settings?.coachName ?? '');
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = useCallback(async (name: string) => {
    setError(null);
    try {
      const settings = await client.updateSettings({ patch: { coachName: name } });
      useStore.getState().setSettings(settings);
      setEditing(false);
    } catch (err) {
      setError(`Your name could not be saved: ${err instanceof Error ? err.message : String(err)}`);
    }
  }, []);
  return { coachName: saved, asking: editing || saved.trim() === '', error, save, change: () => setEditing(true), cancel: () => setEditing(false) };
}
