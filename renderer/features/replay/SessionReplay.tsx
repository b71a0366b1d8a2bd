import { useState } from 'react';
import type { SessionDetail } from '../../../core/api.js';
import type { Annotation } from '../../../core/review/schema.js';
import { FindingsPanel } from '../findings/FindingsPanel.js';
import { useFindings } from '../findings/use-findings.js';
import { ReplayView, type ReplayControls } from './ReplayView.js';
import { usePeaks } from './use-peaks.js';

export interface SessionReplayProps {
  readonly detail: SessionDetail;
  readonly recordingUrl: string;
  readonly controlsRef?: React.Ref<ReplayControls>;
}

/**
 * The replay with the session's automatic checks beside it. Annotations are kept on this screen
 * only until the coach's review (issue 5, review panel) saves them.
 */
export function SessionReplay({ detail, recordingUrl, controlsRef }: SessionReplayProps) {
  const { manifest, events } = detail;
  const findings = useFindings(manifest.id, false);
  const peaks = usePeaks(manifest.id, findings.analysis);
  const [annotations, setAnnotations] = useState<readonly Annotation[]>([]);
  return (
    <ReplayView
      recordingUrl={recordingUrl}
      sampleRate={manifest.sampleRate}
      events={events}
      analysis={findings.analysis}
      peaks={peaks}
      annotations={annotations}
      onAddAnnotation={(a) => setAnnotations((list) => [...list, a])}
      onChangeAnnotation={(a) => setAnnotations((list) => list.map((x) => (x.id === a.id ? a : x)))}
      onRemoveAnnotation={(id) => setAnnotations((list) => list.filter((x) => x.id !== id))}
      controlsRef={controlsRef}
      renderFindings={({ jumpToEvidence, selected }) => (
        <FindingsPanel
          analysis={findings.analysis}
          progress={findings.progress}
          error={findings.error}
          onRun={findings.run}
          selectedEvidence={selected}
          onSeek={(frame, evidence) => jumpToEvidence(evidence ?? { startFrame: frame, endFrame: frame })}
        />
      )}
    />
  );
}
