import type { Tryout } from '../../../core/tryout/schema.js';
import { client } from '../../client.js';
import { useRemote } from './use-remote.js';

/** The saved tryouts, newest day first, for the library's tryout-day filter ([] while loading or on error). */
export function useTryoutDays(): readonly Tryout[] {
  const r = useRemote('tryouts', () => client.listTryouts({}));
  return [...(r.data ?? [])].sort((a, b) => b.date.localeCompare(a.date) || a.name.localeCompare(b.name));
}
