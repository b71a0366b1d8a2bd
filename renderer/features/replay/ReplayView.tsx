import { useCallback, useImperativeHandle, useMemo, useState, type ReactNode } from 'react';
import type { SessionAnalysis } from '../../../core/analysis/analyze.js';
import type { Evidence } from '../../../core/analysis/findings.js';
import type { WaveformPeaks } from '../../../core/analysis/peaks.js';
import type { Annotation } from '../../../core/review/schema.js';
import type { SessionEvent } from '../../../core/session/events.js';
import { AnnotationForm, type AnnotationDraft } from './AnnotationForm.js';
import { AnnotationList } from './AnnotationList.js';
import { Lanes, type LaneMark } from './Lanes.js';
import { activeLineKey, activeWordKey, evidenceMoments, replayLines, stepMoment, type EvidenceMoment } from './replay-transcript.js';
import { ReplayTranscript } from './ReplayTranscript.js';
import { Transport } from './Transport.js';
import { useReplayKeys } from './use-replay-keys.js';
import { useReplayPlayer } from './use-replay-player.js';
import './replay.css';

/** What the findings column gets: a way to jump to a piece of evidence, and the one selected. */
export interface ReplayFindingsControls {
  readonly jumpToEvidence: (evidence: Evidence) => void;
  readonly selected: Evidence | null;
}

/** For the rest of the screen (e.g. an event list whose times play the recording). */
export interface ReplayControls {
  readonly playFrom: (frame: number) => void;
}

export interface ReplayViewProps {
  readonly recordingUrl: string;
  readonly sampleRate: number;
  readonly events: readonly SessionEvent[];
  readonly analysis: SessionAnalysis | null;
  /** Precomputed waveform (getPeaks); null draws no lanes (not analysed yet) but still plays. */
  readonly peaks: WaveformPeaks | null;
  /** The coach's annotations; the parent owns and saves them. */
  readonly annotations: readonly Annotation[];
  readonly onAddAnnotation: (annotation: Annotation) => void;
  readonly onChangeAnnotation: (annotation: Annotation) => void;
  readonly onRemoveAnnotation: (id: string) => void;
  /** The findings beside the transcript (the session view's checks, or the coach's review panel). */
  readonly renderFindings?: (controls: ReplayFindingsControls) => ReactNode;
  readonly controlsRef?: React.Ref<ReplayControls>;
}

const ZOOMS = [
  { label: 'Whole call', pxPerSec: 0 },
  { label: '10 px/s', pxPerSec: 10 },
  { label: '40 px/s', pxPerSec: 40 },
  { label: '150 px/s', pxPerSec: 150 },
] as const;

/** "Finding 2 of 7: <title> – “<quote>”", read out when the coach moves to a finding. */
function momentText(moments: readonly EvidenceMoment[], index: number): string {
  const m = moments[index];
  if (!m) return '';
  const detail = m.evidence.quote ? ` – “${m.evidence.quote}”` : m.evidence.note ? ` – ${m.evidence.note}` : '';
  return `Finding ${index + 1} of ${moments.length}: ${m.title}${detail}`;
}

