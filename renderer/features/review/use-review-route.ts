import { useEffect } from 'react';
import { useStore } from '../../store/index.js';

const ROUTE = /^#review\/([A-Za-z0-9_-]{1,128})$/;

/**
 * Keeps the open review in the address (#review/<session id>), so a reload comes back to the
 * same review with everything saved, rather than to the home screen.
 */
export function useReviewRoute(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const m = ROUTE.exec(window.location.hash);
    if (m?.[1]) useStore.getState().openReview(m[1]);
    const sync = (s: { screen: string; reviewSessionId: string | null }) => {
      const want = s.screen === 'review' && s.reviewSessionId ? `#review/${s.reviewSessionId}` : '';
      if (window.location.hash !== want) history.replaceState(null, '', want || window.location.pathname + window.location.search);
    };
    sync(useStore.getState());
    return useStore.subscribe(sync);
  }, [ready]);
}
