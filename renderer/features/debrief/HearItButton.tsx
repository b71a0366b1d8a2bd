export interface HearItButtonProps {
  /** What is read, for a screen reader ("Hear it: the model answer 1"). */
  readonly describes: string;
  readonly speaking: boolean;
  readonly onToggle: () => void;
}

/** Reads a model answer aloud with the system voice; pressed again while reading, stops. */
export function HearItButton({ describes, speaking, onToggle }: HearItButtonProps) {
  return (
    <button type="button" className="debrief-play" data-testid="hear-model-answer" data-state={speaking ? 'speaking' : 'idle'} aria-pressed={speaking} aria-label={`Hear it: ${describes}`} onClick={onToggle}>
      <span aria-hidden="true">{speaking ? '■' : '▶'}</span> {speaking ? 'Stop' : 'Hear it'}
    </button>
  );
}
