import type { DebriefNote } from '../../../core/debrief/debrief.js';

/** The items that passed, by their titles. */
export function WentWellList({ items }: { readonly items: readonly DebriefNote[] }) {
  return (
    <section className="debrief-part" aria-labelledby="debrief-well-title" data-testid="debrief-went-well">
      <h4 id="debrief-well-title">What went well</h4>
      {items.length === 0 ? (
        <p>Nothing passed yet this time. Start with the first thing above.</p>
      ) : (
        <ul className="debrief-well">
          {items.map((i) => (
            <li key={i.key} data-item={i.key}>
              <span aria-hidden="true" className="debrief-tick">✓</span> {i.title}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
