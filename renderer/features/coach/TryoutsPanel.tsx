import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { Scenario } from '../../../core/scenario/schema.js';
import type { Tryout } from '../../../core/tryout/schema.js';
import { useStore } from '../../store/index.js';
import { PinSetup } from './PinSetup.js';
import { TryoutForm } from './TryoutForm.js';
import { checklistLabel, formOfTryout, localDay, newTryoutForm, type TryoutFormState } from './tryout-form-model.js';
import { useTryouts, type TryoutsView } from './use-tryouts.js';
import './tryouts.css';

const NO_SCENARIOS: readonly Scenario[] = [];

interface RowProps {
  readonly tryout: Tryout;
  readonly view: TryoutsView;
  readonly titles: ReadonlyMap<string, string>;
  readonly onEdit: () => void;
  readonly onExport: () => void;
  readonly onDelete: () => void;
  readonly onStart: () => void;
}

/** One saved tryout: what it holds, and Edit / Export / Delete (asks first) / Start the day. */
function TryoutRow({ tryout: t, view, titles, onEdit, onExport, onDelete, onStart }: RowProps) {
  const [confirming, setConfirming] = useState(false);
  const pinSet = view.pin?.set === true;
  const exported = view.exported?.tryoutId === t.id ? view.exported.file : null;
  const hintId = `tryout-start-hint-${t.id}`;
  // While a day is on (coach mode unlocked), its tryout is marked and no other day can start.
  const dayTryoutId = useStore((s) => s.tryoutDay?.tryout?.id ?? null);
  const dayOn = dayTryoutId !== null;
  return (
    <li className="tryout-row" data-testid="tryout-row" data-tryout-id={t.id}>
      <h4 className="tryout-row-title">
        {t.name} <span className="muted small">{t.date}</span>
        {dayTryoutId === t.id && (
          <span className="chip" data-testid="tryout-day-on">
            Tryout day on
          </span>
        )}
      </h4>
      <ol className="tryout-row-playlist" aria-label={`Playlist of ${t.name}`}>
        {t.scenarioIds.map((id) => (
          <li key={id}>{titles.get(id) ?? `${id} (not installed)`}</li>
        ))}
      </ol>
      <p className="small">
        Checklists: {t.checklistIds.map(checklistLabel).join(', ')}. Typed answers allowed: {t.typedStepsAllowed ? 'yes' : 'no (spoken only)'}.
      </p>
      <div className="row-actions tryout-row-actions">
        <button type="button" onClick={onEdit} disabled={view.busy} aria-label={`Edit ${t.name}`} data-testid="tryout-edit">
          Edit
        </button>
        <button type="button" onClick={onExport} disabled={view.busy} aria-label={`Export ${t.name}`} data-testid="tryout-export">
          Export
        </button>
        <button type="button" onClick={() => useStore.getState().openResultsBoard(t.id)} aria-label={`Results board of ${t.name}`} data-testid="tryout-results-board">
          Results board
        </button>
        <button type="button" className="danger" onClick={() => setConfirming(true)} disabled={view.busy || confirming} aria-label={`Delete ${t.name}`} data-testid="tryout-delete">
          Delete
        </button>
        <button type="button" className="primary" onClick={onStart} disabled={view.busy || !pinSet || dayOn} aria-describedby={hintId} data-testid="tryout-start-day">
          Start tryout day on this laptop
        </button>
      </div>
      <p id={hintId} className="small muted">
        {dayOn
          ? 'A tryout day is on: end it (in the bar at the top) before starting another.'
          : pinSet
          ? 'The laptop then shows only the candidate screens for this tryout; coach mode needs the PIN.'
          : 'Set a coach PIN below first: during a tryout day, coach mode is behind it.'}
      </p>
      {confirming && (
        <div className="banner warn tryout-confirm" role="alertdialog" aria-labelledby={`tryout-confirm-${t.id}`}>
          <span id={`tryout-confirm-${t.id}`}>Delete “{t.name}”? Sessions already recorded are kept.</span>{' '}
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirming(false);
              onDelete();
            }}
            autoFocus
            data-testid="tryout-delete-confirm"
          >
            Delete it
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)} data-testid="tryout-delete-cancel">
            Keep it
          </button>
        </div>
      )}
      {exported && (
        <p className="small" data-testid="tryout-export-result">
          Saved to <code>{exported.path}</code>.{' '}
          <a href={exported.url} download={exported.fileName} data-testid="tryout-export-link">
            Download {exported.fileName}
          </a>
        </p>
      )}
    </li>
  );
}

