import { useRef } from 'react';
import type { SessionDetail } from '../../../core/api.js';
import { incompleteText } from '../../../core/session/call-completeness.js';
import { formatDuration } from './format.js';
import { queueTags } from './queue-tags.js';
import { heardByTurn } from './turn-transcripts.js';
import { SessionReplay } from '../replay/SessionReplay.js';
import type { ReplayControls } from '../replay/ReplayView.js';

/** One session: its recording and what was said and typed, in order. */
export function SessionDetailView({ detail, recordingUrl }: { detail: SessionDetail; recordingUrl: string }) {
  const { manifest, events, drafts } = detail;
  const replay = useRef<ReplayControls>(null);
  // Each time stamp is a button: replay the recording from that moment.
  const at = (frame: number) => (
    <button type="button" className="seek" title="Play from here" onClick={() => replay.current?.playFrom(frame)}>
      {formatDuration(frame / manifest.sampleRate)}
    </button>
  );
  const queue = queueTags(events);
  const heard = heardByTurn(events);
  const queueTag = (i: number) => {
    const count = queue.tags.get(i);
    return count === undefined ? null : <QueueTag count={count} />;
  };
  const submitted = new Set(events.flatMap((e) => (e.type === 'typed-submitted' ? [e.stepId] : [])));
  const unsent = Object.entries(drafts).filter(([stepId, d]) => !submitted.has(stepId) && d.text.length > 0);
  return (
    <article className="session-detail" data-testid="session-detail" aria-label={`Session of ${manifest.candidate.name}`}>
      {manifest.status === 'recovered' && (
        <p className="banner warn">This session was interrupted and recovered: everything saved up to the interruption is kept.</p>
      )}
      {manifest.incomplete && (
        <p className="banner warn" data-testid="session-incomplete">
          Incomplete: {incompleteText(manifest.incomplete, manifest.sampleRate)}, so there is nothing of the trainee's to judge.
        </p>
      )}
      <SessionReplay key={manifest.id} detail={detail} recordingUrl={recordingUrl} controlsRef={replay} />
      <h3>Events</h3>
      <ol className="timeline">
        {events.map((e, i) => {
          if (e.type === 'line-started') return <li key={i}>{at(e.frame)} <b>Customer:</b> {e.caption}{queueTag(i)}</li>;
          if (e.type === 'turn-ended')
            return (
              <li key={i}>
                {at(e.frame)} <b>Trainee:</b>{' '}
                {heard.has(i) && <span className="heard" data-testid="turn-transcript">“{heard.get(i)}” </span>}
                {e.speechStartFrame === null || e.speechEndFrame === null ? '(no answer)' : `spoke for ${formatDuration((e.speechEndFrame - e.speechStartFrame) / manifest.sampleRate)}`}
                {queueTag(i)}
              </li>
            );
          if (e.type === 'typed-submitted') return <li key={i} data-testid="typed-answer-saved">{at(e.frame)} <b>Typed:</b> <span className="typed">{e.text}</span>{queueTag(i)}</li>;
          if (e.type === 'hold-started') return <li key={i}>{at(e.frame)} On hold ({e.seconds} s planned){queueTag(i)}</li>;
          if (e.type === 'still-there') return <li key={i}>{at(e.frame)} <b>Customer:</b> {e.caption} <span className="muted small">(no answer yet)</span>{queueTag(i)}</li>;
          if (e.type === 'talked-over') return <li key={i}>{at(e.frame)} The trainee started speaking over the customer{queueTag(i)}</li>;
          if (e.type === 'hold-ended') return <li key={i}>{at(e.frame)} Off hold{queueTag(i)}</li>;
          return null;
        })}
        {queue.trailing && <li>{at(queue.trailing.frame)} <QueueTag count={queue.trailing.count} /></li>}
      </ol>
      {unsent.length > 0 && (
        <section>
          <h4>Unsent drafts</h4>
          {unsent.map(([stepId, d]) => (
            <p key={stepId} data-testid="draft-text" className="typed">{d.text}</p>
          ))}
        </section>
      )}
    </article>
  );
}

function QueueTag({ count }: { count: number }) {
  return <span className="queue-tag" data-testid="queue-tag">Queue: {count} waiting</span>;
}
