import { useCallback, useEffect, useRef, useState } from 'react';
import type { Finding } from '../../../core/analysis/findings.js';
import { confirmedKeys, confirmRemaining, remainingToConfirm, undoConfirm } from '../../../core/review/confirm-remaining.js';
import type { FindingDecision, ReviewContent } from '../../../core/review/schema.js';
import { useStore } from '../../store/index.js';
import { findUnreviewed } from './review-queue.js';

/** The keys of the triage, for the hint on screen and the tests. */
export const TRIAGE_KEYS: readonly (readonly [string, string])[] = [
  ['C', 'confirm the remaining'],
  ['U', 'undo that'],
  ['Shift+N', 'next unreviewed'],
  ['Shift+P', 'previous unreviewed'],
];

export interface TriageView {
  /** Automatic passes and fails this coach has not decided yet. */
  readonly remaining: number;
  /** How many of the last "confirm the remaining" decisions Undo would take back (unchanged since); 0 when none. */
  readonly undoable: number;
  readonly moving: boolean;
  /** "No unreviewed session after this one", or a failed look-up. */
  readonly notice: string | null;
  readonly confirm: () => void;
  readonly undo: () => void;
  readonly go: (direction: 'next' | 'previous') => void;
}

/** Typing a reason, a note or a summary keeps its letters. Radios and checkboxes do not type. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return target.type !== 'radio' && target.type !== 'checkbox';
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.closest('form') !== null;
}

/**
 * The coach's triage on the review screen: confirm the remaining automatic results in one
 * action (undoable in one step), and go to the next / previous unreviewed session without the
 * library. Its keys listen on the window before the replay's own (Shift+N is not "next finding").
 */
export function useTriage(sessionId: string, coachName: string, findings: readonly Finding[], content: ReviewContent | null, edit: (change: (c: ReviewContent) => ReviewContent) => void, flush: () => Promise<void>): TriageView {
  const openReview = useStore((s) => s.openReview);
  const [added, setAdded] = useState<Readonly<Record<string, FindingDecision>> | null>(null);
  const [moving, setMoving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const remaining = content ? remainingToConfirm(content, findings).length : 0;

  const confirm = useCallback(() => {
    let decided: Record<string, FindingDecision> = {};
    edit((before) => {
      const after = confirmRemaining(before, findings, new Date().toISOString());
      decided = Object.fromEntries(confirmedKeys(before, after).flatMap((k) => (after.decisions[k] ? [[k, after.decisions[k]] as const] : [])));
      return after;
    });
    if (Object.keys(decided).length > 0) setAdded(decided);
    setNotice(null);
  }, [edit, findings]);

  const undo = useCallback(() => {
    if (!added) return;
    edit((c) => undoConfirm(c, added));
    setAdded(null);
  }, [edit, added]);

  const go = useCallback(
    (direction: 'next' | 'previous') => {
      setMoving(true);
      setNotice(null);
      void flush()
        .then(() => findUnreviewed(sessionId, coachName, direction))
        .then(
          (id) => {
            setMoving(false);
            if (id) openReview(id);
            else setNotice(direction === 'next' ? 'No unreviewed session after this one in the library’s list.' : 'No unreviewed session before this one in the library’s list.');
          },
          (e: unknown) => {
            setMoving(false);
            setNotice(`The next session could not be found: ${e instanceof Error ? e.message : String(e)}`);
          },
        );
    },
    [flush, sessionId, coachName, openReview],
  );

  const actions = useRef({ confirm, undo, go });
  actions.current = { confirm, undo, go };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const a = actions.current;
      const act: Record<string, () => void> = { c: a.confirm, u: a.undo, N: () => a.go('next'), P: () => a.go('previous') };
      const run = act[e.shiftKey ? e.key.toUpperCase() : e.key.toLowerCase()];
      if (!run) return;
      // Shift+N / Shift+P would also move the replay to the next finding.
      e.preventDefault();
      e.stopPropagation();
      run();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  // What Undo would still take back: the confirmations the coach has not changed since.
  const undoable = added && content ? Object.entries(added).filter(([k, d]) => content.decisions[k] === d).length : 0;
  return { remaining, undoable, moving, notice, confirm, undo, go };
}