function newAnnotationId(): string {
  return `a-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * The replay of one session: the customer and trainee lanes on one timeline, a transcript that
 * follows playback, the findings beside it, speed, per-lane volume, keyboard control, and
 * annotations made on the waveform. Data comes in through props; the parent saves annotations.
 */
export function ReplayView(props: ReplayViewProps) {
  const { recordingUrl, sampleRate, events, analysis, peaks, annotations } = props;
  const player = useReplayPlayer(peaks ? peaks.durationFrames / peaks.sampleRate : null);
  const [highlight, setHighlight] = useState<Evidence | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [draft, setDraft] = useState<AnnotationDraft | null>(null);
  const [zoom, setZoom] = useState(0);
  const [status, setStatus] = useState('');

  const lines = useMemo(() => replayLines(events, analysis), [events, analysis]);
  const moments = useMemo(() => evidenceMoments(analysis?.findings ?? []), [analysis]);
  const frame = Math.round(player.time * sampleRate);
  const activeWord = activeWordKey(lines, frame);
  const activeLine = activeLineKey(lines, frame);

  const { seek, play } = player;
  const seekFrame = useCallback((f: number) => seek(f / sampleRate), [seek, sampleRate]);
  const playFrom = useCallback(
    (f: number) => {
      seek(f / sampleRate);
      play();
    },
    [seek, play, sampleRate],
  );
  useImperativeHandle(props.controlsRef, () => ({ playFrom }), [playFrom]);

  const jumpToEvidence = useCallback(
    (evidence: Evidence) => {
      setHighlight(evidence);
      const index = moments.findIndex((m) => m.evidence === evidence);
      setSelected(index < 0 ? null : index);
      setStatus(index < 0 ? '' : momentText(moments, index));
      playFrom(evidence.startFrame);
    },
    [moments, playFrom],
  );
  const stepFinding = (direction: 1 | -1) => {
    const index = stepMoment(moments, selected, frame, direction, sampleRate);
    const moment = index === null ? undefined : moments[index];
    if (index === null || !moment) {
      setStatus(moments.length === 0 ? 'No findings to step through.' : direction === 1 ? 'No more findings after this point.' : 'No findings before this point.');
      return;
    }
    setSelected(index);
    setHighlight(moment.evidence);
    seekFrame(moment.evidence.startFrame);
    setStatus(momentText(moments, index));
  };
  const markMoment = () => {
    if (!draft) setDraft({ id: null, startFrame: frame, endFrame: null, note: '', tags: [] });
  };

  useReplayKeys({
    toggle: player.toggle,
    pause: player.pause,
    skip: player.skip,
    nextFinding: () => stepFinding(1),
    previousFinding: () => stepFinding(-1),
    markMoment,
  });

  const editAnnotation = (id: string) => {
    const a = annotations.find((x) => x.id === id);
    if (a) setDraft({ id: a.id, startFrame: a.startFrame, endFrame: a.endFrame, note: a.note, tags: a.tags });
  };
  const moveAnnotation = (id: string, startFrame: number, endFrame: number | null) => {
    const a = annotations.find((x) => x.id === id);
    if (a && (a.startFrame !== startFrame || a.endFrame !== endFrame)) props.onChangeAnnotation({ ...a, startFrame, endFrame });
  };
  const saveDraft = (note: string, tags: readonly string[]) => {
    if (!draft) return;
    const existing = draft.id ? annotations.find((a) => a.id === draft.id) : undefined;
    if (existing) props.onChangeAnnotation({ ...existing, note, tags: [...tags] });
    else props.onAddAnnotation({ id: newAnnotationId(), startFrame: draft.startFrame, endFrame: draft.endFrame, note, tags: [...tags], createdAt: new Date().toISOString() });
    setDraft(null);
  };

  const marks = useMemo<LaneMark[]>(() => {
    const list: LaneMark[] = annotations
      .filter((a) => a.id !== draft?.id)
      .map((a) => ({ id: a.id, kind: 'annotation', startFrame: a.startFrame, endFrame: a.endFrame, label: a.tags.join(', ') || '✎' }));
    if (draft) list.push({ id: draft.id ?? 'draft', kind: 'draft', startFrame: draft.startFrame, endFrame: draft.endFrame, label: 'new' });
    if (highlight) list.push({ id: 'evidence', kind: 'evidence', startFrame: highlight.startFrame, endFrame: highlight.endFrame > highlight.startFrame ? highlight.endFrame : null });
    return list;
  }, [annotations, draft, highlight]);

  return (
    <section className="replay" data-testid="replay" aria-label="Replay">
      <audio ref={player.audioRef} src={recordingUrl} preload="metadata" data-testid="session-audio">
        Your system cannot play this recording.
      </audio>
      <Transport
        player={player}
        zooms={ZOOMS}
        zoom={zoom}
        onZoom={peaks ? setZoom : null}
        onMark={markMoment}
        onNextFinding={() => stepFinding(1)}
        onPreviousFinding={() => stepFinding(-1)}
        hasFindings={moments.length > 0}
      />
      {peaks ? (
        <Lanes
          media={player.audioRef}
          peaks={peaks}
          marks={marks}
          zoom={zoom}
          onSelectRange={(startFrame, endFrame) => setDraft({ id: null, startFrame, endFrame, note: '', tags: [] })}
          onMoveMark={moveAnnotation}
          onClickMark={editAnnotation}
        />
      ) : (
        <p className="replay-lanes empty muted" data-testid="replay-no-peaks">
          The waveform is drawn when the checks have run on this session.
        </p>
      )}
      <p className="replay-status" role="status" aria-live="polite" data-testid="replay-status">{status}</p>
      {draft && (
        <AnnotationForm
          key={`${draft.id ?? 'new'}-${draft.startFrame}-${draft.endFrame ?? ''}`}
          draft={draft}
          sampleRate={sampleRate}
          onSave={saveDraft}
          onDelete={
            draft.id
              ? () => {
                  props.onRemoveAnnotation(draft.id ?? '');
                  setDraft(null);
                }
              : null
          }
          onCancel={() => setDraft(null)}
        />
      )}
      <AnnotationList annotations={annotations} sampleRate={sampleRate} onSeek={seekFrame} onEdit={editAnnotation} />
      <div className="replay-columns">
        <div className="replay-column">
          <h3>Transcript</h3>
          <ReplayTranscript lines={lines} sampleRate={sampleRate} activeLine={activeLine} activeWord={activeWord} onSeek={seekFrame} />
        </div>
        {props.renderFindings && <div className="replay-column">{props.renderFindings({ jumpToEvidence, selected: highlight })}</div>}
      </div>
    </section>
  );
}
