import { CoachNotes } from './CoachNotes.js';
import { ModelAnswers } from './ModelAnswers.js';
import { NextTimeList } from './NextTimeList.js';
import { ScoreList } from './ScoreList.js';
import { WentWellList } from './WentWellList.js';
import { useDebrief, type DebriefState } from './use-debrief.js';
import { useMomentPlayer } from './use-moment-player.js';
import { useSystemVoice } from './use-system-voice.js';
import './debrief.css';

const STATUS_TEXT: Record<DebriefState['state'], string> = {
  preparing: 'Preparing your feedback… ',
  done: 'Your feedback is ready.',
  failed: 'Your feedback could not be prepared this time. The call is saved, and your coach can still listen to it.',
};

/**
 * The trainee's debrief at the end of a practice call: scores, what to do differently with the
 * moment to replay, what went well, what the coach will judge, and model answers beside theirs.
 * The coach's full findings stay on the session and review screens.
 */
export function DebriefSection({ sessionId }: { readonly sessionId: string }) {
  const d = useDebrief(sessionId);
  const player = useMomentPlayer(d.sampleRate);
  const voice = useSystemVoice();
  const { debrief } = d;
  return (
    <section className="debrief" data-testid="debrief" data-state={d.state} aria-labelledby="debrief-title" aria-busy={d.state === 'preparing'}>
      <h3 id="debrief-title">How the call went</h3>
      {/* One live region from the start, so the change to "ready" is announced. */}
      <p role="status" className={d.state === 'done' ? 'visually-hidden' : d.state === 'failed' ? 'banner warn' : undefined} data-testid="debrief-status">
        {STATUS_TEXT[d.state]}
        {d.state === 'preparing' && <progress max={1} value={d.fraction} aria-label="Feedback prepared so far" />}
      </p>
      {/* Always in the page, so a replay can start the moment the debrief appears. */}
      <div className="debrief-recording" hidden={!debrief}>
        <span id="debrief-recording-label">Your call</span>
        <audio ref={player.audioRef} controls src={d.recordingUrl} preload="metadata" data-testid="debrief-audio" aria-labelledby="debrief-recording-label">
          Your system cannot play this recording.
        </audio>
      </div>
      {debrief && (
        <>
          <ScoreList scores={debrief.scores} />
          <NextTimeList items={debrief.nextTime} player={player} />
          <WentWellList items={debrief.wentWell} />
          <CoachNotes listensFor={debrief.coachListensFor} checks={debrief.coachChecks} />
          <ModelAnswers answers={debrief.answers} player={player} voice={voice} />
        </>
      )}
    </section>
  );
}
