import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionDetail } from '../../../core/api.js';
import { coachIdOf, EMPTY_REVIEW_CONTENT, type Review, type ReviewContent } from '../../../core/review/schema.js';
import { client } from '../../client.js';
import { savableContent } from './review-content.js';
import { ReviewSaver, type SaveState } from './review-saver.js';

export interface ReviewView {
  readonly detail: SessionDetail | null;
  /** This coach's review as edited here (null while loading). */
  readonly content: ReviewContent | null;
  /** The other coaches' reviews of this session, read-only. */
  readonly others: readonly Review[];
  readonly saveState: SaveState;
  readonly error: string | null;
  /** Applies one edit and saves it shortly after. */
  readonly edit: (change: (content: ReviewContent) => ReviewContent) => void;
  /** Saves now (on blur, before leaving). */
  readonly flush: () => Promise<void>;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** One coach's review of one session: loaded from the back end, saved as the coach goes. */
export function useReview(sessionId: string, coachName: string): ReviewView {
  const [detail, setDetail] = useState<SessionDetail | null>(null);
  const [content, setContent] = useState<ReviewContent | null>(null);
  const [others, setOthers] = useState<readonly Review[]>([]);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const [error, setError] = useState<string | null>(null);
  const current = useRef<ReviewContent | null>(null);
  const saver = useRef<ReviewSaver | null>(null);

  useEffect(() => {
    let alive = true;
    setDetail(null);
    client.getSession({ sessionId }).then((d) => alive && setDetail(d), (e: unknown) => alive && setError(messageOf(e)));
    return () => {
      alive = false;
    };
  }, [sessionId]);

  useEffect(() => {
    if (!coachName) return;
    let alive = true;
    const coachId = coachIdOf(coachName);
    const write = (c: ReviewContent) => client.saveReview({ sessionId, coachName, content: savableContent(c) });
    const s = new ReviewSaver(write, (state) => alive && setSaveState(state));
    saver.current = s;
    current.current = null;
    setContent(null);
    client.getReviews({ sessionId }).then(
      (reviews) => {
        if (!alive) return;
        const own = reviews.find((r) => r.coach.id === coachId);
        const loaded: ReviewContent = own
          ? { decisions: own.decisions, scores: own.scores, annotations: own.annotations, summary: own.summary, verdict: own.verdict }
          : EMPTY_REVIEW_CONTENT;
        current.current = loaded;
        setContent(loaded);
        setOthers(reviews.filter((r) => r.coach.id !== coachId));
      },
      (e: unknown) => alive && setError(`The reviews could not be read: ${messageOf(e)}`),
    );
    // Leaving the page or the screen writes what is pending.
    const onHide = () => void s.flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void s.flush();
      alive = false;
    };
  }, [sessionId, coachName]);

  const edit = useCallback((change: (c: ReviewContent) => ReviewContent) => {
    const before = current.current;
    if (before === null) return;
    const next = change(before);
    current.current = next;
    setContent(next);
    saver.current?.change(next);
  }, []);

  const flush = useCallback(async () => {
    await saver.current?.flush();
  }, []);

  return { detail, content, others, saveState, error, edit, flush };
}
