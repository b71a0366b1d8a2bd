import { client } from '../../client.js';
import { useRemote } from './use-remote.js';

/** The picked sessions side by side (compareSessions). */
export function useComparison(sessionIds: readonly string[]) {
  return useRemote(sessionIds.join(','), () => client.compareSessions({ sessionIds: [...sessionIds] }));
}

/** Agreement between coaches over every session two or more of them finished (getCalibration). */
export function useCalibration() {
  return useRemote('all', () => client.getCalibration({}));
}
