import { useEffect, useRef } from 'react';

export interface ReplayKeyActions {
  readonly toggle: () => void;
  readonly pause: () => void;
  readonly skip: (seconds: number) => void;
  readonly nextFinding: () => void;
  readonly previousFinding: () => void;
  readonly markMoment: () => void;
}

/** The keys, for the help line and the tests: what each does. */
export const REPLAY_KEYS: readonly (readonly [string, string])[] = [
  ['Space', 'play / pause'],
  ['← →', '5 s back / on'],
  ['J K L', '10 s back / pause / 10 s on'],
  ['N P', 'next / previous finding'],
  ['M', 'mark a moment'],
];

/** Typing in a field, or working a form (a note, a reason, a tag checkbox), must not drive the player. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target instanceof HTMLInputElement || target.closest('form') !== null;
}

/**
 * Space on a button or link reached by Tab presses it; only elsewhere does it play or pause.
 * (The transcript's words are mouse-only buttons, tabIndex -1: after clicking one, Space plays.)
 */
function pressesControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const control = target.closest<HTMLElement>('button, a[href], summary, [role="button"], [role="radio"], [role="checkbox"], [role="tab"]');
  return control !== null && control.tabIndex >= 0;
}

/** Keyboard control of the replay while it is on screen (listens on the document). */
export function useReplayKeys(actions: ReplayKeyActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (e.key === ' ' && pressesControl(e.target)) return;
      const a = latest.current;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const act: Record<string, () => void> = {
        ' ': a.toggle,
        ArrowLeft: () => a.skip(-5),
        ArrowRight: () => a.skip(5),
        j: () => a.skip(-10),
        k: a.pause,
        l: () => a.skip(10),
        n: a.nextFinding,
        p: a.previousFinding,
        m: a.markMoment,
      };
      const run = act[key];
      if (!run) return;
      // Space would also press the focused button, and arrows would scroll the page.
      e.preventDefault();
      run();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
