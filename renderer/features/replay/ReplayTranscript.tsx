import { Fragment, memo, useEffect, useRef } from 'react';
import { clockText } from '../findings/labels.js';
import { wordKey, type ReplayLine } from './replay-transcript.js';

export interface ReplayTranscriptProps {
  readonly lines: readonly ReplayLine[];
  readonly sampleRate: number;
  readonly activeLine: string | null;
  readonly activeWord: string | null;
  readonly onSeek: (frame: number) => void;
}

const WHO: Record<ReplayLine['kind'], string> = { customer: 'Customer', trainee: 'Trainee', typed: 'Typed' };

/** What was said and typed, following playback: the current word is marked, every word seeks. */
export function ReplayTranscript({ lines, sampleRate, activeLine, activeWord, onSeek }: ReplayTranscriptProps) {
  const list = useRef<HTMLOListElement>(null);
  // Keep the line being heard in view, inside the transcript's own scroll box.
  useEffect(() => {
    const box = list.current;
    const line = box?.querySelector<HTMLElement>('[data-active="true"]');
    if (!box || !line) return;
    const top = line.offsetTop; // the list is positioned, so this is relative to it
    if (top < box.scrollTop || top + line.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = Math.max(0, top - box.clientHeight / 3);
  }, [activeLine]);
  if (lines.length === 0) return <p className="muted">Nothing was said or typed yet.</p>;
  return (
    <ol className="replay-transcript" ref={list} data-testid="replay-transcript" aria-label="Transcript">
      {lines.map((line) => (
        <TranscriptLine
          key={line.key}
          line={line}
          sampleRate={sampleRate}
          active={line.key === activeLine}
          activeWord={activeWord?.startsWith(`${line.key}w`) ? activeWord : null}
          onSeek={onSeek}
        />
      ))}
    </ol>
  );
}

interface LineProps {
  readonly line: ReplayLine;
  readonly sampleRate: number;
  readonly active: boolean;
  readonly activeWord: string | null;
  readonly onSeek: (frame: number) => void;
}

/** One line; memoised, so following playback re-renders only the lines whose highlight changes. */
const TranscriptLine = memo(function TranscriptLine({ line, sampleRate, active, activeWord, onSeek }: LineProps) {
  return (
    <li className={`replay-line ${line.kind}`} data-active={active} data-testid={`replay-line-${line.kind}`}>
      <button type="button" className="seek" title="Play from here" onClick={() => onSeek(line.startFrame)}>
        {clockText(line.startFrame, sampleRate)}
      </button>
      <span className="who">{WHO[line.kind]}</span>
      {line.kind === 'trainee' ? (
        <span
          className="words"
          onClick={(e) => {
            const start = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('[data-start]')?.dataset.start : undefined;
            if (start !== undefined) onSeek(Number(start));
          }}
        >
          {line.words.map((w, i) => {
            const key = wordKey(line.key, i);
            // One element per word and one click handler per line: a 30-minute call has thousands of words.
            return (
              <Fragment key={key}>
                <button
                  type="button"
                  tabIndex={-1}
                  className={key === activeWord ? 'word current' : 'word'}
                  data-testid="replay-word"
                  data-start={w.startFrame}
                  aria-current={key === activeWord ? 'true' : undefined}
                >
                  {w.word}
                </button>{' '}
              </Fragment>
            );
          })}
          {line.note && <span className="muted">{line.note}</span>}
        </span>
      ) : (
        <span className={line.kind === 'typed' ? 'typed' : undefined}>{line.text}</span>
      )}
    </li>
  );
});
