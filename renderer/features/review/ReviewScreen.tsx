import { useEffect, useRef } from 'react';
import type { Finding } from '../../../core/analysis/findings.js';
import { client } from '../../client.js';
import { incompleteText } from '../../../core/session/call-completeness.js';
import { useStore } from '../../store/index.js';
import { ScenarioVersion } from './ScenarioVersion.js';
import { useFindings } from '../findings/use-findings.js';
import { ReplayView } from '../replay/ReplayView.js';
import { usePeaks } from '../replay/use-peaks.js';
import { ReportLink } from '../library/ReportLink.js';
import { useReport } from '../library/use-report.js';
import { formatDate, formatDuration } from '../sessions/format.js';
import { CoachNamePrompt } from './CoachNamePrompt.js';
import { addAnnotation, changeAnnotation, decide, removeAnnotation, score, undecide, withSummary, withVerdict } from './review-content.js';
import { ReviewPanel } from './ReviewPanel.js';
import { TriageBar } from './TriageBar.js';
import './triage.css';
import { useCoachName } from './use-coach-name.js';
import { useReview } from './use-review.js';
import { useTriage } from './use-triage.js';

const NO_FINDINGS: readonly Finding[] = [];

/** One session under review: the replay on the left, the coach's review beside it. */
export function ReviewScreen() {
  const sessionId = useStore((s) => s.reviewSessionId);
  const setScreen = useStore((s) => s.setScreen);
  const coach = useCoachName();
  if (!sessionId) return <p className="muted">No session chosen.</p>;
  if (coach.asking)
    return (
      <CoachNamePrompt
        initial={coach.coachName}
        error={coach.error}
        onSave={(name) => void coach.save(name)}
        onCancel={coach.coachName ? coach.cancel : () => setScreen('sessions')}
      />
    );
  return <ReviewSession key={`${sessionId}/${coach.coachName}`} sessionId={sessionId} coachName={coach.coachName} onChangeCoach={coach.change} />;
}

function ReviewSession({ sessionId, coachName, onChangeCoach }: { sessionId: string; coachName: string; onChangeCoach: () => void }) {
  const setScreen = useStore((s) => s.setScreen);
  const review = useReview(sessionId, coachName);
  const findings = useFindings(sessionId, false);
  const peaks = usePeaks(sessionId, findings.analysis);
  const report = useReport();
  const heading = useRef<HTMLHeadingElement>(null);
  // Coming from the library by keyboard, focus starts at the session's title, not lost on the page.
  useEffect(() => heading.current?.focus(), []);
  const { detail, content, edit, flush } = review;
  const triage = useTriage(sessionId, coachName, findings.analysis?.findings ?? NO_FINDINGS, content, edit, flush);
  const manifest = detail?.manifest;
  const sampleRate = findings.analysis?.sampleRate ?? manifest?.sampleRate ?? 16_000;
  const back = () => {
    void flush();
    setScreen('sessions');
  };
  const now = () => new Date().toISOString();
  return (
    <section className="review-screen" aria-labelledby="review-session-title" data-testid="review-screen" data-session-id={sessionId}>
      <div className="review-head">
        <button type="button" onClick={back} data-testid="back-to-library">
          ← Sessions
        </button>
        <h2 id="review-session-title" ref={heading} tabIndex={-1}>{manifest ? `${manifest.candidate.name} · ${manifest.scenarioTitle}` : 'Loading the session…'}</h2>
        <button type="button" onClick={() => void flush().then(() => report.make({ kind: 'session', sessionId }))} disabled={report.view.busy} data-testid="session-report">
          PDF report
        </button>
      </div>
      {manifest && (
        <p className="muted small">
          {formatDate(manifest.createdAt)} · {formatDuration(manifest.durationFrames / manifest.sampleRate)}
          <ScenarioVersion manifest={manifest} />
          {manifest.status === 'recovered' && <span className="status status-recovered"> recovered</span>}
          {manifest.incomplete && (
            <span className="status status-incomplete" data-testid="review-incomplete">
              {' '}incomplete: {incompleteText(manifest.incomplete, manifest.sampleRate)}
            </span>
          )}
        </p>
      )}
      <ReportLink view={report.view} />
      <TriageBar triage={triage} onConfirm={triage.confirm} onUndo={triage.undo} onGo={triage.go} />
      {review.error && <p role="alert" className="banner error">{review.error}</p>}
      {findings.error && <p role="alert" className="banner error">{findings.error}</p>}
      {findings.progress && <p role="status">Running the checks… {Math.round(findings.progress.fraction * 100)}%</p>}
      {!findings.analysis && !findings.progress && (
        <p>
          The checks have not run on this session.{' '}
          <button type="button" onClick={findings.run} data-testid="review-run-checks">
            Run the checks
          </button>
        </p>
      )}
      {!detail || content === null ? (
        <p className="muted">Loading your review…</p>
      ) : (
        <ReplayView
          recordingUrl={client.recordingUrl(sessionId)}
          sampleRate={sampleRate}
          events={detail.events}
          analysis={findings.analysis}
          peaks={peaks}
          annotations={content.annotations}
          onAddAnnotation={(a) => edit((c) => addAnnotation(c, a))}
          onChangeAnnotation={(a) => edit((c) => changeAnnotation(c, a))}
          onRemoveAnnotation={(id) => edit((c) => removeAnnotation(c, id))}
          renderFindings={({ jumpToEvidence, selected }) => (
            <ReviewPanel
              coachName={coachName}
              findings={findings.analysis?.findings ?? []}
              sampleRate={sampleRate}
              content={content}
              others={review.others}
              saveState={review.saveState}
              onJump={jumpToEvidence}
              selectedEvidence={selected}
              onDecide={(f, status, reason) => edit((c) => decide(c, f, status, reason, now()))}
              onClearDecision={(f) => edit((c) => undecide(c, f))}
              onScore={(f, s) => edit((c) => score(c, f, s))}
              onSummary={(text) => edit((c) => withSummary(c, text))}
              onVerdict={(v) => edit((c) => withVerdict(c, v))}
              onChangeCoach={() => {
                void flush();
                onChangeCoach();
              }}
              onBlur={() => void flush()}
            />
          )}
        />
      )}
    </section>
  );
}
