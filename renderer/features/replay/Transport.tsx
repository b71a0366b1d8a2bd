import { useEffect, useRef } from 'react';
import { LANES, type Lane } from './lane-mixer.js';
import { REPLAY_KEYS } from './use-replay-keys.js';
import { SPEEDS, type ReplayPlayer } from './use-replay-player.js';

export interface TransportProps {
  readonly player: ReplayPlayer;
  readonly zooms: readonly { readonly label: string; readonly pxPerSec: number }[];
  readonly zoom: number;
  /** null when there is no waveform to zoom. */
  readonly onZoom: ((pxPerSec: number) => void) | null;
  readonly onMark: () => void;
  readonly onNextFinding: () => void;
  readonly onPreviousFinding: () => void;
  readonly hasFindings: boolean;
}

const LANE_LABEL: Record<Lane, string> = { customer: 'Customer', trainee: 'Trainee' };

function clock(seconds: number): string {
  const s = Math.max(0, seconds);
  const m = Math.floor(s / 60);
  return `${m}:${(s - m * 60).toFixed(1).padStart(4, '0')}`;
}

/** Play, time, skip, speed, zoom, per-lane volume with a live level, and the keys. */
export function Transport({ player, zooms, zoom, onZoom, onMark, onNextFinding, onPreviousFinding, hasFindings }: TransportProps) {
  return (
    <div className="replay-transport" data-testid="replay-transport">
      <div className="transport-row">
        <button type="button" className="primary play" onClick={player.toggle} data-testid="replay-play" aria-keyshortcuts="Space">
          {player.playing ? 'Pause' : 'Play'}
        </button>
        <span className="replay-clock" data-testid="replay-clock">
          {clock(player.time)} / {clock(player.duration)}
        </span>
        <button type="button" onClick={() => player.skip(-10)} aria-keyshortcuts="J" title="10 s back (J)">−10 s</button>
        <button type="button" onClick={() => player.skip(10)} aria-keyshortcuts="L" title="10 s on (L)">+10 s</button>
        <button type="button" onClick={onPreviousFinding} disabled={!hasFindings} aria-keyshortcuts="P" title="Previous finding (P)">◀ Finding</button>
        <button type="button" onClick={onNextFinding} disabled={!hasFindings} aria-keyshortcuts="N" title="Next finding (N)" data-testid="replay-next-finding">Finding ▶</button>
        <button type="button" onClick={onMark} aria-keyshortcuts="M" title="Mark this moment (M)" data-testid="replay-mark">Mark moment</button>
        <label className="inline-field">
          Speed{' '}
          <select value={player.rate} onChange={(e) => player.setRate(Number(e.target.value))} data-testid="replay-speed">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>{s}×</option>
            ))}
          </select>
        </label>
        {onZoom && (
          <label className="inline-field">
            Zoom{' '}
            <select value={zoom} onChange={(e) => onZoom(Number(e.target.value))} data-testid="replay-zoom">
              {zooms.map((z) => (
                <option key={z.pxPerSec} value={z.pxPerSec}>{z.label}</option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="transport-row">
        {LANES.map((lane) => (
          <LaneVolume key={lane} lane={lane} player={player} />
        ))}
        <span className="muted small replay-keys" aria-label="Keyboard shortcuts">
          {REPLAY_KEYS.map(([k, what]) => (
            <span key={k}>
              <kbd>{k}</kbd> {what}
            </span>
          ))}
        </span>
      </div>
    </div>
  );
}

/** A lane's volume slider and what it is playing now (read from the mixer each frame, no re-render). */
function LaneVolume({ lane, player }: { lane: Lane; player: ReplayPlayer }) {
  const fill = useRef<HTMLSpanElement>(null);
  const { level, playing } = player;
  useEffect(() => {
    let frame = 0;
    const draw = () => {
      const el = fill.current;
      if (el) {
        const value = level(lane);
        // RMS to a 0..1 bar on a -50..0 dB scale.
        const db = 20 * Math.log10(Math.max(value, 1e-5));
        el.style.width = `${Math.max(0, Math.min(100, ((db + 50) / 50) * 100))}%`;
        el.dataset.level = value.toFixed(4);
      }
      if (playing) frame = requestAnimationFrame(draw);
    };
    draw();
    return () => cancelAnimationFrame(frame);
  }, [lane, level, playing]);
  return (
    <label className="lane-volume" data-lane={lane}>
      <span>{LANE_LABEL[lane]}</span>
      <input
        type="range"
        min={0}
        max={1}
        step={0.05}
        value={player.volumes[lane]}
        onChange={(e) => player.setVolume(lane, Number(e.target.value))}
        aria-label={`${LANE_LABEL[lane]} volume`}
        data-testid={`volume-${lane}`}
      />
      <span className="lane-level" aria-hidden="true">
        <span ref={fill} className="lane-level-fill" data-testid={`level-${lane}`} data-level="0" />
      </span>
    </label>
  );
}
