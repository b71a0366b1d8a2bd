import type { DebriefAnswer } from '../../../core/debrief/debrief.js';
import { answerHeading } from './debrief-text.js';
import { HearItButton } from './HearItButton.js';
import { ReplayButton } from './ReplayButton.js';
import type { MomentPlayer } from './use-moment-player.js';
import type { SystemVoice } from './use-system-voice.js';

export interface ModelAnswersProps {
  readonly answers: readonly DebriefAnswer[];
  readonly player: MomentPlayer;
  readonly voice: SystemVoice;
}

/** Per listening step: the scenario's model answer, to read and hear, beside the trainee's own. */
export function ModelAnswers({ answers, player, voice }: ModelAnswersProps) {
  if (answers.length === 0) return null;
  return (
    <section className="debrief-part" aria-labelledby="debrief-answers-title" data-testid="debrief-answers">
      <h4 id="debrief-answers-title">A model answer beside yours</h4>
      {answers.map((a, i) => {
        const heading = answerHeading(i, answers.length);
        const key = `answer:${a.stepId}`;
        return (
          <article key={a.stepId} className="debrief-answer" data-testid="debrief-answer" data-step-id={a.stepId} aria-label={heading}>
            <h5>{heading}</h5>
            <div className="debrief-answer-pair">
              <div className="debrief-yours">
                <h6>{a.kind === 'typed' ? 'What you wrote' : 'What you said'}</h6>
                {a.yours.length > 0 ? (
                  a.yours.map((text, n) => (
                    <p key={n} className={a.kind === 'typed' ? 'typed' : undefined} data-testid="your-answer">
                      {text}
                    </p>
                  ))
                ) : (
                  <p className="muted">No words were made out from this answer. Listen to it instead.</p>
                )}
                {a.moment && (
                  <ReplayButton testId="hear-your-answer" label="Hear yours" describes={heading.toLowerCase()} playing={player.playing === key} onToggle={() => a.moment && player.toggle(key, a.moment.startFrame, a.moment.endFrame)} />
                )}
              </div>
              <div className="debrief-model">
                <h6>Model answer</h6>
                {a.modelAnswer ? (
                  <>
                    <p data-testid="model-answer">{a.modelAnswer}</p>
                    <HearItButton describes={`the model answer, ${heading.toLowerCase()}`} speaking={voice.speaking === key} onToggle={() => (voice.speaking === key ? voice.stop() : voice.speak(key, a.modelAnswer ?? ''))} />
                  </>
                ) : (
                  <p className="muted">This scenario has no model answer for this step yet.</p>
                )}
              </div>
            </div>
          </article>
        );
      })}
    </section>
  );
}
