import type { Annotation } from '../../../core/review/schema.js';
import { clockText } from '../findings/labels.js';

export interface AnnotationListProps {
  readonly annotations: readonly Annotation[];
  readonly sampleRate: number;
  readonly onSeek: (frame: number) => void;
  readonly onEdit: (id: string) => void;
}

/** The coach's marks in recording order: time (seeks), tags, note, edit. Props only. */
export function AnnotationList({ annotations, sampleRate, onSeek, onEdit }: AnnotationListProps) {
  if (annotations.length === 0) return null;
  const sorted = [...annotations].sort((a, b) => a.startFrame - b.startFrame);
  return (
    <ul className="annotation-list" data-testid="annotation-list" aria-label="Annotations">
      {sorted.map((a) => (
        <li key={a.id} data-testid="annotation">
          <button type="button" className="seek" onClick={() => onSeek(a.startFrame)} title="Go to this moment">
            {clockText(a.startFrame, sampleRate)}
            {a.endFrame !== null && `–${clockText(a.endFrame, sampleRate)}`}
          </button>
          {a.tags.map((t) => (
            <span key={t} className="chip">{t}</span>
          ))}{' '}
          <span>{a.note}</span>{' '}
          <button type="button" className="link-button" onClick={() => onEdit(a.id)}>Edit</button>
        </li>
      ))}
    </ul>
  );
}
