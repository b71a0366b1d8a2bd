import type { Checklist } from '../../../core/analysis/checklist-schema.js';
import type { ItemChange, ItemChanges } from '../../../core/practice/item-changes.js';
import { checklistTitle } from './format.js';
import { changeText, changesIntro } from './progress-text.js';

interface ChangeListProps {
  readonly kind: 'improved' | 'slipped';
  readonly items: readonly ItemChange[];
  readonly checklists: readonly Pick<Checklist, 'id' | 'title'>[];
}

function ChangeList({ kind, items, checklists }: ChangeListProps) {
  const headingId = `progress-${kind}-title`;
  return (
    <section className={`progress-change progress-${kind}`} aria-labelledby={headingId}>
      <h4 id={headingId}>
        <span aria-hidden="true">{kind === 'improved' ? '▲' : '▼'}</span> {kind === 'improved' ? 'Improved' : 'Slipped'}
      </h4>
      {items.length === 0 ? (
        <p className="muted small">{kind === 'improved' ? 'None this time.' : 'Nothing slipped.'}</p>
      ) : (
        <ul data-testid={`progress-${kind}`}>
          {items.map((c) => (
            <li key={c.key} data-item={c.key}>
              <span className="change-title">{c.title}</span>
              <span className="muted small">
                {checklistTitle(c.checklist, checklists)}: {changeText(c)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What improved and what slipped in the latest call, since the earlier calls at its scenario. */
export function ItemChangesPanel({ changes, checklists }: { readonly changes: ItemChanges; readonly checklists: readonly Pick<Checklist, 'id' | 'title'>[] }) {
  const compared = changes.latest !== null && changes.earlierAtScenario > 0;
  return (
    <section className="progress-changes" aria-labelledby="progress-changes-title" data-testid="progress-changes">
      <h3 id="progress-changes-title">Since your previous call</h3>
      <p className="muted small" data-testid="progress-changes-intro">
        {changesIntro(changes)}
      </p>
      {compared && (
        <div className="progress-change-lists">
          <ChangeList kind="improved" items={changes.improved} checklists={checklists} />
          <ChangeList kind="slipped" items={changes.slipped} checklists={checklists} />
        </div>
      )}
    </section>
  );
}
