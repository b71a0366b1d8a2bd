export interface ReplayButtonProps {
  readonly label: string;
  /** What it replays, for a screen reader ("Replay this moment: No blame …"). */
  readonly describes: string;
  readonly playing: boolean;
  readonly onToggle: () => void;
  readonly testId?: string;
}

/** Plays one moment of the call's recording; pressed again while playing, stops it. */
export function ReplayButton({ label, describes, playing, onToggle, testId = 'replay-moment' }: ReplayButtonProps) {
  return (
    <button type="button" className="debrief-play" data-testid={testId} data-state={playing ? 'playing' : 'idle'} aria-pressed={playing} aria-label={`${label}: ${describes}`} onClick={onToggle}>
      <span aria-hidden="true">{playing ? '■' : '▶'}</span> {playing ? 'Stop' : label}
    </button>
  );
}
