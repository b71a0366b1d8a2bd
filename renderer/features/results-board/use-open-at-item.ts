import { useEffect } from 'react';
import { useStore } from '../../store/index.js';

/** How long the review screen may take to show its items before the start item is given up. */
const GIVE_UP_MS = 60_000;

/** The row of one item on the review screen (an automatic finding or a coach-only score). */
export function itemSelector(itemKey: string): string {
  const slash = itemKey.indexOf('/');
  const [checklist, item] = slash < 0 ? ['', itemKey] : [itemKey.slice(0, slash), itemKey.slice(slash + 1)];
  return `[data-testid="review-checklist"][data-checklist="${CSS.escape(checklist)}"] [data-item="${CSS.escape(item)}"]`;
}

/**
 * The review screen's start item (openReviewAt): once that item's row is on screen, it is
 * scrolled to the middle, outlined and focused, so the coach lands on the first failing item.
 * Watches the page rather than the review's own code, which stays unaware of the board.
 */
export function useOpenAtItem(): void {
  const screen = useStore((s) => s.screen);
  const itemKey = useStore((s) => s.reviewStartItem);
  const sessionId = useStore((s) => s.reviewSessionId);
  useEffect(() => {
    if (screen !== 'review' || itemKey === null) return;
    const selector = itemSelector(itemKey);
    const land = (): boolean => {
      const el = document.querySelector<HTMLElement>(selector);
      if (!el) return false;
      el.dataset.startItem = 'true';
      if (!el.hasAttribute('tabindex')) el.tabIndex = -1;
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
      useStore.getState().clearReviewStartItem();
      return true;
    };
    if (land()) return;
    const observer = new MutationObserver(() => {
      if (land()) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      useStore.getState().clearReviewStartItem();
    }, GIVE_UP_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [screen, itemKey, sessionId]);
}
