import { useEffect, useRef, useState } from 'react';
import type { WaveformPeaks } from '../../../core/analysis/peaks.js';
import { createWaveform, type Waveform } from './waveform.js';

/** Something drawn on the lanes: the evidence being looked at, an annotation, or one being made. */
export interface LaneMark {
  readonly id: string;
  readonly kind: 'evidence' | 'annotation' | 'draft';
  readonly startFrame: number;
  /** null: a point in time. */
  readonly endFrame: number | null;
  readonly label?: string;
}

export interface LanesProps {
  readonly media: React.RefObject<HTMLAudioElement | null>;
  readonly peaks: WaveformPeaks;
  readonly marks: readonly LaneMark[];
  /** Pixels per second; 0 fits the whole call in the width. */
  readonly zoom: number;
  /** A region dragged out on the waveform (frames). */
  readonly onSelectRange: (startFrame: number, endFrame: number) => void;
  /** An annotation's region was moved or resized. */
  readonly onMoveMark: (id: string, startFrame: number, endFrame: number | null) => void;
  readonly onClickMark: (id: string) => void;
}

const COLORS: Record<LaneMark['kind'], string> = {
  evidence: 'rgba(240, 160, 0, 0.35)',
  annotation: 'rgba(36, 87, 197, 0.18)',
  draft: 'rgba(36, 87, 197, 0.32)',
};
/** Annotations live on the trainee lane (channel 1); evidence spans both lanes. */
const TRAINEE_LANE = 1;

/** The customer and trainee lanes on one timeline (wavesurfer.js), drawn from precomputed peaks. */
export function Lanes({ media, peaks, marks, zoom, onSelectRange, onMoveMark, onClickMark }: LanesProps) {
  const container = useRef<HTMLDivElement>(null);
  const waveform = useRef<Waveform | null>(null);
  const [ready, setReady] = useState(false);
  // Drawn at "whole call" first; re-drawn only when the coach picks another zoom.
  const drawnZoom = useRef(0);
  // Callbacks change every render; the wavesurfer listeners read the latest through this ref.
  const handlers = useRef({ onSelectRange, onMoveMark, onClickMark });
  handlers.current = { onSelectRange, onMoveMark, onClickMark };

  useEffect(() => {
    const el = container.current;
    const audio = media.current;
    if (!el || !audio) return;
    const w = createWaveform(el, audio, peaks);
    waveform.current = w;
    const rate = peaks.sampleRate;
    const frameOf = (seconds: number) => Math.max(0, Math.round(seconds * rate));
    const offReady = w.ws.on('ready', () => setReady(true));
    w.regions.enableDragSelection({ color: COLORS.draft, channelIdx: TRAINEE_LANE }, 4);
    const offCreated = w.regions.on('region-created', (region) => {
      if (region.id.startsWith('mark:')) return;
      // A range dragged out by the coach: hand it up and let the parent draw it as a draft.
      region.remove();
      if (region.end > region.start) handlers.current.onSelectRange(frameOf(region.start), frameOf(region.end));
    });
    const offUpdated = w.regions.on('region-updated', (region) => {
      const id = region.id.slice('mark:'.length);
      handlers.current.onMoveMark(id, frameOf(region.start), region.end > region.start ? frameOf(region.end) : null);
    });
    const offClicked = w.regions.on('region-clicked', (region) => handlers.current.onClickMark(region.id.slice('mark:'.length)));
    return () => {
      offReady();
      offCreated();
      offUpdated();
      offClicked();
      w.ws.destroy();
      waveform.current = null;
      drawnZoom.current = 0;
      setReady(false);
    };
  }, [media, peaks]);

  useEffect(() => {
    const w = waveform.current;
    if (!w || !ready) return;
    w.regions.clearRegions();
    for (const mark of marks) {
      const editable = mark.kind === 'annotation';
      w.regions.addRegion({
        id: `mark:${mark.id}`,
        start: mark.startFrame / peaks.sampleRate,
        ...(mark.endFrame !== null ? { end: mark.endFrame / peaks.sampleRate } : {}),
        color: COLORS[mark.kind],
        channelIdx: mark.kind === 'evidence' ? -1 : TRAINEE_LANE,
        drag: editable,
        resize: editable,
        ...(mark.label ? { content: mark.label } : {}),
      });
    }
  }, [marks, ready, peaks.sampleRate]);

  useEffect(() => {
    const w = waveform.current;
    if (!w || !ready || drawnZoom.current === zoom) return;
    drawnZoom.current = zoom;
    w.ws.zoom(zoom);
  }, [zoom, ready]);

  return (
    <div className="replay-lanes" data-testid="replay-lanes" data-state={ready ? 'ready' : 'loading'}>
      <div className="lane-names" aria-hidden="true">
        <span>Customer</span>
        <span>Trainee</span>
      </div>
      <div
        ref={container}
        className="lane-waves"
        role="img"
        aria-label="Waveforms of the customer (top) and the trainee (bottom); click to play from there, drag on the trainee lane to mark a region"
      />
    </div>
  );
}
