import { useEffect, useRef, useState } from 'react';
import { CHECKLIST_IDS, type Scenario } from '../../../core/scenario/schema.js';
import { hasTypedSteps } from '../../../core/tryout/playlist.js';
import { addScenario, checklistLabel, moveItem, toggleChecklist, type TryoutFormState } from './tryout-form-model.js';

export interface TryoutFormProps {
  readonly initial: TryoutFormState;
  readonly scenarios: readonly Scenario[];
  /** Resolves to the back end's refusal (shown verbatim), or null when saved. */
  readonly onSave: (form: TryoutFormState) => Promise<string | null>;
  readonly onCancel: () => void;
}

const TYPED_MARK = '(typed answer)';

/** Create or edit one tryout: name, day, the ordered playlist, checklists, typed answers allowed. */
export function TryoutForm({ initial, scenarios, onSave, onCancel }: TryoutFormProps) {
  const [form, setForm] = useState(initial);
  const [toAdd, setToAdd] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  /** After a move, focus follows the moved scenario's button (reordering the DOM drops focus). */
  const [refocus, setRefocus] = useState<{ id: string; dir: 'up' | 'down' } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const typed = (id: string) => {
    const s = byId.get(id);
    return s !== undefined && hasTypedSteps(s);
  };
  const titleOf = (id: string) => byId.get(id)?.title ?? `${id} (not installed)`;
  const addable = scenarios.filter((s) => !form.scenarioIds.includes(s.id));
  const typedInPlaylist = form.scenarioIds.filter(typed);
  const patch = (p: Partial<TryoutFormState>) => setForm((f) => ({ ...f, ...p }));

  useEffect(() => {
    if (!refocus) return;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>(`button[data-move-of="${CSS.escape(refocus.id)}"]`);
    const target = [...(buttons ?? [])].find((b) => b.dataset.dir === refocus.dir && !b.disabled) ?? [...(buttons ?? [])].find((b) => !b.disabled);
    target?.focus();
    setRefocus(null);
  }, [refocus]);

  const move = (index: number, dir: 'up' | 'down') => {
    const id = form.scenarioIds[index];
    if (id === undefined) return;
    patch({ scenarioIds: moveItem(form.scenarioIds, index, dir === 'up' ? -1 : 1) });
    setRefocus({ id, dir });
  };

  const submit = async () => {
    setSaving(true);
    setError(null);
    const refusal = await onSave(form);
    setSaving(false);
    setError(refusal);
  };

  const heading = form.id === null ? 'New tryout' : `Edit “${initial.name}”`;
  return (
    <form
      className="tryout-form"
      aria-labelledby="tryout-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h4 id="tryout-form-title">{heading}</h4>
      <label className="field">
        <span>Name</span>
        <input type="text" value={form.name} onChange={(e) => patch({ name: e.target.value })} maxLength={120} placeholder="e.g. Support hires, spring intake" autoFocus data-testid="tryout-name" />
      </label>
      <label className="field">
        <span>Day of the tryout</span>
        <input type="date" value={form.date} onChange={(e) => patch({ date: e.target.value })} data-testid="tryout-date" />
      </label>

      <fieldset className="tryout-fieldset">
        <legend>Playlist: the calls every candidate takes, in this order</legend>
        {form.scenarioIds.length === 0 ? (
          <p className="small muted">No scenarios yet: add at least one below.</p>
        ) : (
          <ol className="tryout-playlist" ref={listRef}>
            {form.scenarioIds.map((id, index) => {
              const title = titleOf(id);
              return (
                <li key={id} className="tryout-playlist-item" data-testid="tryout-playlist-item" data-scenario-id={id}>
                  <span className="tryout-playlist-title">
                    {title} {typed(id) && <span className="typed-mark">{TYPED_MARK}</span>}
                  </span>
                  <span className="tryout-playlist-buttons">
                    <button type="button" onClick={() => move(index, 'up')} disabled={index === 0} aria-label={`Move ${title} up`} data-move-of={id} data-dir="up">
                      ↑
                    </button>
                    <button
                      type="button"
                      onClick={() => move(index, 'down')}
                      disabled={index === form.scenarioIds.length - 1}
                      aria-label={`Move ${title} down`}
                      data-move-of={id}
                      data-dir="down"
                    >
                      ↓
                    </button>
                    <button type="button" className="danger" onClick={() => patch({ scenarioIds: form.scenarioIds.filter((s) => s !== id) })} aria-label={`Remove ${title} from the playlist`}>
                      Remove
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
        <div className="tryout-add">
          <label className="field">
            <span>Scenario to add</span>
            <select value={toAdd} onChange={(e) => setToAdd(e.target.value)} disabled={addable.length === 0} data-testid="tryout-add-scenario">
              <option value="">{addable.length === 0 ? 'Every scenario is in the playlist' : 'Choose a scenario…'}</option>
              {addable.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                  {hasTypedSteps(s) ? ` ${TYPED_MARK}` : ''}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={() => {
              patch({ scenarioIds: addScenario(form.scenarioIds, toAdd) });
              setToAdd('');
            }}
            disabled={toAdd === ''}
            data-testid="tryout-add"
          >
            Add to the playlist
          </button>
        </div>
      </fieldset>

      <fieldset className="tryout-fieldset">
        <legend>Checklists the calls are judged on</legend>
        <div className="tryout-checks">
          {CHECKLIST_IDS.map((id) => (
            <label key={id} className="tryout-check">
              <input
                type="checkbox"
                checked={form.checklistIds.includes(id)}
                onChange={(e) => patch({ checklistIds: toggleChecklist(form.checklistIds, id, e.target.checked, CHECKLIST_IDS) })}
                data-testid={`tryout-checklist-${id}`}
              />
              {checklistLabel(id)}
            </label>
          ))}
        </div>
      </fieldset>

      <label className="tryout-check">
        <input type="checkbox" checked={form.typedStepsAllowed} onChange={(e) => patch({ typedStepsAllowed: e.target.checked })} aria-describedby="tryout-typed-hint" data-testid="tryout-typed-allowed" />
        Typed answers allowed
      </label>
      <p id="tryout-typed-hint" className="small muted">
        Turn this off for a spoken-only tryout: then no scenario marked {TYPED_MARK} may be in the playlist.
      </p>
      {!form.typedStepsAllowed && typedInPlaylist.length > 0 && (
        <p className="banner warn" role="status" data-testid="tryout-typed-warning">
          Typed answers are off, but {typedInPlaylist.map(titleOf).join(', ')} {typedInPlaylist.length === 1 ? 'asks' : 'ask'} for typed answers: allow typed answers or take{' '}
          {typedInPlaylist.length === 1 ? 'it' : 'them'} out before saving.
        </p>
      )}

      {error && (
        <p role="alert" className="banner error" data-testid="tryout-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving} data-testid="tryout-save">
          {saving ? 'Saving…' : 'Save tryout'}
        </button>
        <button type="button" onClick={onCancel} disabled={saving} data-testid="tryout-cancel">
          Cancel
        </button>
      </div>
    </form>
  );
}