/** Tryout days: the saved tryouts, the form to create or edit one, import, and the coach PIN. */
export function TryoutsPanel() {
  const t = useTryouts();
  const { view } = t;
  const scenarios = useStore((s) => s.catalog?.scenarios) ?? NO_SCENARIOS;
  const [editing, setEditing] = useState<TryoutFormState | null>(null);
  /** Closing the form would drop keyboard focus on the floor: it goes back to "New tryout". */
  const [refocusNew, setRefocusNew] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!refocusNew || editing !== null) return;
    newButton.current?.focus();
    setRefocusNew(false);
  }, [refocusNew, editing]);
  const closeForm = () => {
    setEditing(null);
    setRefocusNew(true);
  };
  const titles = new Map(scenarios.map((s) => [s.id, s.title]));

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void t.importFile(file);
  };
  const save = async (form: TryoutFormState) => {
    const refusal = await t.save(form);
    if (refusal === null) closeForm();
    return refusal;
  };

  return (
    <section className="pack-panel tryouts-panel" aria-labelledby="tryouts-title" data-testid="tryouts-panel">
      <h3 id="tryouts-title">Tryout days</h3>
      <p className="small muted">A tryout is the calls every candidate takes on the day, in order, and the checklists they are judged on.</p>
      {view.tryouts === null ? (
        <p className="small muted">Loading the saved tryouts…</p>
      ) : view.tryouts.length === 0 ? (
        <p className="small muted" data-testid="tryouts-empty">
          No tryouts saved on this laptop yet.
        </p>
      ) : (
        <ul className="tryout-rows" aria-label="Saved tryouts">
          {view.tryouts.map((tryout) => (
            <TryoutRow
              key={tryout.id}
              tryout={tryout}
              view={view}
              titles={titles}
              onEdit={() => setEditing(formOfTryout(tryout))}
              onExport={() => void t.exportOne(tryout)}
              onDelete={() => {
                if (editing?.id === tryout.id) setEditing(null);
                void t.remove(tryout);
              }}
              onStart={() => void t.startDay(tryout)}
            />
          ))}
        </ul>
      )}
      {view.notice && (
        <p className="small" role="status" data-testid="tryouts-notice">
          {view.notice}
        </p>
      )}
      {view.error && (
        <p role="alert" className="banner error" data-testid="tryouts-error">
          {view.error}
        </p>
      )}

      {editing ? (
        <TryoutForm key={editing.id ?? 'new'} initial={editing} scenarios={scenarios} onSave={save} onCancel={closeForm} />
      ) : (
        <div className="actions">
          <button type="button" className="primary" ref={newButton} onClick={() => setEditing(newTryoutForm(localDay(new Date())))} data-testid="tryout-new">
            New tryout
          </button>
          <label className={view.importStatus?.kind === 'busy' ? 'file-button disabled' : 'file-button'}>
            Import a tryout file…
            <input type="file" accept=".json,application/json" onChange={onFile} disabled={view.importStatus?.kind === 'busy'} data-testid="tryout-import" />
          </label>
        </div>
      )}
      {view.importStatus && (
        <p
          className={view.importStatus.kind === 'error' ? 'banner error' : 'small'}
          role={view.importStatus.kind === 'error' ? 'alert' : 'status'}
          data-testid="tryout-import-status"
        >
          {view.importStatus.text}
        </p>
      )}
      <PinSetup status={view.pin} onChanged={t.refreshPin} />
    </section>
  );
}
