import { LevelMeter } from '../../components/LevelMeter.js';
import type { CustomerLine } from '../../../core/scenario/library.js';
import type { TakeView } from './use-coach-take.js';

const SOURCE_LABEL: Record<CustomerLine['source'], string> = {
  coach: 'Coach recording',
  synthetic: 'Synthetic voice',
  missing: 'No clip (system voice)',
};

export interface LineRowProps {
  readonly line: CustomerLine;
  /** The take being made, when it is for this line. */
  readonly take: TakeView | null;
  /** Another line is being recorded: this one waits. */
  readonly busyElsewhere: boolean;
  readonly playing: boolean;
  readonly onPlay: () => void;
  readonly onStopPlaying: () => void;
  readonly onRecord: () => void;
  readonly onStop: () => void;
  readonly onListen: () => void;
  readonly onKeep: () => void;
  readonly onRedo: () => void;
  readonly onDiscard: () => void;
  readonly onUseSynthetic: () => void;
  readonly onPreview: () => void;
}

/** One customer line: caption, what plays it now, and the record / listen / keep / redo controls. */
export function LineRow(p: LineRowProps) {
  const { line, take } = p;
  const id = line.stepId;
  const phase = take?.phase ?? 'idle';
  const shared = line.sharesClipWith !== null;
  return (
    <li className="coach-line" data-testid={`line-${id}`} data-source={line.source} data-take={phase}>
      <div className="coach-line-head">
        <span className="coach-step-id">{id}</span>
        <span className={`source-badge source-${line.source}`} data-testid={`source-${id}`}>
          {SOURCE_LABEL[line.source]}
          {line.root === 'user' && line.source !== 'missing' ? ' (your folder)' : ''}
        </span>
      </div>
      <p className="coach-caption">{line.caption}</p>
      {shared && <p className="small muted">Plays the same clip as “{line.sharesClipWith}”: record it there.</p>}
      {(phase === 'recording' || phase === 'starting') && (
        <div className="mic-row" aria-live="polite">
          <span>{phase === 'starting' ? 'Opening the microphone…' : `Recording… ${take?.seconds.toFixed(1) ?? '0.0'} s`}</span>
          <LevelMeter db={take?.db ?? -100} label="Microphone level" />
        </div>
      )}
      {phase === 'recorded' && <p className="small" aria-live="polite">Take: {take?.seconds.toFixed(1)} s. Listen to it, then keep it or record again.</p>}
      {phase === 'saving' && <p className="small" aria-live="polite">Saving the take…</p>}
      <div className="coach-buttons">
        {phase === 'idle' && (
          <>
            {p.playing ? (
              <button type="button" onClick={p.onStopPlaying} data-testid={`stop-playing-${id}`}>
                Stop
              </button>
            ) : (
              <button type="button" onClick={p.onPlay} disabled={line.source === 'missing'} data-testid={`play-${id}`}>
                Play current
              </button>
            )}
            <button type="button" className="primary" onClick={p.onRecord} disabled={p.busyElsewhere || shared} data-testid={`record-${id}`}>
              Record
            </button>
            {line.source === 'coach' && !shared && (
              <button type="button" onClick={p.onUseSynthetic} disabled={p.busyElsewhere} data-testid={`synthetic-${id}`}>
                Use synthetic voice
              </button>
            )}
          </>
        )}
        {phase === 'recording' && (
          <button type="button" className="danger" onClick={p.onStop} data-testid={`stop-${id}`} autoFocus>
            Stop
          </button>
        )}
        {phase === 'recorded' && (
          <>
            <button type="button" onClick={p.onListen} disabled={take?.listening} data-testid={`listen-${id}`}>
              {take?.listening ? 'Playing the take…' : 'Listen'}
            </button>
            <button type="button" className="primary" onClick={p.onKeep} data-testid={`keep-${id}`}>
              Keep
            </button>
            <button type="button" onClick={p.onRedo} data-testid={`redo-${id}`}>
              Redo
            </button>
            <button type="button" onClick={p.onDiscard} data-testid={`discard-${id}`}>
              Cancel
            </button>
          </>
        )}
        <button type="button" onClick={p.onPreview} disabled={phase !== 'idle' || p.busyElsewhere} data-testid={`preview-${id}`}>
          Preview from here
        </button>
      </div>
    </li>
  );
}
