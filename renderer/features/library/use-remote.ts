import { useEffect, useState } from 'react';

export interface Remote<T> {
  readonly data: T | null;
  readonly error: string | null;
}

/** Loads `load()` whenever `key` changes; the newest answer wins. */
export function useRemote<T>(key: string, load: () => Promise<T>): Remote<T> {
  const [state, setState] = useState<Remote<T>>({ data: null, error: null });
  useEffect(() => {
    let alive = true;
    setState({ data: null, error: null });
    load().then(
      (data) => alive && setState({ data, error: null }),
      (e: unknown) => alive && setState({ data: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      alive = false;
    };
    // `key` stands for what `load` reads, so a new closure with the same key does not reload.
  }, [key]);
  return state;
}
