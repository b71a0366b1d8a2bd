import { useEffect, useRef, useState } from 'react';
import { SUGGESTED_TAGS, TagSchema } from '../../../core/review/schema.js';
import { clockText } from '../findings/labels.js';

export interface AnnotationDraft {
  /** The annotation being edited, or null for a new one. */
  readonly id: string | null;
  readonly startFrame: number;
  readonly endFrame: number | null;
  readonly note: string;
  readonly tags: readonly string[];
}

export interface AnnotationFormProps {
  readonly draft: AnnotationDraft;
  readonly sampleRate: number;
  readonly onSave: (note: string, tags: readonly string[]) => void;
  readonly onDelete: (() => void) | null;
  readonly onCancel: () => void;
}

/** Note and tags for a moment or a region of the recording. Props only. */
export function AnnotationForm({ draft, sampleRate, onSave, onDelete, onCancel }: AnnotationFormProps) {
  const [note, setNote] = useState(draft.note);
  const [tags, setTags] = useState<readonly string[]>(draft.tags);
  const [custom, setCustom] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => noteRef.current?.focus(), []);

  const toggle = (tag: string) => setTags((t) => (t.includes(tag) ? t.filter((x) => x !== tag) : [...t, tag]));
  const addCustom = () => {
    const tag = custom.trim().toLowerCase().replace(/\s+/g, '-');
    if (!tag) return;
    const checked = TagSchema.safeParse(tag);
    if (!checked.success) return setProblem(checked.error.issues[0]?.message ?? 'that tag cannot be used');
    setProblem(null);
    setCustom('');
    if (!tags.includes(tag)) setTags([...tags, tag]);
  };
  const where =
    draft.endFrame === null
      ? `Moment at ${clockText(draft.startFrame, sampleRate)}`
      : `Region ${clockText(draft.startFrame, sampleRate)} – ${clockText(draft.endFrame, sampleRate)}`;
  const shown = [...SUGGESTED_TAGS, ...tags.filter((t) => !(SUGGESTED_TAGS as readonly string[]).includes(t))];

  return (
    <form
      className="annotation-form"
      data-testid="annotation-form"
      aria-label={draft.id ? 'Edit annotation' : 'New annotation'}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(note.trim(), tags);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <b>{where}</b>
      <label className="field">
        <span>Note</span>
        <textarea ref={noteRef} rows={2} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="annotation-note" />
      </label>
      <fieldset className="tag-picker">
        <legend>Tags</legend>
        {shown.map((tag) => (
          <label key={tag} className={`tag-toggle${tags.includes(tag) ? ' on' : ''}`}>
            <input type="checkbox" checked={tags.includes(tag)} onChange={() => toggle(tag)} data-testid={`annotation-tag-${tag}`} /> {tag}
          </label>
        ))}
        <input
          className="tag-custom"
          placeholder="own tag"
          aria-label="Add your own tag"
          value={custom}
          maxLength={32}
          onChange={(e) => setCustom(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addCustom();
            }
          }}
        />
        <button type="button" onClick={addCustom}>Add tag</button>
      </fieldset>
      {problem && <p role="alert" className="banner error">{problem}</p>}
      <div className="actions">
        <button type="submit" className="primary" data-testid="annotation-save">Save</button>
        <button type="button" onClick={onCancel}>Cancel</button>
        {onDelete && <button type="button" className="danger" onClick={onDelete} data-testid="annotation-delete">Delete</button>}
      </div>
    </form>
  );
}
