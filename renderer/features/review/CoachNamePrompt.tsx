import { useState, type FormEvent } from 'react';

/** Asked once: the name reviews are saved under (kept in the settings). */
export function CoachNamePrompt({ initial, error, onSave, onCancel }: { initial: string; error: string | null; onSave: (name: string) => void; onCancel?: () => void }) {
  const [name, setName] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) onSave(name.trim());
  };
  return (
    <form className="coach-name-prompt" onSubmit={submit} data-testid="coach-name-prompt">
      <h3>Who is reviewing?</h3>
      <p className="small muted">Your review is saved under your name, next to other coaches’ reviews of the same session.</p>
      <label className="field">
        <span>Your name</span>
        <input type="text" value={name} maxLength={80} autoFocus onChange={(e) => setName(e.target.value)} data-testid="coach-name-input" />
      </label>
      {error && <p role="alert" className="banner error">{error}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={!name.trim()} data-testid="coach-name-save">
          Start reviewing
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
